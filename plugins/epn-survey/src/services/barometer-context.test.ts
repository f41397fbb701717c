// epn-survey's context figures for the barometer, from real places and activity reports.
import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { COMMUNES } from '@passerelle/db/communes';
import { organisation, placeFields } from '../test-support.ts';
import { barometerContextFigures } from './bridge.ts';

const at = (iso: string) => new Date(iso);

describeEachDb('epn-survey barometer context', ({ getDb }) => {
  it('EPNs per 10,000 residents, EPNs, sessions and attendees per commune for a year', async () => {
    const db = getDb();
    const org = await organisation(db);
    const place = (name: string, communeNis: string, createdAt: string, extra: Record<string, unknown> = {}) =>
      db.epnPlace.create({ data: { ...placeFields(name, { communeNis, ...extra }), organisationId: org.id, createdAt: at(createdAt) } });
    const a = await place('EPN A', '21004', '2030-06-01T10:00:00Z');
    await place('EPN B', '21004', '2031-12-31T22:30:00Z'); // 23:30 in Brussels: still 2031
    await place('EPN itinerant', '21004', '2030-01-01T10:00:00Z', { mobile: true });
    const late = await place('EPN listed later', '21004', '2033-02-01T10:00:00Z'); // counted: it reported activity in 2031, so it was there
    const ixelles = await place('EPN Ixelles', '21009', '2031-12-31T23:30:00Z'); // 00:30 on 1 January 2032 in Brussels
    const activity = (placeId: string | null, date: string, attendeeCount: number, extra: Record<string, unknown> = {}) =>
      db.epnActivity.create({ data: { organisationId: org.id, placeId, date: at(`${date}T00:00:00Z`), sessionType: 'group', durationMinutes: 60, location: placeId ? 'epn' : 'mobile', topics: ['email'], attendees: { '25-34': { woman: attendeeCount } }, attendeeCount, ...extra } });
    await activity(a.id, '2031-03-02', 3);
    await activity(late.id, '2031-04-10', 2);
    // May is entered as monthly totals: the single session of May is counted once, through the totals.
    await activity(a.id, '2031-05-01', 25, { kind: 'monthly', sessions: 10, groupSessions: 4, sessionType: 'mixed' });
    await activity(a.id, '2031-05-12', 7);
    await activity(null, '2031-06-01', 5); // a mobile workshop's report: no EPN, not counted here
    await activity(a.id, '2030-12-31', 9); // another year
    await activity(ixelles.id, '2032-01-01', 4);

    const population = { '21004': 50_000, '21009': 20_000 };
    const figures = await barometerContextFigures({ db, year: 2031, population });
    expect(figures.map((f) => f.id)).toEqual(['epn-survey.epns_per_10k', 'epn-survey.epns', 'epn-survey.sessions', 'epn-survey.attendees']);
    const [rate, epns, sessions, attendees] = figures;
    for (const f of figures) {
      expect(Object.keys(f.values).sort()).toEqual(COMMUNES.map((c) => c.nis).sort());
      for (const l of [f.label, f.unit, f.source]) for (const lang of ['fr', 'nl', 'en'] as const) expect(l[lang]).not.toMatch(/^epn_survey_ctx_/);
    }
    expect(epns!.values).toMatchObject({ '21004': 3, '21009': 0, '21001': 0 });
    expect(rate!.values).toMatchObject({ '21004': 0.6, '21009': 0, '21001': null });
    expect(sessions!.values).toMatchObject({ '21004': 1 + 1 + 10, '21009': 0 });
    expect(attendees!.values).toMatchObject({ '21004': 3 + 2 + 25, '21009': 0 });
    expect(rate!.label.en).toMatch(/per 10,000/);
    expect(rate!.unit.nl).toMatch(/16 tot 74/);

    // 2032: Ixelles' EPN is listed and reported; the EPN listed in 2033 still counts (active since 2031).
    const next = await barometerContextFigures({ db, year: 2032, population: {} });
    expect(next.find((f) => f.id === 'epn-survey.epns')!.values).toMatchObject({ '21004': 3, '21009': 1 });
    expect(next.find((f) => f.id === 'epn-survey.epns_per_10k')!.values['21009']).toBeNull();
    expect(next.find((f) => f.id === 'epn-survey.attendees')!.values).toMatchObject({ '21004': 0, '21009': 4 });

    // Before any EPN was listed or reported: no figures rather than zeros.
    expect(await barometerContextFigures({ db, year: 2029, population })).toEqual([]);
  });
});
