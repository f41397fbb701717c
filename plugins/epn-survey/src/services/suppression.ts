// Small-cell suppression for every count that leaves the database as an aggregate (dashboards, aggregated
// exports). An EPN sees a few dozen visitors a month: "1 visitor aged 75+ from Koekelberg who has no
// internet at home" points at a person the staff know. A count under the threshold is never shown, and
// the shown figures must not let a reader work it out again.
//
// Rules, in order:
//
// 1. Primary suppression: every published figure (cell or total) under the threshold is hidden, ZEROS
//    INCLUDED. Statistical offices usually print true zeros, but here a shown zero leaks: it tells the
//    reader that the hidden cells beside it are at least 1. In the breakdown [1, 1, 0, 30] with total 32,
//    showing "hidden, hidden, 0, 30, total 32" gives two hidden cells summing to 2, neither of them 0: both
//    are exactly 1. In a small group it also tells where everybody is ("all the visitors aged 75+ came for
//    help with an online form"). So a hidden cell honestly means "0 to threshold−1, or hidden to protect
//    one", and a reader can never assume it is at least 1.
//
// 2. Complementary suppression, line by line. A line is one published sum: a row with its row total, a
//    column with its column total, the column totals with the grand total, the row totals with the grand
//    total (or all cells with the grand total when it is the only margin). In every line:
//    - no hidden figure, or at least two (with one, total minus the shown figures gives it back);
//    - when the line's total is shown, the hidden cells together hold at least `threshold` (what the reader
//      computes as "total minus shown cells" must not itself be a small count: "the other two categories
//      hold 2 people" is the same disclosure as the cell itself, and a difference of 0 would reveal that
//      every hidden cell of the line is 0).
//    A line that breaks a rule gets its smallest shown figure hidden as well (ties: the figure whose other
//    lines already have hidden figures, so that fewer new lines need a complement; then cells before totals;
//    then position). Hiding a figure may break another line, so this repeats until every line is fine.
//
// 3. Audit: a reader with a spreadsheet can add and subtract several lines at once (two rows minus two
//    columns, ...). After step 2 the published sums are solved as a linear system over the hidden figures;
//    any hidden figure that the system fixes to one value gets a further complement (the smallest shown
//    figure on its lines that makes it free again), and steps 2–3 repeat.
//
// What this guarantees, for every table it returns:
// - no shown figure is under the threshold;
// - within any one published sum, a hidden figure can be anything from 0 to at least the threshold;
// - no hidden figure is determined exactly by any combination of the published sums of this table
//   (exact disclosure over the real numbers).
// What it does not guarantee:
// - intervals: with non-negativity, combining several lines can narrow a hidden figure to a small range
//   (an attacker solving a linear programme); offices use tau-argus with protection levels for that;
// - other tables: two tables over the same responses (a filter that differs by one person, a breakdown
//   by age and another by age and gender, this month and this month plus yesterday) can be subtracted from
//   each other. Callers must publish a fixed set of tables (fixed filters, whole periods), not free
//   filtering;
// - group disclosure: a shown "12 of 12 in the same category" says something true about all 12 people.
import { AppError } from '@passerelle/trpc';

export const MIN_SUPPRESSION_THRESHOLD = 5;
export const DEFAULT_SUPPRESSION_THRESHOLD = 10;

/**
 * A published count, or a hidden one. All hidden figures look the same on purpose: a hidden complement
 * can be large, so the UI must not print "< 10" for it (use one neutral mark with a legend such as
 * "hidden: fewer than 10 responses, or hidden so that a small number cannot be worked out").
 */
export type Cell = { value: number } | { suppressed: true };

export interface TableMargins {
  rowTotals: boolean;
  columnTotals: boolean;
  grandTotal: boolean;
}

/** The table as published; a margin is null when it was not asked for. */
export interface SuppressedTable {
  rows: Cell[][];
  rowTotals: Cell[] | null;
  columnTotals: Cell[] | null;
  grandTotal: Cell | null;
}

/** The threshold, when it is an integer of at least MIN_SUPPRESSION_THRESHOLD; throws otherwise. */
export function checkThreshold(n: number): number {
  if (!Number.isInteger(n) || n < MIN_SUPPRESSION_THRESHOLD) {
    throw new AppError('VALIDATION', `suppression threshold must be an integer of at least ${MIN_SUPPRESSION_THRESHOLD}`, {
      messageKey: 'epn_survey_error_threshold',
      params: { min: MIN_SUPPRESSION_THRESHOLD }
    });
  }
  return n;
}

const HIDDEN: Cell = Object.freeze({ suppressed: true as const });

/** A one-way breakdown shown with its total (e.g. responses by age band). */
export function suppressCounts(counts: number[], threshold: number): { cells: Cell[]; total: Cell } {
  const t = suppressTable([counts], threshold, { rowTotals: true, columnTotals: false, grandTotal: false });
  return { cells: t.rows[0] ?? [], total: t.rowTotals?.[0] ?? HIDDEN };
}

/** A two-way table (e.g. age band × month) with the margins that will be shown beside it. */
export function suppressTable(rows: number[][], threshold: number, opts: TableMargins): SuppressedTable {
  const t = checkThreshold(threshold);
  const R = rows.length;
  const C = rows[0]?.length ?? 0;
  for (const row of rows) {
    if (row.length !== C) throw new RangeError('suppressTable: rows must all have the same length');
    for (const v of row) if (!Number.isSafeInteger(v) || v < 0) throw new RangeError('suppressTable: counts must be non-negative integers');
  }

  // Every figure gets an id: cells row by row, then row totals, column totals, grand total.
  const cellId = (i: number, j: number) => i * C + j;
  const rowTotalId = (i: number) => R * C + i;
  const colTotalId = (j: number) => R * C + R + j;
  const grandId = R * C + R + C;
  const values: number[] = new Array<number>(grandId + 1).fill(0);
  let grand = 0;
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < C; j++) {
      const v = rows[i]![j]!;
      values[cellId(i, j)] = v;
      values[rowTotalId(i)] = values[rowTotalId(i)]! + v;
      values[colTotalId(j)] = values[colTotalId(j)]! + v;
      grand += v;
    }
  }
  values[grandId] = grand;

  const published = values.map((_, id) => id < R * C || (id < R * C + R ? opts.rowTotals : id < grandId ? opts.columnTotals : opts.grandTotal));
  const range = (n: number) => Array.from({ length: n }, (_, k) => k);
  const lines: Line[] = [];
  if (opts.rowTotals) for (let i = 0; i < R; i++) lines.push({ members: range(C).map((j) => cellId(i, j)), total: rowTotalId(i) });
  if (opts.columnTotals) for (let j = 0; j < C; j++) lines.push({ members: range(R).map((i) => cellId(i, j)), total: colTotalId(j) });
  if (opts.grandTotal && opts.columnTotals) lines.push({ members: range(C).map(colTotalId), total: grandId });
  if (opts.grandTotal && opts.rowTotals) lines.push({ members: range(R).map(rowTotalId), total: grandId });
  if (opts.grandTotal && !opts.rowTotals && !opts.columnTotals) lines.push({ members: range(R * C), total: grandId });

  const hidden = protect(values, published, lines, t);
  const cell = (id: number): Cell => (hidden[id] ? HIDDEN : { value: values[id]! });
  return {
    rows: range(R).map((i) => range(C).map((j) => cell(cellId(i, j)))),
    rowTotals: opts.rowTotals ? range(R).map((i) => cell(rowTotalId(i))) : null,
    columnTotals: opts.columnTotals ? range(C).map((j) => cell(colTotalId(j))) : null,
    grandTotal: opts.grandTotal ? cell(grandId) : null
  };
}

/** One published sum: the members add up to the total. */
interface Line {
  members: number[];
  total: number;
}

/** Which figures to hide (rules 1–3 above). `values` and `published` are indexed by figure id. */
function protect(values: number[], published: boolean[], lines: Line[], t: number): boolean[] {
  const hidden = values.map((v, id) => published[id]! && v < t);
  const figures = lines.map((l) => [...l.members, l.total]);
  const linesOf: number[][] = values.map(() => []);
  figures.forEach((ids, k) => ids.forEach((id) => linesOf[id]!.push(k)));

  /** Sort key of a complement: smallest value, then fewest lines newly touched, then cells before totals, then position. */
  const key = (id: number): number[] => [
    values[id]!,
    linesOf[id]!.filter((k) => figures[k]!.every((f) => !hidden[f])).length,
    lines.some((l) => l.total === id) ? 1 : 0,
    id
  ];
  const byKey = (a: number, b: number) => {
    const ka = key(a);
    const kb = key(b);
    for (let x = 0; x < ka.length; x++) if (ka[x] !== kb[x]) return ka[x]! - kb[x]!;
    return 0;
  };

  const needsComplement = (k: number): boolean => {
    const hiddenHere = figures[k]!.filter((id) => hidden[id]);
    if (hiddenHere.length === 0) return false;
    if (hiddenHere.length === 1) return true;
    const l = lines[k]!;
    if (hidden[l.total]) return false;
    const difference = l.members.reduce((s, id) => s + (hidden[id] ? values[id]! : 0), 0);
    return difference < t;
  };

  for (;;) {
    let changed = false;
    for (let k = 0; k < lines.length; k++) {
      while (needsComplement(k)) {
        const [best] = figures[k]!.filter((id) => !hidden[id]).sort(byKey);
        if (best === undefined) break; // the whole line is hidden already
        hidden[best] = true;
        changed = true;
      }
    }
    if (changed) continue;

    const [target] = determined(lines, hidden);
    if (target === undefined) return hidden;
    // Hide the smallest figure on the target's lines that sets it free; else the smallest one, and repeat.
    const near = [...new Set(linesOf[target]!.flatMap((k) => figures[k]!))].filter((id) => !hidden[id]).sort(byKey);
    const candidates = near.length ? near : values.map((_, id) => id).filter((id) => published[id] && !hidden[id]).sort(byKey);
    if (!candidates.length) return hidden; // everything is hidden: nothing is left to protect with
    const frees = candidates.find((id) => {
      hidden[id] = true;
      const stillFixed = determined(lines, hidden).includes(target);
      hidden[id] = false;
      return !stillFixed;
    });
    hidden[frees ?? candidates[0]!] = true;
  }
}

/**
 * The hidden figures that the published sums fix to a single value. Each line is an equation
 * sum(members) − total = 0 whose shown figures are known; figure x is fixed exactly when the unit vector
 * of x is a combination of the equations restricted to the hidden figures, i.e. when the reduced row
 * echelon form has a row whose only non-zero entry is x's. Integer elimination (rows scaled, then divided
 * by their gcd) keeps it exact; the matrices are tiny (a few dozen lines).
 */
function determined(lines: Line[], hidden: boolean[]): number[] {
  const unknowns: number[] = [];
  const column = new Map<number, number>();
  for (const l of lines) {
    for (const id of [...l.members, l.total]) {
      if (hidden[id] && !column.has(id)) {
        column.set(id, unknowns.length);
        unknowns.push(id);
      }
    }
  }
  const n = unknowns.length;
  const m: number[][] = [];
  for (const l of lines) {
    const row = new Array<number>(n).fill(0);
    let any = false;
    for (const id of l.members) {
      const c = column.get(id);
      if (c !== undefined) {
        row[c] = 1;
        any = true;
      }
    }
    const c = column.get(l.total);
    if (c !== undefined) {
      row[c] = -1;
      any = true;
    }
    if (any) m.push(row);
  }

  const pivots: number[] = [];
  for (let c = 0; c < n && pivots.length < m.length; c++) {
    const r0 = pivots.length;
    const p = m.findIndex((row, r) => r >= r0 && row[c] !== 0);
    if (p < 0) continue;
    [m[r0], m[p]] = [m[p]!, m[r0]!];
    const pivot = m[r0]!;
    for (let r = 0; r < m.length; r++) {
      const row = m[r]!;
      if (r === r0 || row[c] === 0) continue;
      const a = pivot[c]!;
      const b = row[c]!;
      let g = 0;
      for (let x = 0; x < n; x++) {
        row[x] = row[x]! * a - pivot[x]! * b;
        g = gcd(g, Math.abs(row[x]!));
      }
      if (g > 1) for (let x = 0; x < n; x++) row[x] = row[x]! / g;
    }
    pivots.push(c);
  }
  return pivots.filter((c, r) => m[r]!.filter((v) => v !== 0).length === 1).map((c) => unknowns[c]!);
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
