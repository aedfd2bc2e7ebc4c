import { Args, Context, ID, Mutation, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { ForbiddenException, Role, Viewer } from '@alternance/platform/domain';
import { Authenticated, CurrentViewer, Public, Roles, requestLoader } from '@alternance/platform/nest';
import { canReadPrivateFields } from '@alternance/candidates/domain';
import { Candidate, CandidatePrivateFields, CandidateProfileInput, toCandidate } from '@alternance/candidates/graphql';
import { Gender, QualificationLevel, SituationBefore } from '@alternance/candidates/domain';
import { Program, ProgramMapper } from '@alternance/programs/graphql';
import { CandidatesService } from './candidates.service';

@Resolver(() => Candidate)
export class CandidatesResolver {
  constructor(private readonly candidates: CandidatesService) {}

  @Roles(Role.CANDIDATE)
  @Mutation(() => Candidate, { description: 'Create or change your candidate profile; omitted fields stay as they are.' })
  async upsertMyCandidateProfile(@CurrentViewer() viewer: Viewer, @Args('input', { description: 'Profile fields to set.' }) input: CandidateProfileInput) {
    const { candidate, user } = await this.candidates.upsertMine(viewer, input);
    return toCandidate(candidate, user, viewer);
  }

  @Roles(Role.CANDIDATE)
  @Query(() => Candidate, { nullable: true, description: 'Your candidate profile, or null before you create it.' })
  async myCandidateProfile(@CurrentViewer() viewer: Viewer) {
    const found = await this.candidates.mine(viewer);
    return found ? toCandidate(found.candidate, found.user, viewer) : null;
  }

  @Roles(Role.CANDIDATE, Role.EMPLOYER, Role.RECRUITER, Role.ADMIN)
  @Query(() => Candidate, {
    nullable: true,
    description: 'One profile: employers see PUBLIC and ANONYMOUS ones (the latter without identity); candidates only their own.',
  })
  async candidate(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID, description: 'Candidate id.' }) id: string) {
    const found = await this.candidates.findVisible(viewer, id);
    return found ? toCandidate(found.candidate, found.user, viewer) : null;
  }
}

/**
 * The profile's training paths and private fields (each checked for the viewer), and how
 * another service of the federated deployment gets a profile from its id: the same visibility
 * as `candidate(id)`, nothing for anonymous requests.
 */
@Resolver(() => Candidate)
export class CandidateFieldsResolver {
  constructor(
    private readonly candidates: CandidatesService,
    private readonly programMapper: ProgramMapper,
  ) {}

  @Public()
  @ResolveReference()
  async resolveReference(@Parent() reference: { id: string }, @CurrentViewer() viewer: Viewer | null, @Context() context: object) {
    if (!viewer) return null;
    // A plan asks for a list's profiles together: one read for all of them.
    const found = await requestLoader(context, CandidateFieldsResolver, (ids: string[]) => this.candidates.findVisibleMany(viewer, ids)).load(reference.id);
    return found ? toCandidate(found.candidate, found.user, viewer) : null;
  }

  @Authenticated()
  @ResolveField(() => [Program], { description: 'Training paths the candidate follows or targets.' })
  async programs(@Parent() candidate: Candidate) {
    return this.programMapper.byIds(candidate.programIds);
  }

  @Authenticated()
  @ResolveField(() => String, { nullable: true, description: 'PRIVATE (candidate and staff). Birth date, YYYY-MM-DD.' })
  birthDate(@CurrentViewer() viewer: Viewer, @Parent() candidate: Candidate) {
    return this.readPrivate(viewer, candidate, 'birthDate');
  }

  @Authenticated()
  @ResolveField(() => Boolean, { nullable: true, description: 'PRIVATE (candidate and staff). Registered job seeker.' })
  jobSeeker(@CurrentViewer() viewer: Viewer, @Parent() candidate: Candidate) {
    return this.readPrivate(viewer, candidate, 'jobSeeker');
  }

  @Authenticated()
  @ResolveField(() => Boolean, { nullable: true, description: 'PRIVATE (candidate and staff). Recognised disability (RQTH).' })
  disabilityRecognised(@CurrentViewer() viewer: Viewer, @Parent() candidate: Candidate) {
    return this.readPrivate(viewer, candidate, 'disabilityRecognised');
  }

  @Authenticated()
  @ResolveField(() => Gender, { nullable: true, description: 'PRIVATE (candidate and staff). Self-declared gender.' })
  gender(@CurrentViewer() viewer: Viewer, @Parent() candidate: Candidate) {
    return this.readPrivate(viewer, candidate, 'gender');
  }

  @Authenticated()
  @ResolveField(() => QualificationLevel, { nullable: true, description: 'PRIVATE (candidate and staff). Highest qualification obtained (priority category).' })
  highestQualification(@CurrentViewer() viewer: Viewer, @Parent() candidate: Candidate) {
    return this.readPrivate(viewer, candidate, 'highestQualification');
  }

  @Authenticated()
  @ResolveField(() => Boolean, { nullable: true, description: 'PRIVATE (candidate and staff). Lives in a priority urban area, QPV (priority category).' })
  livesInQpv(@CurrentViewer() viewer: Viewer, @Parent() candidate: Candidate) {
    return this.readPrivate(viewer, candidate, 'livesInQpv');
  }

  @Authenticated()
  @ResolveField(() => Boolean, {
    nullable: true,
    description: 'PRIVATE (candidate and staff). Refugee or beneficiary of international protection (priority category).',
  })
  internationalProtection(@CurrentViewer() viewer: Viewer, @Parent() candidate: Candidate) {
    return this.readPrivate(viewer, candidate, 'internationalProtection');
  }

  @Authenticated()
  @ResolveField(() => SituationBefore, { nullable: true, description: 'PRIVATE (candidate and staff). Situation before the apprenticeship.' })
  situationBefore(@CurrentViewer() viewer: Viewer, @Parent() candidate: Candidate) {
    return this.readPrivate(viewer, candidate, 'situationBefore');
  }

  @Authenticated()
  @ResolveField(() => Boolean, { nullable: true, description: 'PRIVATE (candidate and staff). Consent to keep disability status, gender and the priority categories.' })
  sensitiveDataConsent(@CurrentViewer() viewer: Viewer, @Parent() candidate: Candidate) {
    return this.readPrivate(viewer, candidate, 'sensitiveDataConsent');
  }

  private readPrivate<K extends keyof CandidatePrivateFields>(viewer: Viewer, candidate: Candidate, key: K): CandidatePrivateFields[K] {
    if (!canReadPrivateFields(viewer, candidate.userId)) {
      throw new ForbiddenException(`${key} is private: only the candidate and staff can read it.`, 'PRIVATE_FIELD');
    }
    return candidate.privateFields[key];
  }
}
