import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Country, FieldError, InvalidInputException, Page, PageRequest, isValidLatitude, isValidLongitude } from '@alternance/platform/domain';
import { SkillKind, communeDisplayName, foldText } from '@alternance/taxonomy/domain';
import {
  CommuneEntity,
  OccupationEntity,
  OccupationMobilityEntity,
  OccupationSkillEntity,
  SkillEntity,
} from './taxonomy.entities';

export interface PlaceQuery {
  country: Country;
  postcode?: string | null;
  inseeCode?: string | null;
  city?: string | null;
  lat?: number | null;
  lng?: number | null;
}

export interface ResolvedPlace {
  city: string | null;
  postcode: string | null;
  inseeCode: string | null;
  country: Country;
  lat: number;
  lng: number;
}

/**
 * User text inside LIKE: wildcards are dropped rather than escaped, because SQLite and
 * PostgreSQL disagree on the default escape character.
 */
function likeText(text: string): string {
  return text.replace(/[\\%_]/g, ' ').trim();
}

/**
 * The words `wordsFilter` looks for, folded and without LIKE wildcards: in-memory searches that
 * must answer as the SQL one does (the program catalogue) split the query with this too.
 */
export function likeWords(query: string): string[] {
  return likeText(foldText(query)).split(/\s+/).filter(Boolean);
}

/** Every word of the query must appear in the folded label, in any order. */
export function wordsFilter(field: string, query: string): Record<string, unknown> {
  return { $and: likeWords(query).map((w) => ({ [field]: { $like: `%${w}%` } })) };
}

/**
 * Reads the reference data (occupations, skills, communes) and turns what users type into
 * checked references: unknown codes and places are input errors naming the field.
 */
@Injectable()
export class TaxonomyRepository {
  constructor(private readonly em: EntityManager) {}

  async searchOccupations(query: string | undefined, page: PageRequest): Promise<Page<OccupationEntity>> {
    const where = query?.trim() ? wordsFilter('searchLabel', query) : {};
    const [items, totalCount] = await this.em.findAndCount(OccupationEntity, where, {
      orderBy: { code: 'asc' },
      limit: page.limit,
      offset: page.offset,
    });
    return { items, totalCount, ...page };
  }

  findOccupation(code: string): Promise<OccupationEntity | null> {
    return this.em.findOne(OccupationEntity, { code });
  }

  async occupationsByCodes(codes: string[]): Promise<Map<string, OccupationEntity>> {
    if (!codes.length) return new Map();
    const rows = await this.em.find(OccupationEntity, { code: { $in: [...new Set(codes)] } });
    return new Map(rows.map((o) => [o.code, o]));
  }

  async searchSkills(
    filter: { query?: string; kind?: SkillKind; romeCode?: string },
    page: PageRequest,
  ): Promise<Page<SkillEntity>> {
    const where: Record<string, unknown> = {};
    if (filter.query?.trim()) Object.assign(where, wordsFilter('searchLabel', filter.query));
    if (filter.kind) where.kind = filter.kind;
    if (filter.romeCode) {
      const links = await this.em.find(OccupationSkillEntity, { romeCode: filter.romeCode }, { fields: ['skillCode'] });
      where.code = { $in: links.map((l) => l.skillCode) };
    }
    const [items, totalCount] = await this.em.findAndCount(SkillEntity, where, {
      orderBy: { label: 'asc', code: 'asc' },
      limit: page.limit,
      offset: page.offset,
    });
    return { items, totalCount, ...page };
  }

  async skillsOfOccupation(romeCode: string): Promise<{ link: OccupationSkillEntity; skill: SkillEntity }[]> {
    const links = await this.em.find(OccupationSkillEntity, { romeCode }, { orderBy: { core: 'desc', skillCode: 'asc' } });
    const skills = await this.skillsByCodes(links.map((l) => l.skillCode));
    return links.flatMap((link) => {
      const skill = skills.get(link.skillCode);
      return skill ? [{ link, skill }] : [];
    });
  }

  neighbours(romeCode: string): Promise<OccupationMobilityEntity[]> {
    return this.em.find(OccupationMobilityEntity, { romeCode }, { orderBy: { rank: 'asc', targetCode: 'asc' } });
  }

  async skillsByCodes(codes: string[]): Promise<Map<string, SkillEntity>> {
    if (!codes.length) return new Map();
    const rows = await this.em.find(SkillEntity, { code: { $in: [...new Set(codes)] } });
    return new Map(rows.map((s) => [s.code, s]));
  }

  communes(filter: { postcode?: string; inseeCode?: string }, limit: number): Promise<CommuneEntity[]> {
    const where: Record<string, unknown> = {};
    if (filter.postcode) where.postcode = filter.postcode;
    if (filter.inseeCode) where.inseeCode = filter.inseeCode;
    return this.em.find(CommuneEntity, where, { orderBy: { name: 'asc', postcode: 'asc' }, limit });
  }

  /**
   * The commune a name designates, as La Poste spells it (upper case, no accents, "SAINT ETIENNE"):
   * its arrondissements count as the city ("LYON 03"); when several communes share the name, the
   * one with the most postcodes and localities (the largest, as a rule). Only communes with
   * coordinates; undefined when none.
   */
  async communeByName(upperName: string): Promise<CommuneEntity | undefined> {
    // Stored as displayed: "Lyon 03", "Saint Etienne".
    const name = communeDisplayName(upperName);
    const rows = await this.em.find(CommuneEntity, { $or: [{ name }, { name: { $like: `${name.replace(/[%_\\]/g, '')} %` } }], lat: { $ne: null }, lng: { $ne: null } }, { orderBy: { postcode: 'asc', id: 'asc' }, limit: 500 });
    const byInsee = new Map<string, CommuneEntity[]>();
    for (const row of rows) {
      // "LYON 03" is Lyon; "SAINT ETIENNE DU ROUVRAY" is another commune.
      if (row.name !== name && !/^ \d+$/.test(row.name.slice(name.length))) continue;
      const key = row.name === name ? row.inseeCode : name;
      byInsee.set(key, [...(byInsee.get(key) ?? []), row]);
    }
    let best: CommuneEntity[] | undefined;
    for (const group of byInsee.values()) if (!best || group.length > best.length) best = group;
    return best?.[0];
  }

  /**
   * Every commune with coordinates by its upper-case name as `communeByName` reads it (the same
   * choice among communes sharing a name), for lookups from memory: one read of the table.
   */
  async communesByUpperName(): Promise<Map<string, Pick<CommuneEntity, 'name' | 'postcode' | 'lat' | 'lng'>>> {
    const rows = await this.em.find(CommuneEntity, { lat: { $ne: null }, lng: { $ne: null } }, { fields: ['name', 'inseeCode', 'postcode', 'lat', 'lng'], orderBy: { postcode: 'asc', id: 'asc' } });
    const groups = new Map<string, Map<string, CommuneEntity[]>>();
    for (const row of rows) {
      const city = row.name.replace(/ \d+$/, '');
      // "Lyon 03" is Lyon; two communes of one name are told apart by their INSEE code.
      const key = city === row.name ? row.inseeCode : city;
      const upper = foldText(city).toUpperCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      let byKey = groups.get(upper);
      if (!byKey) groups.set(upper, (byKey = new Map()));
      byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
    const out = new Map<string, Pick<CommuneEntity, 'name' | 'postcode' | 'lat' | 'lng'>>();
    for (const [upper, byKey] of groups) {
      let best: CommuneEntity[] | undefined;
      for (const group of byKey.values()) if (!best || group.length > best.length) best = group;
      const first = best![0];
      out.set(upper, { name: first.name, postcode: first.postcode, lat: first.lat, lng: first.lng });
    }
    return out;
  }

  /** Fails naming each unknown ROME code's field, as `pathOf` spells it. */
  async requireOccupations(codes: string[], pathOf: (index: number) => string): Promise<void> {
    const known = await this.occupationsByCodes(codes);
    const errors: FieldError[] = [];
    codes.forEach((code, i) => {
      if (!known.has(code)) errors.push({ path: pathOf(i), message: `${code} is not a ROME 4.0 occupation code` });
    });
    if (errors.length) throw new InvalidInputException(errors, 'UNKNOWN_ROME_CODE');
  }

  /** Skills by code with their labels; unknown codes are input errors. */
  async requireSkills(codes: string[], path: string): Promise<Map<string, SkillEntity>> {
    const known = await this.skillsByCodes(codes);
    const errors: FieldError[] = [];
    codes.forEach((code, i) => {
      if (!known.has(code)) errors.push({ path: `${path}[${i}].code`, message: `${code} is not a ROME skill code` });
    });
    if (errors.length) throw new InvalidInputException(errors, 'UNKNOWN_SKILL');
    return known;
  }

  /**
   * A French place is looked up from its postcode or INSEE code (the city name picks among
   * several communes sharing a postcode); elsewhere coordinates must be given.
   */
  async resolvePlace(place: PlaceQuery, path: string): Promise<ResolvedPlace> {
    const coordsGiven = place.lat != null || place.lng != null;
    if (coordsGiven) {
      if (place.lat == null || !isValidLatitude(place.lat)) throw InvalidInputException.field(`${path}.lat`, 'must be a latitude from -90 to 90');
      if (place.lng == null || !isValidLongitude(place.lng)) throw InvalidInputException.field(`${path}.lng`, 'must be a longitude from -180 to 180');
    }
    if (place.country === Country.FR && (place.postcode || place.inseeCode)) {
      const candidates = await this.communes({ postcode: place.postcode ?? undefined, inseeCode: place.inseeCode ?? undefined }, 200);
      const field = place.inseeCode ? `${path}.inseeCode` : `${path}.postcode`;
      if (!candidates.length) throw InvalidInputException.field(field, 'matches no French commune', 'UNKNOWN_PLACE');
      const wanted = place.city ? foldText(place.city) : null;
      const commune = (wanted && candidates.find((c) => foldText(c.name) === wanted)) || candidates.find((c) => c.lat != null) || candidates[0];
      const lat = place.lat ?? commune.lat;
      const lng = place.lng ?? commune.lng;
      if (lat == null || lng == null) throw InvalidInputException.field(`${path}.lat`, 'this commune has no coordinates: give lat and lng');
      return { city: commune.name, postcode: commune.postcode, inseeCode: commune.inseeCode, country: place.country, lat, lng };
    }
    if (!coordsGiven) {
      const hint = place.country === Country.FR ? 'give a postcode, an INSEE code, or lat and lng' : 'give lat and lng';
      throw InvalidInputException.field(`${path}.lat`, `is required: ${hint}`, 'PLACE_REQUIRED');
    }
    return {
      city: place.city ?? null,
      postcode: place.postcode ?? null,
      inseeCode: null,
      country: place.country,
      lat: place.lat as number,
      lng: place.lng as number,
    };
  }
}
