// mobile-epn's context figures for the barometer, from real venues, sessions and attendance.
import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { COMMUNES } from '@passerelle/db/communes';
import { barometerContextFigures, mobileContextFigures } from './bridge.ts';

const HOUR = 3_600_000;

describeEachDb('mobile-epn barometer context', ({ getDb }) => {
  it('workshops held (not cancelled, over, in the Brussels year) and recorded attendees per commune of the venue', async () => {
    const db = getDb();
    const venue = (name: string, communeNis: string) => db.mobileVenue.create({ data: { type: 'care_home', name, street: 'Rue 1', postcode: '1000', communeNis, latitude: 50.85, longitude: 4.35, capacity: 12 } });
    const [a, b, c] = [await venue('Résidence A', '21004'), await venue('Logements B', '21015'), await venue('Centre C', '21001')];
    const session = (venueId: string, startsAt: string, extra: Record<string, unknown> = {}) => {
      const start = new Date(startsAt);
      return db.mobileSession.create({ data: { venueId, startsAt: start, endsAt: new Date(start.getTime() + HOUR), seats: 10, topic: 'smartphone', language: 'fr', ...extra } });
    };
    const s1 = await session(a.id, '2024-03-10T09:00:00Z', { attendanceAt: new Date('2024-03-10T12:00:00Z'), walkIns: { '65-74': { woman: 2, man: 1 } } });
    for (const [name, status, attended] of [['Anne', 'registered', true], ['Bert', 'registered', true], ['Chloé', 'registered', false], ['Driss', 'cancelled', null]] as const) await db.mobileRegistration.create({ data: { sessionId: s1.id, name, status, attended } });
    await session(a.id, '2024-04-10T09:00:00Z', { status: 'cancelled', cancelledAt: new Date('2024-04-01T09:00:00Z') });
    await session(a.id, '2024-05-10T09:00:00Z'); // held, attendance not recorded
    await session(b.id, '2024-06-10T09:00:00Z'); // held, attendance not recorded anywhere in the commune
    await session(c.id, '2023-12-31T23:30:00Z', { attendanceAt: new Date('2024-01-02T10:00:00Z'), walkIns: { '75+': { woman: 1 } } }); // 00:30 on 1 January 2024 in Brussels
    await session(c.id, '2023-12-31T22:30:00Z'); // 23:30 on 31 December 2023 in Brussels
    await session(c.id, '2024-12-31T21:00:00Z'); // over before `now`
    await session(a.id, '2024-12-31T22:00:00Z'); // still going on at `now`: not held yet
    const now = new Date('2024-12-31T22:30:00Z');

    const figures = await mobileContextFigures({ db, year: 2024, now });
    expect(figures.map((f) => f.id)).toEqual(['mobile-epn.sessions', 'mobile-epn.attendees']);
    const [held, attendees] = figures;
    for (const f of figures) {
      expect(Object.keys(f.values).sort()).toEqual(COMMUNES.map((x) => x.nis).sort());
      for (const l of [f.label, f.unit, f.source]) for (const lang of ['fr', 'nl', 'en'] as const) expect(l[lang]).not.toMatch(/^mobile_epn_ctx_/);
    }
    expect(held!.values).toMatchObject({ '21004': 2, '21015': 1, '21001': 2, '21009': 0 });
    // 2 registered people present + 3 walk-ins; Schaerbeek held a workshop but recorded no attendance.
    expect(attendees!.values).toMatchObject({ '21004': 5, '21015': null, '21001': 1, '21009': 0 });

    const before = await mobileContextFigures({ db, year: 2023, now });
    expect(before[0]!.values).toMatchObject({ '21001': 1, '21004': 0 });
    expect(before[1]!.values['21001']).toBeNull();
    expect(await mobileContextFigures({ db, year: 2022, now })).toEqual([]);

    // The provider as registered (now = the real clock, population unused).
    const wired = await barometerContextFigures({ db, year: 2024, population: {} });
    expect(wired[0]!.values['21004']).toBe(3);
  });
});
