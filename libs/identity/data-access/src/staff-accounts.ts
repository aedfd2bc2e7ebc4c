import { EntityManager } from '@mikro-orm/core';
import { Role, STAFF_ROLES } from '@alternance/platform/domain';
import { STAFF_CREATED_ROLES, checkPassword, checkTrainingDay, normaliseEmail } from '@alternance/identity/domain';
import { UserEntity } from './user.entity';
import { hashPassword } from './password-hasher';

export interface StaffAccountInput {
  email: string;
  role: Role;
  displayName: string;
  password: string;
  /** Staff only: the day they were trained as a disability referent (YYYY-MM-DD). */
  disabilityReferentTrainedAt?: string | null;
}

/**
 * Staff accounts (RECRUITER, ADMIN) and mentors (MENTOR) exist only through this path: the CLI
 * and seeds. Nobody signs up as one.
 */
export async function createStaffAccount(em: EntityManager, input: StaffAccountInput, today = new Date().toISOString().slice(0, 10)): Promise<UserEntity> {
  if (!STAFF_CREATED_ROLES.includes(input.role)) throw new Error(`--role must be one of ${STAFF_CREATED_ROLES.join(', ')}`);
  const trainedAt = input.disabilityReferentTrainedAt ?? null;
  if (trainedAt !== null) {
    if (!STAFF_ROLES.includes(input.role)) throw new Error('--disability-referent-trained-at is for staff accounts (RECRUITER, ADMIN) only');
    const dayProblems = checkTrainingDay(trainedAt, today, '--disability-referent-trained-at');
    if (dayProblems.length) throw new Error(`--disability-referent-trained-at ${dayProblems[0].message}`);
  }
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
    disabilityReferentTrainedAt: trainedAt,
  });
  await em.persistAndFlush(user);
  return user;
}
