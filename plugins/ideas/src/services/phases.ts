// A consultation moves through five phases. The dates set the phase; staff may move it forward early
// (phaseOverride), never backward: what citizens did in a phase stays valid.

export const PHASES = ['upcoming', 'submission', 'review', 'vote', 'results', 'followup'] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseDates {
  submissionStart: Date;
  reviewStart: Date;
  voteStart: Date;
  resultsStart: Date;
  followUpStart: Date;
  phaseOverride?: string | null;
}

export function phaseIndex(phase: Phase): number {
  return PHASES.indexOf(phase);
}

export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}

/** The phase given by the dates alone. */
export function datedPhase(c: PhaseDates, now: Date): Phase {
  const t = now.getTime();
  if (t >= c.followUpStart.getTime()) return 'followup';
  if (t >= c.resultsStart.getTime()) return 'results';
  if (t >= c.voteStart.getTime()) return 'vote';
  if (t >= c.reviewStart.getTime()) return 'review';
  if (t >= c.submissionStart.getTime()) return 'submission';
  return 'upcoming';
}

/** The phase in force: the later of the dated phase and the one staff moved to. */
export function currentPhase(c: PhaseDates, now: Date = new Date()): Phase {
  const dated = datedPhase(c, now);
  if (isPhase(c.phaseOverride) && phaseIndex(c.phaseOverride) > phaseIndex(dated)) return c.phaseOverride;
  return dated;
}

export function nextPhase(phase: Phase): Phase | null {
  return PHASES[phaseIndex(phase) + 1] ?? null;
}

/** Field errors when the dates are not in phase order (message keys). */
export function checkPhaseOrder(c: Omit<PhaseDates, 'phaseOverride'>): Record<string, string> {
  const order: (keyof Omit<PhaseDates, 'phaseOverride'>)[] = ['submissionStart', 'reviewStart', 'voteStart', 'resultsStart', 'followUpStart'];
  const errors: Record<string, string> = {};
  for (let i = 1; i < order.length; i++) {
    const prev = c[order[i - 1]!];
    const cur = c[order[i]!];
    if (cur.getTime() < prev.getTime() || (i < order.length - 1 && cur.getTime() === prev.getTime())) errors[order[i]!] = 'ideas_error_date_order';
  }
  return errors;
}
