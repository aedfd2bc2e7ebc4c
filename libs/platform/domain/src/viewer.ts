/** Who is asking. Every authorisation decision starts from this. */
export enum Role {
  CANDIDATE = 'CANDIDATE',
  EMPLOYER = 'EMPLOYER',
  RECRUITER = 'RECRUITER',
  ADMIN = 'ADMIN',
  /** Mentors hired apprentices; not staff. Created by staff, like staff accounts. */
  MENTOR = 'MENTOR',
}

export const STAFF_ROLES: readonly Role[] = [Role.RECRUITER, Role.ADMIN];

export interface Viewer {
  userId: string;
  role: Role;
  /** Set for employers: the one organization they belong to. */
  organizationId?: string;
}

export function isStaff(viewer: Viewer | null | undefined): boolean {
  return !!viewer && STAFF_ROLES.includes(viewer.role);
}
