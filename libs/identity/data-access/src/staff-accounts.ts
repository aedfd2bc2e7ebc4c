import { EntityManager } from '@mikro-orm/core';
import { Role, STAFF_ROLES } from '@alternance/platform/domain';
import { checkPassword, normaliseEmail } from '@alternance/identity/domain';
import { UserEntity } from './user.entity';
import { hashPassword } from './password-hasher';

export interface StaffAccountInput {
  email: string;
  role: Role;
  displayName: string;
  password: string;
}

/** Staff accounts (RECRUITER, ADMIN) exist only through this path: the CLI and seeds. */
export async function createStaffAccount(em: EntityManager, input: StaffAccountInput): Promise<UserEntity> {
  if (!STAFF_ROLES.includes(input.role)) throw new Error(`--role must be one of ${STAFF_ROLES.join(', ')}`);
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error(`--email "${input.email}" is not an email address`);
  const problems = checkPassword(input.password, email);
  if (problems.length) throw new Error(`--password ${problems[0].message}`);
  if (await em.count(UserEntity, { email })) throw new Error(`an account with email ${email} already exists`);
  const user = Object.assign(new UserEntity(), {
    email,
    role: input.role,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
  });
  await em.persistAndFlush(user);
  return user;
}
