import { Injectable } from '@nestjs/common';
import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Country, InvalidInputException, Page, PageRequest, isUuid } from '@alternance/platform/domain';
import { PlainEntity, countPlain, findPlain } from '@alternance/platform/data-access';
import { wordsFilter } from '@alternance/taxonomy/data-access';
import { ProgramEntity } from './program.entity';

export interface ProgramSearch {
  query?: string;
  rncpCode?: string;
  level?: number;
  romeCode?: string;
  poeEligible?: boolean;
  country?: Country;
}

@Injectable()
export class ProgramRepository {
  constructor(private readonly em: EntityManager) {}

  /** A page of the catalogue, for display (plain data, not entities). */
  async search(filter: ProgramSearch, page: PageRequest): Promise<Page<PlainEntity<ProgramEntity>>> {
    const where: FilterQuery<ProgramEntity> & Record<string, unknown> = {};
    if (filter.query?.trim()) Object.assign(where, wordsFilter('searchTitle', filter.query));
    if (filter.rncpCode) where.rncpCode = filter.rncpCode;
    if (filter.level != null) where.level = filter.level;
    if (filter.poeEligible != null) where.poeEligible = filter.poeEligible;
    if (filter.country) where.country = filter.country;
    if (filter.romeCode) where.romeCodesKey = { $like: `%|${filter.romeCode}|%` };
    const [items, totalCount] = await Promise.all([
      findPlain(this.em, ProgramEntity, where, { orderBy: { title: 'asc', id: 'asc' }, limit: page.limit, offset: page.offset }),
      countPlain(this.em, ProgramEntity, where),
    ]);
    return { items, totalCount, ...page };
  }

  async byIds(ids: string[]): Promise<Map<string, ProgramEntity>> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (!valid.length) return new Map();
    const rows = await this.em.find(ProgramEntity, { id: { $in: valid } });
    return new Map(rows.map((p) => [p.id, p]));
  }

  /** The programs in the order given; an unknown id is an input error on `path[i]`. */
  async requireAll(ids: string[], path: string): Promise<ProgramEntity[]> {
    const found = await this.byIds(ids);
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0) throw InvalidInputException.field(`${path}[${missing}]`, `${ids[missing]} is not a known training path`, 'UNKNOWN_PROGRAM');
    return ids.map((id) => found.get(id) as ProgramEntity);
  }
}
