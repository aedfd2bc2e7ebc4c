import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { EntityManager } from '@mikro-orm/core';
import { Role, Viewer } from '@alternance/platform/domain';
import { CurrentViewer, Public } from '@alternance/platform/nest';
import { RevealedIdentity, identitiesRevealedTo } from '@alternance/applications/data-access';
import { Candidate } from '@alternance/candidates/graphql';
import { PerRequest, RequestBatch } from './request-batch';

/**
 * Extends the candidates context's masking: `toCandidate` hides an ANONYMOUS candidate's name
 * and contact from employers, and these fields give them back to the employers of an
 * organization whose invitation the candidate accepted (and to no other). One query per
 * level of a response, however many candidates it lists.
 */
@Resolver(() => Candidate)
export class CandidateIdentityResolver {
  private readonly reveals = new PerRequest(() => new Map<string, RequestBatch<string, RevealedIdentity>>());

  constructor(private readonly em: EntityManager) {}

  @Public()
  @ResolveField(() => String, { nullable: true, description: 'Name; null for employers viewing an ANONYMOUS profile, until the candidate accepts their organization’s invitation.' })
  async displayName(@CurrentViewer() viewer: Viewer | null, @Context() context: object, @Parent() candidate: Candidate): Promise<string | null> {
    if (candidate.displayName !== null) return candidate.displayName;
    return (await this.revealed(viewer, context, candidate))?.displayName ?? null;
  }

  @Public()
  @ResolveField(() => String, {
    nullable: true,
    description: 'Contact email; only for the candidate, staff, employers of PUBLIC profiles, and employers of an organization whose invitation the candidate accepted.',
  })
  async email(@CurrentViewer() viewer: Viewer | null, @Context() context: object, @Parent() candidate: Candidate): Promise<string | null> {
    if (candidate.email !== null) return candidate.email;
    return (await this.revealed(viewer, context, candidate))?.email ?? null;
  }

  private async revealed(viewer: Viewer | null, context: object, candidate: Candidate): Promise<RevealedIdentity | undefined> {
    const organizationId = viewer?.role === Role.EMPLOYER ? viewer.organizationId : undefined;
    if (!organizationId) return undefined;
    const batches = this.reveals.of(context);
    let batch = batches.get(organizationId);
    if (!batch) {
      batch = new RequestBatch((ids) => identitiesRevealedTo(this.em, organizationId, ids));
      batches.set(organizationId, batch);
    }
    return batch.get(candidate.id);
  }
}
