import { Injectable, Module } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { MatchReference } from '@alternance/matching/domain';
import { ProgramCatalogue, ProgramCatalogueModule, ProgramSnapshot } from '@alternance/programs/data-access';
import { loadMatchReference } from './match-data';

/**
 * The matcher's referential for this process, built from the program catalogue in memory and
 * rebuilt whenever the catalogue serves another snapshot: an import in this process shows at
 * once, one in another process after the catalogue's refresh interval. Matching and the
 * eligibility check of applications share it, so both apply the same rules to the same paths.
 * Requests arriving during a rebuild share it; a failed build is retried by the next request.
 */
@Injectable()
export class MatchReferences {
  private built?: { programs: ProgramSnapshot; reference: Promise<MatchReference> };

  constructor(
    private readonly orm: MikroORM,
    private readonly catalogue: ProgramCatalogue,
  ) {}

  async current(): Promise<MatchReference> {
    const programs = await this.catalogue.snapshot();
    if (this.built?.programs !== programs) {
      // An entity manager of its own: the build outlives the request that starts it.
      const reference = loadMatchReference(this.orm.em.fork(), programs.programs);
      const built = { programs, reference };
      this.built = built;
      reference.catch(() => {
        if (this.built === built) this.built = undefined;
      });
    }
    return this.built.reference;
  }
}

/** One referential per process, for every module that matches or checks eligibility. */
@Module({ imports: [ProgramCatalogueModule], providers: [MatchReferences], exports: [MatchReferences] })
export class MatchReferenceModule {}
