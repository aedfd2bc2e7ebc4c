/**
 * Small-count suppression for published tables of people (the impact report): no published
 * cell under the threshold, and complementary suppression so that no suppressed cell can be
 * recomputed from the cells and totals published in the same table.
 *
 * A table is additive: `counts[i][j]` people in row i and column j, published with its row
 * totals, column totals and grand total. Written as an (R+1)×(C+1) grid whose last row and
 * column are the totals, every row and every column is one linear equation. Seen as a
 * bipartite graph (a vertex per row and per column of the grid, an edge per cell), the
 * suppressed cells are unknowns of those equations, and a suppressed cell is determined by the
 * published ones exactly when its edge is a bridge of the graph of suppressed cells (a cell on
 * a cycle can move up on one side of the cycle and down on the other, every equation still
 * holding). So: suppress every cell under the threshold (totals included), then, while a
 * suppressed cell is a bridge, close a cycle through it by suppressing the cheapest path of
 * published cells (fewest people hidden) that joins its two sides.
 *
 * Only for additive tables: categories that overlap (one person in several) have no totals
 * equation and are published as separate one-row tables.
 *
 * The guarantee is against recomputation from the table's equations. That counts are never
 * negative can still narrow a hidden cell's range (a cycle holding zeros on both of its sides
 * can only take one value); no interval audit of that kind is done.
 */

export const DEFAULT_MINIMUM_COUNT = 10;

export interface SuppressedTable {
  /** The inner cells, null where suppressed. */
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  grandTotal: number | null;
  /** How many cells (totals included) were hidden for being small, and how many to protect them. */
  primary: number;
  complementary: number;
}

/** The grid with its totals: rows 0..R-1 then the total row R; columns likewise. */
function withTotals(counts: readonly (readonly number[])[]): number[][] {
  const rows = counts.length;
  const columns = rows ? counts[0].length : 0;
  const grid = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totalRow: number[] = [];
  for (let j = 0; j <= columns; j++) totalRow.push(grid.reduce((sum, row) => sum + row[j], 0));
  grid.push(totalRow);
  return grid;
}

function check(counts: readonly (readonly number[])[], minimum: number): void {
  if (!Number.isInteger(minimum) || minimum < 1) throw new RangeError('minimum must be a positive integer');
  if (!counts.length || !counts[0].length) throw new RangeError('a table needs at least one row and one column');
  const width = counts[0].length;
  for (const row of counts) {
    if (row.length !== width) throw new RangeError('every row must have as many cells');
    for (const n of row) if (!Number.isInteger(n) || n < 0) throw new RangeError('counts must be non-negative integers');
  }
}

/**
 * Which cells of the grid (totals included) must be hidden: every cell under `minimum`
 * (zero included), and the cells that protect them.
 */
export function suppressionPattern(
  counts: readonly (readonly number[])[],
  minimum = DEFAULT_MINIMUM_COUNT,
  forced?: readonly (readonly boolean[])[],
): { hidden: boolean[][]; primary: number } {
  check(counts, minimum);
  const grid = withTotals(counts);
  const R = grid.length;
  const C = grid[0].length;
  // `forced`: cells of the grid (totals included) hidden whatever their count, because another
  // table publishing the same figure hides it; they are protected like small ones.
  const hidden = grid.map((row, i) => row.map((n, j) => n < minimum || !!forced?.[i]?.[j]));
  const primary = hidden.flat().filter(Boolean).length;
  for (;;) {
    const bridge = findBridge(hidden, R, C);
    if (!bridge) break;
    closeCycle(grid, hidden, bridge, R, C);
  }
  return { hidden, primary };
}

export function suppressSmallCounts(counts: readonly (readonly number[])[], minimum = DEFAULT_MINIMUM_COUNT, forced?: readonly (readonly boolean[])[]): SuppressedTable {
  const { hidden, primary } = suppressionPattern(counts, minimum, forced);
  const grid = withTotals(counts);
  const R = grid.length - 1;
  const C = grid[0].length - 1;
  const shown = grid.map((row, i) => row.map((n, j) => (hidden[i][j] ? null : n)));
  return {
    cells: shown.slice(0, R).map((row) => row.slice(0, C)),
    rowTotals: shown.slice(0, R).map((row) => row[C]),
    columnTotals: shown[R].slice(0, C),
    grandTotal: shown[R][C],
    primary,
    complementary: hidden.flat().filter(Boolean).length - primary,
  };
}

/** Vertices: rows are 0..R-1, columns R..R+C-1; a hidden cell (i, j) is the edge i — R+j. */
type Edge = [number, number];

/** A hidden cell that no cycle of hidden cells goes through (Tarjan's bridges), or null. */
function findBridge(hidden: boolean[][], R: number, C: number): Edge | null {
  const n = R + C;
  const adjacent: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < C; j++) {
      if (hidden[i][j]) {
        adjacent[i].push(R + j);
        adjacent[R + j].push(i);
      }
    }
  }
  const order = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  let time = 0;
  // Iterative depth-first search (the graph is simple: a parent is skipped by vertex).
  for (let root = 0; root < n; root++) {
    if (order[root] >= 0 || !adjacent[root].length) continue;
    const stack: { v: number; parent: number; next: number }[] = [{ v: root, parent: -1, next: 0 }];
    order[root] = low[root] = time++;
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.next < adjacent[top.v].length) {
        const w = adjacent[top.v][top.next++];
        if (w === top.parent) continue;
        if (order[w] >= 0) low[top.v] = Math.min(low[top.v], order[w]);
        else {
          order[w] = low[w] = time++;
          stack.push({ v: w, parent: top.v, next: 0 });
        }
      } else {
        stack.pop();
        if (top.parent >= 0) {
          low[top.parent] = Math.min(low[top.parent], low[top.v]);
          if (low[top.v] > order[top.parent]) return top.parent < R ? [top.parent, top.v] : [top.v, top.parent];
        }
      }
    }
  }
  return null;
}

/**
 * Puts the bridge `row — column` on a cycle: the cheapest path from the row's side to the
 * column's side that does not use the bridge, where a hidden cell costs nothing and a published
 * one costs its count plus one (fewest people, then fewest cells), found by Dijkstra on the
 * complete bipartite graph of cells; every cell on it is hidden.
 */
function closeCycle(grid: number[][], hidden: boolean[][], [row, columnVertex]: Edge, R: number, C: number): void {
  const n = R + C;
  const bridgeColumn = columnVertex - R;
  const distance = new Array<number>(n).fill(Infinity);
  const previous = new Array<number>(n).fill(-1);
  const done = new Array<boolean>(n).fill(false);
  distance[row] = 0;
  for (;;) {
    let v = -1;
    for (let u = 0; u < n; u++) if (!done[u] && distance[u] < Infinity && (v < 0 || distance[u] < distance[v])) v = u;
    if (v < 0) throw new Error('no cycle can protect this cell');
    if (v === columnVertex) break;
    done[v] = true;
    const neighbours = v < R ? Array.from({ length: C }, (_, j) => R + j) : Array.from({ length: R }, (_, i) => i);
    for (const w of neighbours) {
      const [i, j] = v < R ? [v, w - R] : [w, v - R];
      if (i === row && j === bridgeColumn) continue;
      const cost = hidden[i][j] ? 0 : grid[i][j] + 1;
      if (distance[v] + cost < distance[w]) {
        distance[w] = distance[v] + cost;
        previous[w] = v;
      }
    }
  }
  for (let v = columnVertex; previous[v] >= 0; v = previous[v]) {
    const u = previous[v];
    const [i, j] = u < R ? [u, v - R] : [v, u - R];
    hidden[i][j] = true;
  }
}
