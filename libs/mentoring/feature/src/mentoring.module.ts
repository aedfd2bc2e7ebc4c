import { Module } from '@nestjs/common';
import { MentorProfilesService } from './mentor-profiles.service';
import { MentorAssignmentService } from './mentor-assignment.service';
import { MentoringPersonalData } from './mentoring-personal-data';
import { MentoringResolver } from './mentoring.resolver';

/** Mentor profiles, referents, the assignment and the mentoring's personal data, without GraphQL. */
@Module({ providers: [MentorProfilesService, MentorAssignmentService, MentoringPersonalData], exports: [MentorProfilesService, MentorAssignmentService] })
export class MentoringModule {}

/** The mentoring API: profiles, referents, the assignment (dry run, apply, pin, move) and what mentors and apprentices see. */
@Module({ imports: [MentoringModule], providers: [MentoringResolver] })
export class MentoringApiModule {}
