import { z } from 'zod';

// Disclosure control and reliability of published estimates.
// - Fewer than `minN` respondents (unweighted): never shown nor exported ("primary" suppression).
// - Fewer than `reliableN`: shown with a "low reliability" flag.
// - Against subtraction: in a line of cells whose margin (total) is shown — a one-way breakdown and its
//   overall figure, or a row or column of a two-way crossing and the one-way figure it adds up to — a
//   single hidden cell could be computed as margin minus the others. So while such a line hides exactly
//   one cell that holds respondents, the smallest other cell with respondents is hidden too
//   ("secondary" suppression), until no line is left with a lone hidden cell. Empty cells (n = 0) protect
//   nothing: they add nothing to the margin.

export const MIN_N_FLOOR = 10;
export const RELIABLE_N_FLOOR = 30;

export const ZThresholds = z
  .object({
    minN: z.number({ message: 'barometer_error_min_n' }).int({ message: 'barometer_error_min_n' }).min(MIN_N_FLOOR, { message: 'barometer_error_min_n' }).max(1000, { message: 'barometer_error_min_n' }),
    reliableN: z.number({ message: 'barometer_error_reliable_n' }).int({ message: 'barometer_error_reliable_n' }).min(RELIABLE_N_FLOOR, { message: 'barometer_error_reliable_n' }).max(10_000, { message: 'barometer_error_reliable_n' })
  })
  .refine((t) => t.reliableN >= t.minN, { message: 'barometer_error_reliable_n', path: ['reliableN'] });
export type Thresholds = z.infer<typeof ZThresholds>;
export const DEFAULT_THRESHOLDS: Thresholds = { minN: 20, reliableN: 50 };

export type CellStatus = 'shown' | 'low_reliability' | 'suppressed' | 'suppressed_secondary' | 'empty';

export interface Line {
  /** Is the line's total shown (not suppressed)? */
  marginShown: boolean;
  /** Keys of the cells that add up to the margin. */
  cells: readonly string[];
}

export const isHidden = (s: CellStatus) => s === 'suppressed' || s === 'suppressed_secondary' || s === 'empty';

/** Primary status of a cell from its unweighted n. */
export function primaryStatus(n: number, t: Thresholds): CellStatus {
  if (n === 0) return 'empty';
  if (n < t.minN) return 'suppressed';
  if (n < t.reliableN) return 'low_reliability';
  return 'shown';
}

/**
 * Statuses of the cells of one table (a one-way breakdown: one line; a two-way crossing: its rows and
 * columns), with secondary suppression so that no hidden cell can be found by subtraction.
 */
export function protect(cells: ReadonlyMap<string, number>, lines: readonly Line[], t: Thresholds): Map<string, CellStatus> {
  const status = new Map<string, CellStatus>();
  for (const [key, n] of cells) status.set(key, primaryStatus(n, t));
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (!line.marginShown) continue;
      const holding = line.cells.filter((k) => (cells.get(k) ?? 0) > 0);
      const hidden = holding.filter((k) => isHidden(status.get(k)!));
      if (hidden.length !== 1) continue;
      // Hide the smallest other cell with respondents (least information lost); ties: first in order.
      let pick: string | null = null;
      for (const k of holding) if (!isHidden(status.get(k)!) && (pick === null || cells.get(k)! < cells.get(pick)!)) pick = k;
      if (pick === null) continue; // the line's only cell with respondents: it equals the margin, which is shown
      status.set(pick, 'suppressed_secondary');
      changed = true;
    }
  }
  return status;
}
