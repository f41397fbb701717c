import fc from 'fast-check';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { brusselsInstant, fromBrusselsLocal } from '@passerelle/plugin-sdk/time';
import { callerFor, kit, organisation, person, PLACES, refusal, session, trainer, venue } from '../test-support.ts';
import { checkConflicts, evaluate, loadSnapshot, type TrainerFacts } from './conflicts.ts';
import { suggest, type SuggestionRequest } from './suggest.ts';
import { DEFAULT_TRAVEL, travelEstimate, type Point } from './travel.ts';

const at = (local: string) => fromBrusselsLocal(local)!;
const NOW = at('2027-02-01T00:00');
const WEEKDAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 }));

/** Extra minutes, computed from scratch: previous place (session the same day, or home) -> venue -> next place, minus the direct trip. */
function bruteExtra(t: TrainerFacts, venue: Point, start: number, end: number): number {
  const before = t.bookings.filter((b) => b.end <= start).sort((a, b) => b.end - a.end)[0];
  const after = t.bookings.filter((b) => b.start >= end).sort((a, b) => a.start - b.start)[0];
  const day = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date(ms));
  const near = (a: number, b: number) => day(a) === day(b) || b - a < 6 * 3_600_000;
  const from: Point = before && near(before.end, start) ? before : t.home;
  const to: Point = after && near(end, after.start) ? after : t.home;
  const m = (a: Point, b: Point) => travelEstimate(a, b, t.travelMode, DEFAULT_TRAVEL).minutes;
  return m(from, venue) + m(venue, to) - m(from, to);
}

describeEachDb('suggestions', ({ getDb }) => {
  let orgId: string;
  let venueId: string;
  let a: Awaited<ReturnType<typeof trainer>>;
  let b: Awaited<ReturnType<typeof trainer>>;
  let k8: string;
  let k10: string;

  beforeAll(async () => {
    const db = getDb();
    orgId = (await organisation(db)).id;
    venueId = (await venue(db, { place: 'flagey', name: 'Flagey', capacity: 10 })).id;
    a = await trainer(db, orgId, { home: 'grandPlace', availability: WEEKDAYS });
    b = await trainer(db, orgId, { home: 'woluwe', availability: WEEKDAYS });
    k8 = (await kit(db, orgId, { name: 'K8', devices: 8 })).id;
    k10 = (await kit(db, orgId, { name: 'K10', devices: 10 })).id;
  });
  beforeEach(async () => {
    await getDb().mobileSession.deleteMany({});
  });

  const request = (over: Partial<SuggestionRequest> = {}): SuggestionRequest => ({ venueId, topic: 'smartphone', language: 'fr', participants: 6, durationMinutes: 120, windows: [{ from: at('2027-03-01T00:00'), to: at('2027-03-02T00:00') }], needsKit: false, ...over });
  const brief = (s: { startsAt: Date; trainerId: string; extraTravelMinutes: number }) => `${s.startsAt.toISOString()} ${s.trainerId === a.trainer.id ? 'A' : 'B'} +${s.extraTravelMinutes}`;

  it('hand-checked: the trainer living nearer comes first, earliest slots first', async () => {
    const r = await suggest({ db: getDb(), request: request(), now: NOW });
    const trip = travelEstimate(PLACES.grandPlace, PLACES.flagey, 'public_transport', DEFAULT_TRAVEL).minutes;
    expect(trip).toBeLessThan(travelEstimate(PLACES.woluwe, PLACES.flagey, 'public_transport', DEFAULT_TRAVEL).minutes);
    // Monday 2027-03-01, 09:00 Brussels = 08:00 UTC.
    expect(r.suggestions.map(brief)).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00'].map((h) => `2027-03-01T${h}:00.000Z A +${2 * trip}`));
    expect(r.suggestions[0]!.travel).toMatchObject({ origin: 'home', minutes: trip });
  });

  it('hand-checked: a trainer already at the venue that morning adds no travel, and is preferred', async () => {
    const db = getDb();
    await session(db, { venueId, trainerIds: [b.trainer.id], startsAt: at('2027-03-01T09:00'), minutes: 120 });
    const r = await suggest({ db, request: request(), now: NOW });
    expect(r.suggestions.map(brief)).toEqual(['10:00', '10:30', '11:00', '11:30', '12:00'].map((h) => `2027-03-01T${h}:00.000Z B +0`));
    expect(r.suggestions[0]!.travel).toMatchObject({ origin: 'session', minutes: 0, gapMinutes: 0 });
  });

  it('hand-checked: the smallest kit that is enough, and another one when it is taken', async () => {
    const db = getDb();
    const r = await suggest({ db, request: request({ needsKit: true }), now: NOW, limit: 1 });
    expect(r.suggestions[0]).toMatchObject({ kitId: k8, trainerId: a.trainer.id });
    // K8 is out all morning (a session whose trainers are not part of this test).
    await session(db, { venueId, trainerIds: [], kitId: k8, startsAt: at('2027-03-01T08:00'), minutes: 240 });
    const r2 = await suggest({ db, request: request({ needsKit: true }), now: NOW, limit: 1 });
    expect(r2.suggestions[0]).toMatchObject({ kitId: k10, trainerId: a.trainer.id, startsAt: at('2027-03-01T09:00') });
    const r3 = await suggest({ db, request: request({ needsKit: true, participants: 9 }), now: NOW, limit: 3 });
    expect(r3.suggestions.every((s) => s.kitId === k10)).toBe(true);
  });

  it('says why nothing fits when the room is too small; nothing in the past; session.suggest is for coordinators', async () => {
    const db = getDb();
    const r = await suggest({ db, request: request({ participants: 11 }), now: NOW });
    expect(r.suggestions).toEqual([]);
    expect(r.blockers.map((x) => x.code)).toEqual(['venue_capacity']);
    expect((await suggest({ db, request: request(), now: at('2027-03-05T00:00') })).suggestions).toEqual([]);
    const later = await suggest({ db, request: request(), now: at('2027-03-01T14:10') });
    // 14:10 Brussels: the 14:30 and 15:00 starts are left (ending by 17:00), for A then for B.
    const tripA = 2 * travelEstimate(PLACES.grandPlace, PLACES.flagey, 'public_transport', DEFAULT_TRAVEL).minutes;
    const tripB = 2 * travelEstimate(PLACES.woluwe, PLACES.flagey, 'public_transport', DEFAULT_TRAVEL).minutes;
    expect(later.suggestions.map(brief)).toEqual([`2027-03-01T13:30:00.000Z A +${tripA}`, `2027-03-01T14:00:00.000Z A +${tripA}`, `2027-03-01T13:30:00.000Z B +${tripB}`, `2027-03-01T14:00:00.000Z B +${tripB}`]);
    const req = await db.mobileRequest.create({ data: { venueId, topic: 'smartphone', language: 'fr', participants: 6, windows: [{ from: at('2027-03-01T00:00').toISOString(), to: at('2027-03-02T00:00').toISOString() }] } });
    const staff = await person(db, { roles: ['staff'] });
    expect((await refusal(a.caller.session.suggest({ requestId: req.id }))).code).toBe('FORBIDDEN');
    const viaApi = await staff.caller.session.suggest({ requestId: req.id, limit: 2 });
    expect(viaApi.suggestions.map((x) => `${x.startsAt.toISOString()} ${x.trainerId}`)).toEqual([`2027-03-01T08:00:00.000Z ${a.trainer.id}`, `2027-03-01T08:30:00.000Z ${a.trainer.id}`]);
    expect((await refusal(callerFor(db, staff.actor).session.suggest({ requestId: 'nope' }))).code).toBe('NOT_FOUND');
  });

  it('property: suggestions are conflict-free (exact check against the database) and optimal (brute-force enumeration)', async () => {
    const db = getDb();
    const venues = [venueId, (await venue(db, { place: 'schaerbeek', capacity: 12 })).id, (await venue(db, { place: 'anderlecht', capacity: 12 })).id];
    const existing = fc.record({ day: fc.integer({ min: 0, max: 2 }), quarter: fc.integer({ min: 28, max: 72 }), quarters: fc.integer({ min: 2, max: 10 }), who: fc.integer({ min: 0, max: 1 }), venue: fc.integer({ min: 0, max: 2 }), kit: fc.integer({ min: -1, max: 1 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(existing, { maxLength: 8 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.integer({ min: 2, max: 10 }), async (rows, hours, needsKit, participants) => {
        await db.mobileSession.deleteMany({});
        for (const r of rows) {
          await session(db, { venueId: venues[r.venue]!, trainerIds: [[a, b][r.who]!.trainer.id], kitId: r.kit < 0 ? null : [k8, k10][r.kit]!, startsAt: new Date(at(`2027-03-0${1 + r.day}T00:00`).getTime() + r.quarter * 15 * 60_000), minutes: r.quarters * 15 });
        }
        const req = request({ durationMinutes: hours * 60, needsKit, participants, windows: [{ from: at('2027-03-01T00:00'), to: at('2027-03-04T00:00') }] });
        const got = await suggest({ db, request: req, now: NOW, limit: 5 });
        for (const s of got.suggestions) {
          const e = await checkConflicts({ db, proposal: { startsAt: s.startsAt, endsAt: s.endsAt, trainerIds: [s.trainerId], kitId: s.kitId, venueId, seats: participants, topic: 'smartphone', language: 'fr' } });
          expect(e.conflicts).toEqual([]);
          expect(s.kitId !== null).toBe(needsKit);
        }
        // Brute force: every trainer, every half hour of every day of the window, every kit (or none).
        const snap = await loadSnapshot(db, { trainerIds: [a.trainer.id, b.trainer.id], kitIds: [k8, k10], venueIds: [venueId], from: at('2027-02-28T00:00'), to: at('2027-03-05T00:00') });
        const all: { start: number; trainer: string; extra: number }[] = [];
        const v = snap.venues.get(venueId)!;
        for (let d = 0; d < 3; d++) {
          for (let m = 0; m < 1440; m += 30) {
            const start = brusselsInstant(`2027-03-0${1 + d}`, m)!.getTime();
            const end = start + hours * 3_600_000;
            if (end > at('2027-03-04T00:00').getTime()) continue;
            for (const t of [a, b]) {
              const kits = needsKit ? [k8, k10] : [null];
              const ok = kits.some((kitId) => evaluate(snap, { startsAt: new Date(start), endsAt: new Date(end), trainerIds: [t.trainer.id], kitId, venueId, seats: participants, topic: 'smartphone', language: 'fr' }).conflicts.length === 0);
              if (ok) all.push({ start, trainer: t.trainer.id, extra: bruteExtra(snap.trainers.get(t.trainer.id)!, v, start, end) });
            }
          }
        }
        all.sort((x, y) => x.extra - y.extra || x.start - y.start || (x.trainer < y.trainer ? -1 : 1));
        expect(got.suggestions.map((s) => `${s.startsAt.getTime()} ${s.trainerId} ${s.extraTravelMinutes}`)).toEqual(all.slice(0, 5).map((x) => `${x.start} ${x.trainer} ${x.extra}`));
      }),
      { numRuns: 15, seed: 5 }
    );
  });
});

