import { describe, expect, it } from 'vitest';
import { explainConflict, slotFromForm } from './schedule-shared.ts';

const form = (fields: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
};

describe('the manual slot form', () => {
  it('reads Brussels wall-clock times (summer and winter) and the weekly repetition', () => {
    const { slot, errors } = slotFromForm(form({ date: '2027-03-30', start: '10:00', end: '12:00', trainerIds: ['t1', 't2'], kitId: '', seats: '8', repeat: 'on', intervalWeeks: '2', count: '4', exceptions: '2027-04-13, 2027-04-27' }));
    expect(errors).toEqual({});
    expect(slot.startsAt.toISOString()).toBe('2027-03-30T08:00:00.000Z');
    expect(slot.endsAt.toISOString()).toBe('2027-03-30T10:00:00.000Z');
    expect(slot).toMatchObject({ trainerIds: ['t1', 't2'], kitId: null, seats: 8, repeat: { intervalWeeks: 2, count: 4, exceptions: ['2027-04-13', '2027-04-27'] } });
    expect(slotFromForm(form({ date: '2027-01-12', start: '10:00', end: '12:00', trainerIds: 't1', seats: '8' })).slot.startsAt.toISOString()).toBe('2027-01-12T09:00:00.000Z');
  });

  it('takes an end before the start as the next day (a session across midnight)', () => {
    const { slot } = slotFromForm(form({ date: '2027-03-01', start: '23:00', end: '01:00', trainerIds: 't1', seats: '2' }));
    expect(slot.endsAt.getTime() - slot.startsAt.getTime()).toBe(2 * 3_600_000);
  });

  it('names each field in error', () => {
    const { errors } = slotFromForm(form({ date: '1/3/2027', start: '', end: '', seats: '0', repeat: 'on', count: '1', exceptions: 'tomorrow' }));
    expect(errors).toEqual({ date: 'mobile_epn_sched_error_date', trainerIds: 'mobile_epn_sched_error_trainers', seats: 'mobile_epn_sched_error_seats', count: 'mobile_epn_sched_error_count', exceptions: 'mobile_epn_sched_error_date' });
  });

  it('explains a conflict in the coordinator’s language, with translated modes', () => {
    const c = { code: 'travel_before' as const, params: { trainer: 'Nora', from: 'Woluwe', to: 'Flagey', end: '2027-03-01 09:50', start: '2027-03-01 10:00', gap: 10, needed: 31, km: 7.2, mode: 'bike' }, date: '2027-03-01' };
    expect(explainConflict(c, 'nl').text).toContain('met de fiets');
    expect(explainConflict(c, 'en').text).toBe('Not enough travel time for Nora: the previous workshop at Woluwe ends at 2027-03-01 09:50, this one starts at 2027-03-01 10:00 at Flagey. There are 10 min; the trip (7.2 km, by bike) needs 31.');
    expect(explainConflict(c, 'fr').date).toBe('2027-03-01');
  });
});
