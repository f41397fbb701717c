import { describe, expect, it } from 'vitest';
import { checkPhaseOrder, currentPhase, datedPhase } from './phases.ts';
import { fromBrusselsLocal, startOfBrusselsDay, toBrusselsLocal } from '@passerelle/plugin-sdk/time';
import { mostSimilar } from './similarity.ts';

const d = (s: string) => new Date(s);
const dates = { submissionStart: d('2026-01-01T00:00Z'), reviewStart: d('2026-02-01T00:00Z'), voteStart: d('2026-03-01T00:00Z'), resultsStart: d('2026-04-01T00:00Z'), followUpStart: d('2026-05-01T00:00Z') };

describe('phases', () => {
  it('follow the dates', () => {
    expect(datedPhase(dates, d('2025-12-31T23:59Z'))).toBe('upcoming');
    expect(datedPhase(dates, d('2026-01-01T00:00Z'))).toBe('submission');
    expect(datedPhase(dates, d('2026-03-15T00:00Z'))).toBe('vote');
    expect(datedPhase(dates, d('2027-01-01T00:00Z'))).toBe('followup');
  });
  it('move forward with an override, never back', () => {
    expect(currentPhase({ ...dates, phaseOverride: 'review' }, d('2026-01-10T00:00Z'))).toBe('review');
    expect(currentPhase({ ...dates, phaseOverride: 'review' }, d('2026-03-10T00:00Z'))).toBe('vote');
    expect(currentPhase({ ...dates, phaseOverride: 'nonsense' }, d('2026-01-10T00:00Z'))).toBe('submission');
  });
  it('dates must be in order', () => {
    expect(checkPhaseOrder(dates)).toEqual({});
    expect(checkPhaseOrder({ ...dates, voteStart: dates.reviewStart })).toEqual({ voteStart: 'ideas_error_date_order' });
  });
});

describe('Brussels time', () => {
  it('reads wall-clock times in winter and summer', () => {
    expect(fromBrusselsLocal('2026-01-15T10:00')!.toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(fromBrusselsLocal('2026-07-15T10:00')!.toISOString()).toBe('2026-07-15T08:00:00.000Z');
    expect(toBrusselsLocal(new Date('2026-07-15T08:00:00Z'))).toBe('2026-07-15T10:00');
    expect(fromBrusselsLocal('15/07/2026')).toBeNull();
  });
  it('finds the start of the Brussels day', () => {
    expect(startOfBrusselsDay(new Date('2026-07-15T22:30:00Z')).toISOString()).toBe('2026-07-15T22:00:00.000Z');
  });
});

describe('similarity', () => {
  it('ignores accents, case and stop words', () => {
    const hits = mostSimilar('Cours d’informatique pour les aînés', [
      { id: '1', title: 'Cours informatique aines' },
      { id: '2', title: 'Réparer les vélos' }
    ]);
    expect(hits.map((h) => h.id)).toEqual(['1']);
  });
});
