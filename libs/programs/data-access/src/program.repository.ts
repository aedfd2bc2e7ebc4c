import { Injectable } from '@nestjs/common';
import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { InvalidInputException, Page, PageRequest, isUuid } from '@alternance/platform/domain';
import { countPlain, findPlain, findPlainByKeys } from '@alternance/platform/data-access';
import { wordsFilter } from '@alternance/taxonomy/data-access';
import { ProgramEntity } from './program.entity';
import { ProgramCatalogue } from './program-catalogue';
import { CatalogueProgram, ProgramSearch } from './program-snapshot';

/**
 * Reads for display come from the in-memory catalogue (`ProgramCatalogue`), except inside a
 * transaction: there the database answers, because the transaction may have written programs,
 * and on SQLite it holds the only connection, which a first load of the catalogue would wait for.
 * `requireAll` serves write paths: entities, read through the request's entity manager.
 */
@Injectable()
export class ProgramRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly catalogue: ProgramCatalogue,
  ) {}

  /** A page of the catalogue, for display (plain data, not entities). */
  search(filter: ProgramSearch, page: PageRequest): Promise<Page<CatalogueProgram>> {
    if (this.em.isInTransaction()) return searchProgramsInDatabase(this.em, filter, page);
    return this.catalogue.search(filter, page);
  }

  /** The programs with these ids, for display (plain data); unknown ids are left out. */
  async byIds(ids: readonly string[]): Promise<Map<string, CatalogueProgram>> {
    if (!this.em.isInTransaction()) return this.catalogue.byIds(ids);
    const valid = [...new Set(ids.filter(isUuid))];
    const rows = await findPlainByKeys(this.em, ProgramEntity, valid);
    return new Map(rows.map((p) => [p.id, p]));
  }

  /**
   * The programs in the order given, as entities of the request's entity manager (in its
   * transaction, if any), for the write paths that check the ids they store; an unknown id is an
   * input error on `path[i]`.
   */
  async requireAll(ids: string[], path: string): Promise<ProgramEntity[]> {
    const valid = [...new Set(ids.filter(isUuid))];
    const rows = valid.length ? await this.em.find(ProgramEntity, { id: { $in: valid } }) : [];
    const found = new Map(rows.map((p) => [p.id, p]));
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0) throw InvalidInputException.field(`${path}[${missing}]`, `${ids[missing]} is not a known training path`, 'UNKNOWN_PROGRAM');
    return ids.map((id) => found.get(id) as ProgramEntity);
  }
}

/**
 * The catalogue search in SQL: a page and a count. The in-memory catalogue answers the same
 * (the database-backed tests compare the two on both engines).
 */
export async function searchProgramsInDatabase(em: EntityManager, filter: ProgramSearch, page: PageRequest): Promise<Page<CatalogueProgram>> {
  const where: FilterQuery<ProgramEntity> & Record<string, unknown> = {};
  if (filter.query?.trim()) Object.assign(where, wordsFilter('searchTitle', filter.query));
  if (filter.rncpCode) where.rncpCode = filter.rncpCode;
  if (filter.level != null) where.level = filter.level;
  if (filter.poeEligible != null) where.poeEligible = filter.poeEligible;
  if (filter.country) where.country = filter.country;
  if (filter.romeCode) where.romeCodesKey = { $like: `%|${filter.romeCode}|%` };
  const [items, totalCount] = await Promise.all([
    findPlain(em, ProgramEntity, where, { orderBy: { title: 'asc', id: 'asc' }, limit: page.limit, offset: page.offset }),
    countPlain(em, ProgramEntity, where),
  ]);
  return { items, totalCount, ...page };
}
