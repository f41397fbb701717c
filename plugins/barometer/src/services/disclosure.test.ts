import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, isHidden, primaryStatus, protect, ZThresholds, type Line } from './disclosure.ts';

const t = DEFAULT_THRESHOLDS;

describe('disclosure control', () => {
  it('hides under 20, flags under 50, and the thresholds never go below 10 and 30', () => {
    expect([0, 5, 19, 20, 49, 50].map((n) => primaryStatus(n, t))).toEqual(['empty', 'suppressed', 'suppressed', 'low_reliability', 'low_reliability', 'shown']);
    expect(ZThresholds.safeParse({ minN: 9, reliableN: 50 }).success).toBe(false);
    expect(ZThresholds.safeParse({ minN: 10, reliableN: 29 }).success).toBe(false);
    expect(ZThresholds.safeParse({ minN: 40, reliableN: 30 }).success).toBe(false);
    expect(ZThresholds.safeParse({ minN: 10, reliableN: 30 }).success).toBe(true);
  });

  it('one hidden cell and a shown total: the smallest other cell is hidden too', () => {
    const cells = new Map([['a', 12], ['b', 300], ['c', 45], ['d', 80]]);
    const s = protect(cells, [{ marginShown: true, cells: ['a', 'b', 'c', 'd'] }], t);
    expect(Object.fromEntries(s)).toEqual({ a: 'suppressed', b: 'shown', c: 'suppressed_secondary', d: 'shown' });
    // Without a shown total nothing more is hidden; an empty cell does not protect.
    expect(protect(cells, [{ marginShown: false, cells: ['a', 'b', 'c', 'd'] }], t).get('c')).toBe('low_reliability');
    const withEmpty = protect(new Map([['a', 12], ['e', 0], ['b', 300]]), [{ marginShown: true, cells: ['a', 'e', 'b'] }], t);
    expect(withEmpty.get('b')).toBe('suppressed_secondary');
  });

  it('property: in random one- and two-way tables, no line with a shown total has a lone hidden cell with respondents, and no cell under the threshold is shown', () => {
    const table = fc.record({
      rows: fc.integer({ min: 1, max: 6 }),
      cols: fc.integer({ min: 1, max: 5 }),
      ns: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 400 })), { minLength: 30, maxLength: 30 }),
      marginsShown: fc.array(fc.boolean(), { minLength: 11, maxLength: 11 })
    });
    fc.assert(
      fc.property(table, ({ rows, cols, ns, marginsShown }) => {
        const cells = new Map<string, number>();
        for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) cells.set(`${r}:${c}`, ns[r * cols + c]!);
        const lines: Line[] = [];
        for (let r = 0; r < rows; r++) lines.push({ marginShown: marginsShown[r]!, cells: Array.from({ length: cols }, (_, c) => `${r}:${c}`) });
        for (let c = 0; c < cols; c++) lines.push({ marginShown: marginsShown[6 + c]!, cells: Array.from({ length: rows }, (_, r) => `${r}:${c}`) });
        const status = protect(cells, lines, t);
        for (const [key, n] of cells) {
          if (n > 0 && n < t.minN) expect(isHidden(status.get(key)!)).toBe(true);
          if (n === 0) expect(status.get(key)).toBe('empty');
        }
        for (const line of lines) {
          if (!line.marginShown) continue;
          const holding = line.cells.filter((k) => cells.get(k)! > 0);
          const hidden = holding.filter((k) => isHidden(status.get(k)!));
          // A lone hidden cell is allowed only when it is the line's only cell with respondents (it
          // equals the margin, which is then itself below the threshold and cannot be shown by the caller).
          if (hidden.length === 1) expect(holding.length).toBe(1);
        }
      }),
      { numRuns: 500 }
    );
  });
});
