import { RoaringBitmap32 } from 'roaring';
import type { FieldValue } from '@alternance/search/domain';

/**
 * One bitmap of documents per (filterable field, value): an `in` filter is a union of a few
 * of them and a facet count is one `andCardinality` per value, whatever the number of hits.
 * Array fields put the document under each of their values.
 */

/** The string a value is filtered and faceted under (facet counts report values as strings). */
export function facetKey(value: FieldValue): string {
  return typeof value === 'string' ? value : String(value);
}

/** The scalar values a document holds in a field, arrays flattened, empty values skipped. */
export function fieldValues(raw: unknown): FieldValue[] {
  if (raw === null || raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((v): v is FieldValue => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)));
}

export class FacetIndex {
  private readonly fields = new Map<string, Map<string, RoaringBitmap32>>();
  private readonly pending = new Map<string, Map<string, number[]>>();

  constructor(fields: readonly string[]) {
    for (const field of fields) this.fields.set(field, new Map());
  }

  has(field: string): boolean {
    return this.fields.has(field);
  }

  add(field: string, key: string, doc: number): void {
    let byKey = this.pending.get(field);
    if (!byKey) this.pending.set(field, (byKey = new Map()));
    const docs = byKey.get(key);
    if (docs) docs.push(doc);
    else byKey.set(key, [doc]);
  }

  remove(field: string, key: string, doc: number): void {
    this.fields.get(field)?.get(key)?.remove(doc);
  }

  flush(): void {
    for (const [field, byKey] of this.pending) {
      const values = this.fields.get(field);
      if (!values) continue;
      for (const [key, docs] of byKey) {
        const ids = Uint32Array.from(docs).sort();
        const bitmap = values.get(key);
        if (bitmap) bitmap.addMany(ids);
        else values.set(key, new RoaringBitmap32(ids));
      }
    }
    this.pending.clear();
  }

  bitmap(field: string, key: string): RoaringBitmap32 | undefined {
    return this.fields.get(field)?.get(key);
  }

  /** Every value of a field with its documents (possibly empty after deletions). */
  values(field: string): ReadonlyMap<string, RoaringBitmap32> {
    return this.fields.get(field) ?? new Map();
  }

  clear(): void {
    for (const values of this.fields.values()) values.clear();
    this.pending.clear();
  }

  /** Restores one field's bitmaps from a snapshot. */
  restore(field: string, values: Map<string, RoaringBitmap32>): void {
    if (this.fields.has(field)) this.fields.set(field, values);
  }
}
