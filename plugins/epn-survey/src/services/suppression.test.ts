import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError } from '@passerelle/trpc';
import { checkThreshold, DEFAULT_SUPPRESSION_THRESHOLD, MIN_SUPPRESSION_THRESHOLD, suppressCounts, suppressTable, type Cell, type SuppressedTable, type TableMargins } from './suppression.ts';

const H: Cell = { suppressed: true };
const v = (value: number): Cell => ({ value });
/** Compact picture of a line of cells: numbers as themselves, hidden as 'x'. */
const show = (cells: Cell[]) => cells.map((c) => ('value' in c ? c.value : 'x'));
const ALL: TableMargins = { rowTotals: true, columnTotals: true, grandTotal: true };

describe('checkThreshold', () => {
  it('accepts integers from the minimum up', () => {
    expect(MIN_SUPPRESSION_THRESHOLD).toBe(5);
    expect(DEFAULT_SUPPRESSION_THRESHOLD).toBe(10);
    expect(checkThreshold(5)).toBe(5);
    expect(checkThreshold(10)).toBe(10);
    expect(checkThreshold(100)).toBe(100);
  });

  it('refuses small, fractional and non-numbers with a translated error', () => {
    for (const n of [4, 0, -10, 5.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      let caught: unknown;
      try {
        checkThreshold(n);
      } catch (e) {
        caught = e;
      }
      expect(caught, String(n)).toBeInstanceOf(AppError);
      expect(caught).toMatchObject({ code: 'VALIDATION', messageKey: 'epn_survey_error_threshold', params: { min: 5 } });
    }
  });

  it('is applied by the suppression functions', () => {
    expect(() => suppressCounts([1, 2], 3)).toThrow(AppError);
    expect(() => suppressTable([[1]], 4.5, ALL)).toThrow(AppError);
  });
});

describe('suppressCounts (hand-checked)', () => {
  it('shows everything when no count is small', () => {
    expect(suppressCounts([20, 30, 15], 10)).toEqual({ cells: [v(20), v(30), v(15)], total: v(65) });
  });

  it('hides a small count and the next smallest, so that the total does not give it back', () => {
    // Shown alone, 48 − 20 − 25 = 3. With 20 hidden too, a reader only knows the two add up to 23.
    expect(suppressCounts([3, 20, 25], 10)).toEqual({ cells: [H, H, v(25)], total: v(48) });
    expect(suppressCounts([4, 5, 6], 5)).toEqual({ cells: [H, H, v(6)], total: v(15) });
  });

  it('hides zeros, which would otherwise pin the hidden counts beside them', () => {
    // Showing the 0 would say that the two hidden counts (summing to 32 − 30 = 2) are both at least 1, so both exactly 1.
    // The hidden counts also sum to less than the threshold, so the 30 is hidden as well.
    expect(suppressCounts([1, 1, 0, 30], 10)).toEqual({ cells: [H, H, H, H], total: v(32) });
    // A lone zero still needs a partner: 30 − 30 would give it back.
    expect(suppressCounts([0, 30], 10)).toEqual({ cells: [H, H], total: v(30) });
  });

  it('does not let "total minus shown" be a small count', () => {
    // Hiding 0 and 2 only would tell that "other" and "prefer not to say" together hold 2 people.
    expect(suppressCounts([12, 15, 0, 2], 10)).toEqual({ cells: [H, v(15), H, H], total: v(29) });
  });

  it('hides everything when the total is small, and handles empty breakdowns', () => {
    expect(suppressCounts([4, 3], 10)).toEqual({ cells: [H, H], total: H });
    expect(suppressCounts([9], 10)).toEqual({ cells: [H], total: H });
    expect(suppressCounts([0, 0, 0], 10)).toEqual({ cells: [H, H, H], total: H });
    expect(suppressCounts([], 10)).toEqual({ cells: [], total: H });
  });

  it('refuses counts that are not non-negative integers', () => {
    expect(() => suppressCounts([1, -1], 10)).toThrow(RangeError);
    expect(() => suppressCounts([1.5], 10)).toThrow(RangeError);
    expect(() => suppressTable([[1, 2], [3]], 10, ALL)).toThrow(RangeError);
  });
});

describe('suppressTable (hand-checked)', () => {
  it('completes rows and columns with the smallest cells', () => {
    const t = suppressTable(
      [
        [20, 3, 15],
        [25, 18, 30],
        [12, 22, 40]
      ],
      10,
      ALL
    );
    // 3 is small; 15 protects it in its row; 18 and 30 protect both in their columns (and row 1).
    expect(t.rows.map(show)).toEqual([
      [20, 'x', 'x'],
      [25, 'x', 'x'],
      [12, 22, 40]
    ]);
    expect(show(t.rowTotals!)).toEqual([38, 73, 74]);
    expect(show(t.columnTotals!)).toEqual([57, 43, 85]);
    expect(t.grandTotal).toEqual(v(185));
  });

  it('hides small margins, and protects them in the margin lines', () => {
    const t = suppressTable(
      [
        [3, 2],
        [30, 40]
      ],
      10,
      ALL
    );
    // Row 0 totals 5: hidden. Row totals 5 and 70 with grand total 75 would give it back, so 70 goes too.
    expect(t.rows.map(show)).toEqual([
      ['x', 'x'],
      ['x', 'x']
    ]);
    expect(show(t.rowTotals!)).toEqual(['x', 'x']);
    expect(show(t.columnTotals!)).toEqual([33, 42]);
    expect(t.grandTotal).toEqual(v(75));
  });

  it('leaves out margins that were not asked for, and then needs no complement for them', () => {
    const t = suppressTable(
      [
        [3, 20],
        [30, 40]
      ],
      10,
      { rowTotals: false, columnTotals: false, grandTotal: false }
    );
    expect(t).toEqual({ rows: [[H, v(20)], [v(30), v(40)]], rowTotals: null, columnTotals: null, grandTotal: null });
  });

  it('protects against combining lines: the bridge example', () => {
    // Two 2×2 blocks of small cells, each block already with two hidden cells per row and column, linked by
    // a single small cell at (1,2). Every row and column has at least two hidden cells, yet
    //   (row 0 + row 1 totals) − shown cells of rows 0–1  = 76 − 60 = 16 = block A + (1,2)
    //   (col 0 + col 1 totals) − shown cells of cols 0–1  = 94 − 80 = 14 = block A
    // so (1,2) = 2. The audit hides one more cell, the smallest on its lines: (0,2).
    const rows = [
      [3, 4, 20, 20],
      [4, 3, 2, 20],
      [20, 20, 3, 4],
      [20, 20, 4, 3]
    ];
    const t = suppressTable(rows, 5, ALL);
    expect(t.rows.map(show)).toEqual([
      ['x', 'x', 'x', 20],
      ['x', 'x', 'x', 20],
      [20, 20, 'x', 'x'],
      [20, 20, 'x', 'x']
    ]);
    expect(exposed(t, ALL)).toEqual([]);
  });

  it('handles empty tables', () => {
    expect(suppressTable([], 10, ALL)).toEqual({ rows: [], rowTotals: [], columnTotals: [], grandTotal: H });
    expect(suppressTable([[], []], 10, ALL)).toEqual({ rows: [[], []], rowTotals: [H, H], columnTotals: [], grandTotal: H });
  });
});

// ---- Checks written independently of the implementation --------------------------------------------

type Fig = { kind: 'cell'; i: number; j: number } | { kind: 'row'; i: number } | { kind: 'col'; j: number } | { kind: 'grand' };
type CheckLine = { members: Fig[]; total: Fig };

/** The published sums of a table, enumerated from its shape and margins. */
function publishedLines(R: number, C: number, m: TableMargins): CheckLine[] {
  const cell = (i: number, j: number): Fig => ({ kind: 'cell', i, j });
  const out: CheckLine[] = [];
  if (m.rowTotals) for (let i = 0; i < R; i++) out.push({ members: Array.from({ length: C }, (_, j) => cell(i, j)), total: { kind: 'row', i } });
  if (m.columnTotals) for (let j = 0; j < C; j++) out.push({ members: Array.from({ length: R }, (_, i) => cell(i, j)), total: { kind: 'col', j } });
  if (m.grandTotal && m.columnTotals) out.push({ members: Array.from({ length: C }, (_, j): Fig => ({ kind: 'col', j })), total: { kind: 'grand' } });
  if (m.grandTotal && m.rowTotals) out.push({ members: Array.from({ length: R }, (_, i): Fig => ({ kind: 'row', i })), total: { kind: 'grand' } });
  if (m.grandTotal && !m.rowTotals && !m.columnTotals) out.push({ members: Array.from({ length: R * C }, (_, k) => cell(Math.floor(k / C), k % C)), total: { kind: 'grand' } });
  return out;
}

function get(t: SuppressedTable, f: Fig): Cell {
  if (f.kind === 'cell') return t.rows[f.i]![f.j]!;
  if (f.kind === 'row') return t.rowTotals![f.i]!;
  if (f.kind === 'col') return t.columnTotals![f.j]!;
  return t.grandTotal!;
}
const key = (f: Fig) => JSON.stringify(f);

/**
 * Hidden figures that some combination of the published sums fixes exactly, found without linear algebra.
 * Each hidden figure is an edge between the (at most two) published sums it appears in; a missing sum is
 * the free node "open". The sums form a bipartite system (rows and the margin row on one side, columns and
 * the margin column on the other), so a cycle of hidden figures, or a path through "open", can absorb any
 * change: a hidden figure is fixed exactly when its edge lies on no cycle (it is a bridge).
 */
function exposed(t: SuppressedTable, m: TableMargins): string[] {
  const R = t.rows.length;
  const C = t.rows[0]?.length ?? 0;
  const lines = publishedLines(R, C, m);
  const endpoints = new Map<string, number[]>();
  lines.forEach((l, n) => {
    for (const f of [...l.members, l.total]) if ('suppressed' in get(t, f)) endpoints.set(key(f), [...(endpoints.get(key(f)) ?? []), n]);
  });
  const OPEN = lines.length;
  const edges = [...endpoints].map(([k, ends]) => ({ k, a: ends[0]!, b: ends[1] ?? OPEN }));
  const connected = (from: number, to: number, without: number) => {
    const seen = new Set([from]);
    const todo = [from];
    while (todo.length) {
      const x = todo.pop()!;
      if (x === to) return true;
      edges.forEach((e, n) => {
        if (n === without) return;
        const y = e.a === x ? e.b : e.b === x ? e.a : -1;
        if (y >= 0 && !seen.has(y)) {
          seen.add(y);
          todo.push(y);
        }
      });
    }
    return false;
  };
  return edges.filter((e, n) => e.a !== e.b && !connected(e.a, e.b, n)).map((e) => e.k);
}

const arbMargins = fc.record({ rowTotals: fc.boolean(), columnTotals: fc.boolean(), grandTotal: fc.boolean() });
// Counts 0–60, half of them drawn from 0–15 so that small cells (and their complements) are common.
const arbCount = fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 15 }));
const arbTable = fc
  .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }))
  .chain(([r, c]) => fc.array(fc.array(arbCount, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
const arbThreshold = fc.integer({ min: 5, max: 20 });
const RUNS = { numRuns: 400 };

function truth(rows: number[][]) {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const C = rows[0]?.length ?? 0;
  return {
    rowTotals: rows.map(sum),
    columnTotals: Array.from({ length: C }, (_, j) => sum(rows.map((r) => r[j]!))),
    grand: sum(rows.map(sum))
  };
}

describe('suppressTable (properties)', () => {
  it('(a) shows no figure under the threshold, zeros included', () => {
    fc.assert(
      fc.property(arbTable, arbThreshold, arbMargins, (rows, th, m) => {
        const t = suppressTable(rows, th, m);
        const shown = [...t.rows.flat(), ...(t.rowTotals ?? []), ...(t.columnTotals ?? []), ...(t.grandTotal ? [t.grandTotal] : [])];
        for (const c of shown) if ('value' in c) expect(c.value).toBeGreaterThanOrEqual(th);
      }),
      RUNS
    );
  });

  it('(b) leaves every published sum with no hidden figure or at least two, and a difference of at least the threshold', () => {
    fc.assert(
      fc.property(arbTable, arbThreshold, arbMargins, (rows, th, m) => {
        const t = suppressTable(rows, th, m);
        for (const l of publishedLines(rows.length, rows[0]!.length, m)) {
          const all = [...l.members, l.total].map((f) => get(t, f));
          const hidden = all.filter((c) => 'suppressed' in c).length;
          expect(hidden === 0 || hidden >= 2).toBe(true);
          // What a reader computes from this line alone: total minus the shown members.
          const total = get(t, l.total);
          if ('value' in total && hidden > 0) {
            const shownSum = l.members.map((f) => get(t, f)).reduce((s, c) => s + ('value' in c ? c.value : 0), 0);
            expect(total.value - shownSum).toBeGreaterThanOrEqual(th);
          }
        }
      }),
      RUNS
    );
  });

  it('(c) shows the true values and the requested margins only', () => {
    fc.assert(
      fc.property(arbTable, arbThreshold, arbMargins, (rows, th, m) => {
        const t = suppressTable(rows, th, m);
        const real = truth(rows);
        expect(t.rows.length).toBe(rows.length);
        rows.forEach((r, i) => r.forEach((x, j) => ('value' in t.rows[i]![j]! ? expect(t.rows[i]![j]).toEqual(v(x)) : null)));
        expect(t.rowTotals === null).toBe(!m.rowTotals);
        expect(t.columnTotals === null).toBe(!m.columnTotals);
        expect(t.grandTotal === null).toBe(!m.grandTotal);
        t.rowTotals?.forEach((c, i) => ('value' in c ? expect(c.value).toBe(real.rowTotals[i]) : null));
        t.columnTotals?.forEach((c, j) => ('value' in c ? expect(c.value).toBe(real.columnTotals[j]) : null));
        if (t.grandTotal && 'value' in t.grandTotal) expect(t.grandTotal.value).toBe(real.grand);
      }),
      RUNS
    );
  });

  it('(d) leaves no hidden figure fixed by any combination of published sums', () => {
    fc.assert(
      fc.property(arbTable, arbThreshold, arbMargins, (rows, th, m) => {
        expect(exposed(suppressTable(rows, th, m), m)).toEqual([]);
      }),
      RUNS
    );
  });

  it('hides nothing when every count and margin is at least the threshold, and is deterministic', () => {
    fc.assert(
      fc.property(arbTable, arbThreshold, arbMargins, (rows, th, m) => {
        const big = rows.map((r) => r.map((x) => x + th));
        const t = suppressTable(big, th, m);
        expect(t.rows.flat().every((c) => 'value' in c)).toBe(true);
        expect(suppressTable(rows, th, m)).toEqual(suppressTable(rows, th, m));
      }),
      { numRuns: 100 }
    );
  });
});

describe('suppressCounts (properties)', () => {
  it('keeps the line safe and the shown values true', () => {
    fc.assert(
      fc.property(fc.array(arbCount, { minLength: 1, maxLength: 12 }), arbThreshold, (counts, th) => {
        const { cells, total } = suppressCounts(counts, th);
        const sum = counts.reduce((a, b) => a + b, 0);
        cells.forEach((c, k) => ('value' in c ? expect(c.value).toBe(counts[k]) : null));
        for (const c of [...cells, total]) if ('value' in c) expect(c.value).toBeGreaterThanOrEqual(th);
        const hidden = cells.filter((c) => 'suppressed' in c).length;
        if (sum < th) expect(hidden === cells.length && 'suppressed' in total).toBe(true);
        else {
          expect(total).toEqual(v(sum));
          expect(hidden === 0 || hidden >= 2).toBe(true);
          const shownSum = cells.reduce((s, c) => s + ('value' in c ? c.value : 0), 0);
          if (hidden) expect(sum - shownSum).toBeGreaterThanOrEqual(th);
          // Complements are the smallest cells: every hidden cell is at most any shown cell.
          const shown = cells.flatMap((c) => ('value' in c ? [c.value] : []));
          counts.forEach((x, k) => ('suppressed' in cells[k]! ? expect(x).toBeLessThanOrEqual(Math.min(...shown, Infinity)) : null));
        }
      }),
      RUNS
    );
  });
});
