import { Module } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { CatalogueSuggestion, CatalogueSuggestionIndex, SuggestionKind, buildCatalogueSuggestionIndexInSlices } from '@alternance/programs/domain';
import { TaxonomySuggestionRows, readTaxonomySuggestionRows } from '@alternance/taxonomy/data-access';
import { parseSuggestionQuery } from '@alternance/taxonomy/domain';
import { ProgramCatalogue, ProgramCatalogueModule } from './program-catalogue';
import { ProgramSnapshot } from './program-snapshot';

export interface SuggestOptions {
  /** All kinds when absent. */
  kinds?: readonly SuggestionKind[];
  first: number;
}

/**
 * The autocomplete index of this process, built on first use from the taxonomy tables and the
 * program catalogue in memory, and rebuilt whenever the catalogue serves another snapshot: every
 * import (`loadCatalogue`, `npm run import`) writes the taxonomy, then the programs, whose import
 * changes the catalogue's version; an import in this process shows at once, one in another
 * process after the catalogue's refresh interval. Requests arriving during a build wait for it
 * and share it; a failed build is retried by the next request. The build runs in slices, so
 * the process answers other requests (and its health checks) while it lasts.
 */
export class CatalogueSuggestions {
  private built?: { programs: ProgramSnapshot; index: Promise<CatalogueSuggestionIndex> };

  constructor(
    private readonly readTaxonomy: () => Promise<TaxonomySuggestionRows>,
    private readonly catalogue: ProgramCatalogue,
  ) {}

  async suggest(text: string, options: SuggestOptions): Promise<CatalogueSuggestion[]> {
    const index = await this.current();
    return index.suggest(parseSuggestionQuery(text), options).map((hit) => hit.item);
  }

  async current(): Promise<CatalogueSuggestionIndex> {
    const programs = await this.catalogue.snapshot();
    if (this.built?.programs !== programs) {
      const index = this.readTaxonomy().then((taxonomy) => buildCatalogueSuggestionIndexInSlices({ ...taxonomy, programs: programs.programs }));
      const built = { programs, index };
      this.built = built;
      built.index.catch(() => {
        if (this.built === built) this.built = undefined;
      });
    }
    return this.built.index;
  }
}

/** One autocomplete index per process. */
@Module({
  imports: [ProgramCatalogueModule],
  providers: [
    {
      provide: CatalogueSuggestions,
      inject: [MikroORM, ProgramCatalogue],
      // An entity manager per build: it outlives the request that starts it.
      useFactory: (orm: MikroORM, catalogue: ProgramCatalogue) => new CatalogueSuggestions(() => readTaxonomySuggestionRows(orm.em.fork()), catalogue),
    },
  ],
  exports: [CatalogueSuggestions],
})
export class CatalogueSuggestionsModule {}
