import { Role } from '@alternance/platform/domain';
import { siretWithCheckDigit } from '@alternance/organizations/domain';
import { createStaffAccount } from '@alternance/identity/data-access';
import { TestApp } from './test-app';

export const PASSWORD = 'correct-horse-battery-staple';

export interface Actor {
  token: string;
  userId: string;
  email: string;
  organizationId?: string;
}

let counter = 0;
function unique(prefix: string): string {
  counter++;
  return `${prefix}-${process.pid}-${counter}@example.test`;
}

/** A valid SIRET that no other test uses. */
export function freshSiret(): string {
  const body = `${String(Date.now() % 1e9).padStart(9, '0')}${String(++counter % 1e4).padStart(4, '0')}`;
  return siretWithCheckDigit(body);
}

const SIGN_UP = `mutation ($input: SignUpInput!) {
  signUp(input: $input) { accessToken user { id email role organization { id } } }
}`;

export async function signUpCandidate(t: TestApp, name = 'Camille Martin'): Promise<Actor> {
  const email = unique('candidate');
  const res = await t.gql(SIGN_UP, { input: { email, password: PASSWORD, role: 'CANDIDATE', displayName: name } });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { token: res.data!.signUp.accessToken, userId: res.data!.signUp.user.id, email };
}

export async function signUpEmployer(t: TestApp, orgName = 'Atelier Numérique'): Promise<Actor> {
  const email = unique('employer');
  const res = await t.gql(SIGN_UP, {
    input: { email, password: PASSWORD, role: 'EMPLOYER', displayName: 'Sam Durand', organization: { name: orgName, siret: freshSiret(), country: 'FR' } },
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const user = res.data!.signUp.user;
  return { token: res.data!.signUp.accessToken, userId: user.id, email, organizationId: user.organization.id };
}

export async function staff(t: TestApp, role: Role.RECRUITER | Role.ADMIN): Promise<Actor> {
  const email = unique(role.toLowerCase());
  await createStaffAccount(t.orm.em.fork(), { email, role, displayName: `Staff ${role}`, password: PASSWORD });
  const res = await t.gql(`mutation ($input: LogInInput!) { logIn(input: $input) { accessToken user { id } } }`, {
    input: { email, password: PASSWORD },
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { token: res.data!.logIn.accessToken, userId: res.data!.logIn.user.id, email };
}
