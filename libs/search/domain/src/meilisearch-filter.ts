import { FieldValue, Filter, Sort } from './search-model';

/** Field names come from our own settings, never from users; refuse anything else anyway. */
function attribute(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not an attribute name: ${name}`);
  return name;
}

/** A value in Meilisearch's filter syntax: strings double-quoted with quotes and backslashes escaped. */
export function meiliValue(value: FieldValue): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('filter numbers must be finite');
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function meiliFilter(filter: Filter): string {
  switch (filter.kind) {
    case 'in':
      return filter.values.length === 1
        ? `${attribute(filter.field)} = ${meiliValue(filter.values[0])}`
        : `${attribute(filter.field)} IN [${filter.values.map(meiliValue).join(', ')}]`;
    case 'range': {
      const parts: string[] = [];
      if (filter.gte !== undefined) parts.push(`${attribute(filter.field)} >= ${meiliValue(filter.gte)}`);
      if (filter.lte !== undefined) parts.push(`${attribute(filter.field)} <= ${meiliValue(filter.lte)}`);
      return parts.join(' AND ');
    }
    case 'geo':
      return `_geoRadius(${meiliValue(filter.lat)}, ${meiliValue(filter.lng)}, ${meiliValue(Math.round(filter.radiusKm * 1000))})`;
  }
}

/** Meilisearch takes an array of conditions, all of which must hold. */
export function meiliFilters(filters: Filter[]): string[] {
  return filters.map(meiliFilter).filter((f) => f.length > 0);
}

export function meiliSort(sort: Sort): string[] | undefined {
  switch (sort.kind) {
    case 'relevance':
      return undefined;
    case 'field':
      return [`${attribute(sort.field)}:${sort.direction}`];
    case 'distance':
      return [`_geoPoint(${meiliValue(sort.lat)}, ${meiliValue(sort.lng)}):asc`];
  }
}
