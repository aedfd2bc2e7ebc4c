import fc from 'fast-check';
import { NumericColumn } from './numeric-column';

describe('NumericColumn.range', () => {
  /** Enough documents for many 1,024-document buckets, with ties and gaps. */
  function column(values: (number | undefined)[]): NumericColumn {
    const c = new NumericColumn();
    values.forEach((v, doc) => v !== undefined && c.set(doc, v));
    return c;
  }

  const values = Array.from({ length: 5000 }, (_, doc) => (doc % 7 === 0 ? undefined : (doc * 7919) % 1000));
  const numbers = column(values);

  it('matches a scan for bounds inside, across and at the edge of buckets (inclusive)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 1010 }), fc.integer({ min: 0, max: 600 }), (gte, width) => {
        const expected = values.flatMap((v, doc) => (v !== undefined && v >= gte && v <= gte + width ? [doc] : []));
        expect(numbers.range(gte, gte + width).toArray()).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('treats a missing bound as open and excludes documents without a value', () => {
    expect(numbers.range(undefined, undefined).size).toBe(values.filter((v) => v !== undefined).length);
    expect(numbers.range(999).toArray()).toEqual(values.flatMap((v, doc) => (v === 999 ? [doc] : [])));
  });

  it('sees writes made after a range was computed', () => {
    const c = column([5, 10, 15]);
    expect(c.range(9, 20).toArray()).toEqual([1, 2]);
    c.set(3, 12);
    c.unset(2);
    expect(c.range(9, 20).toArray()).toEqual([1, 3]);
  });
});

describe('NumericColumn under writes', () => {
  it('stays exact while values are added, moved and removed in any pattern', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined })), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 200 }),
        (writes, gte, width) => {
          const c = new NumericColumn();
          const model = new Map<number, number>();
          // Growing values ("published at") crowd the last bucket until it is recut.
          for (let doc = 0; doc < 3000; doc++) {
            c.set(doc, doc % 300);
            model.set(doc, doc % 300);
          }
          c.range(0, 1);
          writes.forEach(([doc, value], i) => {
            if (value === undefined) {
              c.unset(doc);
              model.delete(doc);
            } else {
              c.set(doc + 3000 * (i % 2), value + 300 * (i % 2));
              model.set(doc + 3000 * (i % 2), value + 300 * (i % 2));
            }
          });
          const expected = [...model].filter(([, v]) => v >= gte && v <= gte + width).map(([doc]) => doc).sort((a, b) => a - b);
          expect(c.range(gte, gte + width).toArray()).toEqual(expected);
          const visited: number[] = [];
          c.forEachInRange(gte, gte + width, (doc) => visited.push(doc));
          expect(visited.sort((a, b) => a - b)).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
  });
});
