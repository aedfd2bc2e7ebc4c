import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, Viewer } from '@alternance/platform/domain';
import { CurrentViewer, Roles } from '@alternance/platform/nest';
import {
  DisabilityReferent,
  DisabilityReferentInput,
  Mentee,
  MenteePreferences,
  MenteePreferencesInput,
  MentorAssignmentResult,
  MentorPair,
  MentorPinInput,
  MentorProfile,
  MentorProfileInput,
  MyMentor,
} from '@alternance/mentoring/graphql';
import { MentorProfilesService } from './mentor-profiles.service';
import { MentorAssignmentService } from './mentor-assignment.service';

const STAFF = [Role.RECRUITER, Role.ADMIN] as const;

@Resolver()
export class MentoringResolver {
  constructor(
    private readonly profiles: MentorProfilesService,
    private readonly assignment: MentorAssignmentService,
  ) {}

  @Roles(...STAFF)
  @Mutation(() => MentorProfile, { description: 'Staff: create the profile of a MENTOR account (accounts come from `npm run user:create -- --role MENTOR`).' })
  createMentorProfile(
    @Args('userId', { type: () => ID, description: 'The MENTOR account.' }) userId: string,
    @Args('input', { description: 'Profile fields.' }) input: MentorProfileInput,
  ) {
    return this.profiles.create(userId, input);
  }

  @Roles(...STAFF)
  @Mutation(() => MentorProfile, { description: 'Staff: change a mentor’s profile; omitted fields stay as they are.' })
  updateMentorProfile(
    @CurrentViewer() viewer: Viewer,
    @Args('userId', { type: () => ID, description: 'The MENTOR account.' }) userId: string,
    @Args('input', { description: 'Fields to set.' }) input: MentorProfileInput,
  ) {
    return this.profiles.update(viewer, userId, input);
  }

  @Roles(...STAFF)
  @Query(() => [MentorProfile], { description: 'Staff: every mentor profile, by name.' })
  mentorProfiles() {
    return this.profiles.list();
  }

  @Roles(Role.MENTOR)
  @Query(() => MentorProfile, { nullable: true, description: 'Mentor: your profile, or null before staff create it.' })
  myMentorProfile(@CurrentViewer() viewer: Viewer) {
    return this.profiles.mine(viewer);
  }

  @Roles(Role.MENTOR)
  @Mutation(() => MentorProfile, { description: 'Mentor: change your profile; omitted fields stay as they are.' })
  updateMyMentorProfile(@CurrentViewer() viewer: Viewer, @Args('input', { description: 'Fields to set.' }) input: MentorProfileInput) {
    return this.profiles.update(viewer, viewer.userId, input);
  }

  @Roles(...STAFF)
  @Mutation(() => DisabilityReferent, { nullable: true, description: 'Staff: record the day a staff member was trained as a disability referent (null clears it; answers null then).' })
  setDisabilityReferent(@Args('input', { description: 'The staff member and the day.' }) input: DisabilityReferentInput) {
    return this.profiles.setDisabilityReferent(input);
  }

  @Roles(...STAFF)
  @Query(() => [DisabilityReferent], { description: 'Staff: the staff trained as disability referents.' })
  disabilityReferents() {
    return this.profiles.referents();
  }

  @Roles(...STAFF)
  @Mutation(() => MentorAssignmentResult, {
    description:
      'Staff: the mentor assignment for every hired apprentice at once (exact, not greedy). With dryRun (the default) nothing is written; otherwise the pairs are stored (pinned ones kept) and the mentors and apprentices whose pair changed are told.',
  })
  assignMentors(@Args('dryRun', { type: () => Boolean, defaultValue: true, description: 'Only propose, write nothing.' }) dryRun: boolean) {
    return this.assignment.run(dryRun);
  }

  @Roles(...STAFF)
  @Mutation(() => MentorPair, { description: 'Staff: pin a hired apprentice to a mentor, or move them to another one; later assignments keep the pin. Both are told.' })
  pinMentor(@Args('input', { description: 'The application and the mentor.' }) input: MentorPinInput) {
    return this.assignment.pin(input);
  }

  @Roles(...STAFF)
  @Mutation(() => Boolean, { description: 'Staff: release a pin; the pair stays until the next applied assignment.' })
  unpinMentor(@Args('applicationId', { type: () => ID, description: 'The HIRED application.' }) applicationId: string) {
    return this.assignment.unpin(applicationId);
  }

  @Roles(Role.MENTOR)
  @Query(() => [Mentee], { description: 'Mentor: your mentees (name, offer, training path, employer; an accommodation need only when the mentee shares it with you).' })
  myMentees(@CurrentViewer() viewer: Viewer) {
    return this.assignment.menteesOf(viewer);
  }

  @Roles(Role.CANDIDATE)
  @Query(() => [MyMentor], { description: 'Apprentice: your mentor for each hire.' })
  myMentors(@CurrentViewer() viewer: Viewer) {
    return this.assignment.mentorsOf(viewer);
  }

  @Roles(Role.CANDIDATE)
  @Query(() => MenteePreferences, { description: 'Apprentice: your mentoring preferences (defaults until you set them).' })
  myMenteePreferences(@CurrentViewer() viewer: Viewer) {
    return this.profiles.myPreferences(viewer);
  }

  @Roles(Role.CANDIDATE)
  @Mutation(() => MenteePreferences, { description: 'Apprentice: set your languages, an accommodation need, and whether your mentor may read it.' })
  setMyMenteePreferences(@CurrentViewer() viewer: Viewer, @Args('input', { description: 'Fields to set.' }) input: MenteePreferencesInput) {
    return this.profiles.setMyPreferences(viewer, input);
  }
}
