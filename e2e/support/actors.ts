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

/** A person an apprenticeship near Lyon is open to: 20 at the offers' start, no job-seeker status needed. */
export const APPRENTICE_PROFILE = {
  desiredRomeCodes: ['M1805'],
  location: { country: 'FR', postcode: '69003' },
  mobilityRadiusKm: 30,
  remotePreference: 'HYBRID',
  availableFrom: '2027-01-04',
  birthDate: '2006-05-01',
  jobSeeker: false,
};

/** Creates or updates the actor's candidate profile; returns its id. */
export async function upsertProfile(t: TestApp, actor: Actor, input: Record<string, unknown>): Promise<string> {
  const res = await t.gql(`mutation ($input: CandidateProfileInput!) { upsertMyCandidateProfile(input: $input) { id } }`, { input }, actor.token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.upsertMyCandidateProfile.id;
}

/** A web developer apprenticeship in Lyon starting in January 2027, by `by`, published unless asked not to; returns its id. */
export async function createOffer(t: TestApp, by: Actor, overrides: Record<string, unknown> = {}, publish = true): Promise<string> {
  const input = {
    title: 'Développeur web en alternance',
    description: 'Applications web.',
    contractType: 'APPRENTICESHIP',
    romeCode: 'M1805',
    location: { country: 'FR', postcode: '69003' },
    remotePolicy: 'HYBRID',
    startDate: { earliest: '2027-01-04', latest: '2027-03-01' },
    ...overrides,
  };
  const res = await t.gql(`mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }`, { input }, by.token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const id = res.data!.createOffer.id;
  if (publish) await t.gql(`mutation ($id: ID!) { publishOffer(id: $id) { id } }`, { id }, by.token);
  return id;
}
