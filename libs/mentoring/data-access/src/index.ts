export * from './mentor-profile.entity';
export * from './mentor-assignment.entity';
export * from './mentee-preference.entity';
export * from './hired-apprentices';

import { MentorProfileEntity } from './mentor-profile.entity';
import { MentorAssignmentEntity } from './mentor-assignment.entity';
import { MenteePreferenceEntity } from './mentee-preference.entity';

/** The mentoring's tables. */
export const MENTORING_ENTITIES = [MentorProfileEntity, MentorAssignmentEntity, MenteePreferenceEntity];
