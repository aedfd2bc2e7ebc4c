import fc from 'fast-check';
import { suppressSmallCounts, suppressionPattern } from './small-counts';

/**
 * An independent judge of "can be recomputed": the table's equations (each row and each column
 * of the grid with its totals sums to its total) as a matrix over the hidden cells, and a hidden
 * cell is determined when removing its column lowers the rank. Rank is taken modulo a prime: the
 * matrix is an incidence matrix of a bipartite graph (totally unimodular), so its rank is the
 * same there as over the rationals.
 */
const P = 65_521;

function rank(matrix: number[][]): number {
  const m = matrix.map((row) => row.map((v) => ((v % P) + P) % P));
  let r = 0;
  const columns = m[0]?.length ?? 0;
  for (let c = 0; c < columns && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && row[c] !== 0);
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot], m[r]];
    const inverse = modPow(m[r][c], P - 2);
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i][c] === 0) continue;
      const factor = (m[i][c] * inverse) % P;
      for (let k = c; k < columns; k++) m[i][k] = (((m[i][k] - factor * m[r][k]) % P) + P) % P;
    }
    r++;
  }
  return r;
}

function modPow(base: number, exponent: number): number {
  let result = 1;
  let b = base % P;
  for (let e = exponent; e > 0; e >>= 1) {
    if (e & 1) result = (result * b) % P;
    b = (b * b) % P;
  }
  return result;
}

/** The hidden cells (of the grid with totals) that the published ones give away. */
function recomputable(hidden: boolean[][]): [number, number][] {
  const R = hidden.length;
  const C = hidden[0].length;
  const unknowns: [number, number][] = [];
  hidden.forEach((row, i) => row.forEach((h, j) => h && unknowns.push([i, j])));
  if (!unknowns.length) return [];
  // Row i: sum of its inner cells minus its total = 0; column j likewise.
  const equations: number[][] = [];
  for (let i = 0; i < R; i++) equations.push(unknowns.map(([a, b]) => (a === i ? (b === C - 1 ? -1 : 1) : 0)));
  for (let j = 0; j < C; j++) equations.push(unknowns.map(([a, b]) => (b === j ? (a === R - 1 ? -1 : 1) : 0)));
  const full = rank(equations);
  return unknowns.filter((_, k) => rank(equations.map((row) => row.filter((__, c) => c !== k))) < full);
}

describe('small-count suppression', () => {
  it('publishes a table without small counts as it is', () => {
    expect(suppressSmallCounts([[120, 30], [45, 10]])).toEqual({
      cells: [[120, 30], [45, 10]],
      rowTotals: [150, 55],
      columnTotals: [165, 40],
      grandTotal: 205,
      primary: 0,
      complementary: 0,
    });
  });

  it('hides a small cell and enough around it that the totals cannot give it back', () => {
    // Hires living in a QPV: 3. Hiding the 3 alone, the row total minus 40 gives it back.
    const table = suppressSmallCounts([
      [3, 40],
      [55, 120],
    ]);
    expect(table.cells[0][0]).toBeNull();
    expect(table.primary).toBe(1);
    expect(table.complementary).toBeGreaterThanOrEqual(3);
    const { hidden } = suppressionPattern([[3, 40], [55, 120]]);
    expect(recomputable(hidden)).toEqual([]);
    // Primary suppression alone would be undone by subtraction.
    expect(recomputable([[true, false, false], [false, false, false], [false, false, false]])).toEqual([[0, 0]]);
  });

  it('resists differencing on a population built for it: categories by stage, with a total under 10', () => {
    // Rows: in a priority category or not; columns: candidates, applicants, hires, each seen by
    // category and in total, and a one-person column (people hired twice).
    const counts = [
      [412, 97, 9, 1],
      [1530, 410, 48, 0],
    ];
    const { hidden } = suppressionPattern(counts);
    expect(recomputable(hidden)).toEqual([]);
    const table = suppressSmallCounts(counts);
    expect(table.columnTotals[3]).toBeNull(); // 1 in total
    expect(table.cells[0][2]).toBeNull(); // 9
    for (const value of [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.grandTotal]) {
      if (value !== null) expect(value).toBeGreaterThanOrEqual(10);
    }
  });

  it('never publishes a cell under 10, and never lets a hidden one be recomputed (2,000 tables)', () => {
    const small = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 12 }), weight: 3 }, { arbitrary: fc.integer({ min: 10, max: 400 }), weight: 2 });
    const tables = fc.integer({ min: 1, max: 4 }).chain((columns) => fc.array(fc.array(small, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(tables, (counts) => {
        const { hidden } = suppressionPattern(counts);
        const table = suppressSmallCounts(counts);
        const sums = counts.map((row) => row.reduce((a, b) => a + b, 0));
        const truth = [
          ...counts.flat(),
          ...sums,
          ...counts[0].map((_, j) => counts.reduce((s, row) => s + row[j], 0)),
          sums.reduce((a, b) => a + b, 0),
        ];
        const shown = [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.grandTotal];
        shown.forEach((value, k) => {
          if (truth[k] < 10) expect(value).toBeNull();
          if (value !== null) expect(value).toBe(truth[k]);
        });
        expect(recomputable(hidden)).toEqual([]);
      }),
      { numRuns: 2_000, seed: 1017 },
    );
  });

  it('protects cells another table hides (forced) like small ones (1,000 tables)', () => {
    // Fair exposure publishes each group's pool in three tables (shown, invited, hired): a pool
    // hidden in one must be hidden, and protected, in the others.
    const big = fc.integer({ min: 0, max: 300 });
    const cases = fc.integer({ min: 1, max: 3 }).chain((columns) =>
      fc.tuple(
        fc.array(fc.array(big, { minLength: columns, maxLength: columns }), { minLength: 2, maxLength: 4 }),
        fc.array(fc.array(fc.boolean(), { minLength: columns + 1, maxLength: columns + 1 }), { minLength: 5, maxLength: 5 }),
      ),
    );
    fc.assert(
      fc.property(cases, ([counts, mask]) => {
        const forced = mask.slice(0, counts.length + 1);
        const { hidden } = suppressionPattern(counts, 10, forced);
        forced.forEach((row, i) => row.forEach((f, j) => f && expect(hidden[i][j]).toBe(true)));
        expect(recomputable(hidden)).toEqual([]);
      }),
      { numRuns: 1_000, seed: 2026 },
    );
  });

  it('refuses what is not a table of counts', () => {
    expect(() => suppressSmallCounts([])).toThrow(RangeError);
    expect(() => suppressSmallCounts([[1, 2], [3]])).toThrow(RangeError);
    expect(() => suppressSmallCounts([[-1]])).toThrow(RangeError);
    expect(() => suppressSmallCounts([[1.5]])).toThrow(RangeError);
  });
});
