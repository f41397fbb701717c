import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { fromBrusselsLocal } from '@passerelle/plugin-sdk/time';
import { kit, organisation, PLACES, session, trainer, venue } from '../test-support.ts';
import { checkConflicts, insideAvailability, type Proposal } from './conflicts.ts';
import { DEFAULT_TRAVEL, travelEstimate } from './travel.ts';

const at = (local: string) => fromBrusselsLocal(local)!;
const min = 60_000;
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 }));
const trip = (a: keyof typeof PLACES, b: keyof typeof PLACES, mode: 'public_transport' | 'bike' | 'car' = 'public_transport') => travelEstimate(PLACES[a], PLACES[b], mode, DEFAULT_TRAVEL).minutes;

describe('weekly availability (Brussels wall-clock)', () => {
  const nineToFive = [{ weekday: 1, startMinute: 540, endMinute: 1020 }];
  it('needs the whole session inside one window of its weekday', () => {
    // 2027-03-01 is a Monday.
    expect(insideAvailability(nineToFive, at('2027-03-01T09:00').getTime(), at('2027-03-01T17:00').getTime())).toBe(true);
    expect(insideAvailability(nineToFive, at('2027-03-01T08:59').getTime(), at('2027-03-01T10:00').getTime())).toBe(false);
    expect(insideAvailability(nineToFive, at('2027-03-01T16:00').getTime(), at('2027-03-01T17:01').getTime())).toBe(false);
    expect(insideAvailability(nineToFive, at('2027-03-02T10:00').getTime(), at('2027-03-02T11:00').getTime())).toBe(false);
    // Two windows that touch are still two windows: a session over the break is outside.
    const split = [{ weekday: 1, startMinute: 540, endMinute: 720 }, { weekday: 1, startMinute: 780, endMinute: 1020 }];
    expect(insideAvailability(split, at('2027-03-01T11:00').getTime(), at('2027-03-01T14:00').getTime())).toBe(false);
  });
  it('keeps the wall-clock windows across the summer-time change', () => {
    // Summer time: 09:00 Brussels is 07:00 UTC in June, 08:00 UTC in January.
    expect(insideAvailability(nineToFive, Date.parse('2027-06-07T07:00:00Z'), Date.parse('2027-06-07T09:00:00Z'))).toBe(true);
    expect(insideAvailability(nineToFive, Date.parse('2027-01-04T07:00:00Z'), Date.parse('2027-01-04T09:00:00Z'))).toBe(false);
  });
  it('lets a session cross midnight only when the windows of both days allow it', () => {
    const evenings = [{ weekday: 1, startMinute: 1200, endMinute: 1440 }];
    const s = at('2027-03-01T23:00').getTime();
    expect(insideAvailability(evenings, s, at('2027-03-02T00:00').getTime())).toBe(true);
    expect(insideAvailability(evenings, s, at('2027-03-02T01:00').getTime())).toBe(false);
    expect(insideAvailability([...evenings, { weekday: 2, startMinute: 0, endMinute: 120 }], s, at('2027-03-02T01:00').getTime())).toBe(true);
    // Sunday night into Monday.
    expect(insideAvailability([{ weekday: 7, startMinute: 1200, endMinute: 1440 }, { weekday: 1, startMinute: 0, endMinute: 60 }], at('2027-02-28T23:30').getTime(), at('2027-03-01T00:30').getTime())).toBe(true);
  });
});

describeEachDb('conflict rules', ({ getDb }) => {
  let orgId: string;
  let v: { grand: string; woluwe: string; anderlecht: string; small: string };
  let t: Awaited<ReturnType<typeof trainer>>;
  let night: Awaited<ReturnType<typeof trainer>>;
  let k: { ok: string; repair: string; archived: string; small: string };

  beforeAll(async () => {
    const db = getDb();
    orgId = (await organisation(db)).id;
    v = {
      grand: (await venue(db, { place: 'grandPlace', name: 'Grand-Place' })).id,
      woluwe: (await venue(db, { place: 'woluwe', name: 'Woluwe' })).id,
      anderlecht: (await venue(db, { place: 'anderlecht', name: 'Anderlecht' })).id,
      small: (await venue(db, { place: 'flagey', name: 'Flagey', capacity: 4 })).id
    };
    t = await trainer(db, orgId, { home: 'grandPlace' });
    night = await trainer(db, orgId, { home: 'grandPlace', availability: ALL_WEEK });
    k = {
      ok: (await kit(db, orgId, { name: 'Kit A', devices: 8 })).id,
      repair: (await kit(db, orgId, { name: 'Kit R', status: 'in_repair' })).id,
      archived: (await db.mobileKit.update({ where: { id: (await kit(db, orgId, { name: 'Kit X' })).id }, data: { archivedAt: new Date() } })).id,
      small: (await kit(db, orgId, { name: 'Kit S', devices: 3 })).id
    };
  });
  beforeEach(async () => {
    const db = getDb();
    await db.mobileSession.deleteMany({});
    await db.mobileAbsence.deleteMany({});
  });

  const base = (over: Partial<Proposal> = {}): Proposal => ({ startsAt: at('2027-03-01T10:00'), endsAt: at('2027-03-01T12:00'), trainerIds: [t.trainer.id], kitId: k.ok, venueId: v.grand, seats: 6, topic: 'smartphone', language: 'fr', ...over });
  const codes = async (p: Proposal) => (await checkConflicts({ db: getDb(), proposal: p })).conflicts.map((c) => c.code).sort();

  it('accepts a proposal that breaks no rule, with the trip from home as its assumption', async () => {
    const e = await checkConflicts({ db: getDb(), proposal: base() });
    expect(e.conflicts).toEqual([]);
    expect(e.travel[t.trainer.id]).toMatchObject({ origin: 'home', fromSessionId: null, minutes: 0 });
  });

  it('trainer double-booked: overlap with a non-cancelled session, explained; cancelled and edited sessions do not count', async () => {
    const db = getDb();
    const other = await session(db, { venueId: v.woluwe, trainerIds: [t.trainer.id], startsAt: at('2027-03-01T11:00'), minutes: 120 });
    const e = await checkConflicts({ db, proposal: base() });
    const busy = e.conflicts.find((c) => c.code === 'trainer_busy')!;
    expect(busy).toMatchObject({ trainerId: t.trainer.id, sessionId: other.id, params: { venue: 'Woluwe', start: '2027-03-01 11:00', end: '2027-03-01 13:00' } });
    expect(await codes(base({ excludeSessionId: other.id }))).toEqual([]);
    await db.mobileSession.update({ where: { id: other.id }, data: { status: 'cancelled' } });
    expect(await codes(base())).toEqual([]);
  });

  it('trainer absent: an overlapping absence, with its dates and reason', async () => {
    const db = getDb();
    await db.mobileAbsence.create({ data: { trainerId: t.trainer.id, startsAt: at('2027-03-01T00:00'), endsAt: at('2027-03-01T10:30'), reason: 'médecin' } });
    const e = await checkConflicts({ db, proposal: base() });
    expect(e.conflicts).toEqual([expect.objectContaining({ code: 'trainer_absent', params: expect.objectContaining({ start: '2027-03-01 00:00', end: '2027-03-01 10:30', reason: 'médecin' }) })]);
    // Ending when the session starts is not an overlap.
    expect(await codes(base({ startsAt: at('2027-03-01T10:30'), endsAt: at('2027-03-01T12:00') }))).toEqual([]);
  });

  it('outside weekly availability: weekend, too late, across midnight', async () => {
    expect(await codes(base({ startsAt: at('2027-03-06T10:00'), endsAt: at('2027-03-06T12:00') }))).toEqual(['trainer_unavailable']);
    const late = (await checkConflicts({ db: getDb(), proposal: base({ startsAt: at('2027-03-01T17:00'), endsAt: at('2027-03-01T19:00') }) })).conflicts;
    expect(late).toEqual([expect.objectContaining({ code: 'trainer_unavailable', params: expect.objectContaining({ windows: '08:00–18:00', weekday: 1 }) })]);
    expect(await codes(base({ startsAt: at('2027-03-01T23:00'), endsAt: at('2027-03-02T01:00') }))).toEqual(['trainer_unavailable']);
    expect(await codes(base({ trainerIds: [night.trainer.id], startsAt: at('2027-03-01T23:00'), endsAt: at('2027-03-02T01:00') }))).toEqual([]);
  });

  it('a trainer who lacks the topic or the language is a conflict', async () => {
    expect(await codes(base({ topic: 'banking' }))).toEqual(['trainer_topic']);
    expect(await codes(base({ language: 'ar' }))).toEqual(['trainer_language']);
  });

  it('kit double-booked, in repair, archived, with fewer devices than seats', async () => {
    const db = getDb();
    const other = await session(db, { venueId: v.woluwe, trainerIds: [night.trainer.id], kitId: k.ok, startsAt: at('2027-03-01T09:00'), minutes: 90 });
    const e = await checkConflicts({ db, proposal: base() });
    expect(e.conflicts).toEqual([expect.objectContaining({ code: 'kit_busy', kitId: k.ok, sessionId: other.id, params: expect.objectContaining({ kit: 'Kit A', start: '2027-03-01 09:00', end: '2027-03-01 10:30' }) })]);
    expect(await codes(base({ kitId: k.repair }))).toEqual(['kit_repair']);
    expect(await codes(base({ kitId: k.archived }))).toEqual(['kit_archived']);
    expect((await checkConflicts({ db, proposal: base({ kitId: k.small }) })).conflicts).toEqual([expect.objectContaining({ code: 'kit_devices', params: expect.objectContaining({ devices: 3, seats: 6 }) })]);
    // No kit: no device rule.
    expect(await codes(base({ kitId: null, seats: 12 }))).toEqual([]);
  });

  it('venue capacity exceeded', async () => {
    expect((await checkConflicts({ db: getDb(), proposal: base({ venueId: v.small, seats: 5, kitId: null }) })).conflicts).toEqual([expect.objectContaining({ code: 'venue_capacity', params: expect.objectContaining({ capacity: 4, seats: 5 }) })]);
    expect(await codes(base({ venueId: v.small, seats: 4, kitId: null }))).toEqual([]);
  });

  it('not enough travel time from the previous session and to the next one (facts and assumption)', async () => {
    const db = getDb();
    const need = trip('woluwe', 'grandPlace');
    const prev = await session(db, { venueId: v.woluwe, trainerIds: [t.trainer.id], startsAt: at('2027-03-01T08:00'), minutes: 120 - need + 1 });
    // Ends `need - 1` minutes before 10:00.
    const e = await checkConflicts({ db, proposal: base({ kitId: null }) });
    expect(e.conflicts).toEqual([expect.objectContaining({ code: 'travel_before', sessionId: prev.id, params: expect.objectContaining({ gap: need - 1, needed: need, from: 'Woluwe', to: 'Grand-Place' }) })]);
    expect(e.travel[t.trainer.id]).toMatchObject({ origin: 'session', fromSessionId: prev.id, fromName: 'Woluwe', minutes: need, gapMinutes: need - 1 });
    await db.mobileSession.update({ where: { id: prev.id }, data: { endsAt: new Date(at('2027-03-01T10:00').getTime() - need * min) } });
    expect(await codes(base({ kitId: null }))).toEqual([]);

    const back = trip('grandPlace', 'anderlecht');
    const next = await session(db, { venueId: v.anderlecht, trainerIds: [t.trainer.id], startsAt: new Date(at('2027-03-01T12:00').getTime() + (back - 1) * min), minutes: 60 });
    expect((await checkConflicts({ db, proposal: base({ kitId: null }) })).conflicts).toEqual([expect.objectContaining({ code: 'travel_after', sessionId: next.id, params: expect.objectContaining({ gap: back - 1, needed: back }) })]);
    await db.mobileSession.update({ where: { id: next.id }, data: { startsAt: new Date(at('2027-03-01T12:00').getTime() + back * min) } });
    expect(await codes(base({ kitId: null }))).toEqual([]);
    // Back to back in the same place needs no trip.
    await session(db, { venueId: v.grand, trainerIds: [t.trainer.id], startsAt: at('2027-03-01T09:00'), minutes: 60 });
    await db.mobileSession.delete({ where: { id: prev.id } });
    expect(await codes(base({ kitId: null }))).toEqual([]);
  });

  it('travel across midnight uses the real gap, and the previous session is the starting point', async () => {
    const db = getDb();
    const need = trip('woluwe', 'anderlecht');
    const prev = await session(db, { venueId: v.woluwe, trainerIds: [night.trainer.id], startsAt: at('2027-03-01T22:00'), minutes: 90 }); // ends 23:30
    const p = (start: string) => base({ trainerIds: [night.trainer.id], venueId: v.anderlecht, kitId: null, startsAt: at(start), endsAt: new Date(at(start).getTime() + 60 * min) });
    const tooSoon = new Date(at('2027-03-01T23:30').getTime() + (need - 1) * min).toISOString();
    const e = await checkConflicts({ db, proposal: { ...p('2027-03-02T00:00'), startsAt: new Date(tooSoon), endsAt: new Date(Date.parse(tooSoon) + 60 * min) } });
    expect(e.conflicts.map((c) => c.code)).toEqual(['travel_before']);
    expect(e.travel[night.trainer.id]).toMatchObject({ origin: 'session', fromSessionId: prev.id, gapMinutes: need - 1 });
    const onTime = new Date(at('2027-03-01T23:30').getTime() + need * min);
    expect((await checkConflicts({ db, proposal: { ...p('2027-03-02T00:00'), startsAt: onTime, endsAt: new Date(onTime.getTime() + 60 * min) } })).conflicts).toEqual([]);
  });

  it('travel across the spring DST change (last Sunday of March): an hour of wall clock is not there', async () => {
    const db = getDb();
    const need = trip('woluwe', 'anderlecht');
    expect(need).toBeGreaterThan(30);
    expect(need).toBeLessThanOrEqual(90);
    // 2027-03-28: 02:00 CET becomes 03:00 CEST. Previous session ends at 01:30 (00:30 UTC).
    await session(db, { venueId: v.woluwe, trainerIds: [night.trainer.id], startsAt: at('2027-03-28T00:30'), minutes: 60 });
    // 03:30 on the wall is 2 hours later by the clock but only 60 minutes later in reality.
    const start = at('2027-03-28T03:30');
    expect(start.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    const prop = (s: Date) => base({ trainerIds: [night.trainer.id], venueId: v.anderlecht, kitId: null, startsAt: s, endsAt: new Date(s.getTime() + 60 * min) });
    const gap = 60;
    const e = await checkConflicts({ db, proposal: prop(new Date(Date.parse('2027-03-28T00:30:00Z') + (need - 1) * min)) });
    expect(e.conflicts.map((c) => c.code)).toEqual(['travel_before']);
    expect(e.conflicts[0]!.params).toMatchObject({ gap: need - 1, end: '2027-03-28 01:30' });
    // Exactly the trip: accepted, whatever the wall clock says.
    expect((await checkConflicts({ db, proposal: prop(new Date(Date.parse('2027-03-28T00:30:00Z') + need * min)) })).conflicts).toEqual([]);
    expect(gap).toBeLessThan(120);
  });

  it('travel across the autumn DST change (last Sunday of October): the hour that happens twice counts twice', async () => {
    const db = getDb();
    const need = trip('woluwe', 'anderlecht');
    // 2027-10-31: 03:00 CEST becomes 02:00 CET. Previous session ends at 02:30 CEST (00:30 UTC).
    await session(db, { venueId: v.woluwe, trainerIds: [night.trainer.id], startsAt: new Date('2027-10-30T23:30:00Z'), minutes: 60 });
    // 02:40 CET (01:40 UTC): 10 minutes later on the wall clock, 70 minutes later in reality.
    const start = new Date('2027-10-31T01:40:00Z');
    const e = await checkConflicts({ db, proposal: base({ trainerIds: [night.trainer.id], venueId: v.anderlecht, kitId: null, startsAt: start, endsAt: new Date(start.getTime() + 60 * min) }) });
    expect(need).toBeLessThanOrEqual(70);
    expect(e.conflicts).toEqual([]);
    expect(e.travel[night.trainer.id]).toMatchObject({ origin: 'session', gapMinutes: 70 });
    // And 10 minutes of real gap (02:40 CEST, 00:40 UTC) is refused.
    const early = new Date('2027-10-31T00:40:00Z');
    expect(await codes(base({ trainerIds: [night.trainer.id], venueId: v.anderlecht, kitId: null, startsAt: early, endsAt: new Date(early.getTime() + 60 * min) }))).toEqual(['travel_before']);
  });

  it('the first session of the day travels from home; an evening session the day before does not change that', async () => {
    const db = getDb();
    await session(db, { venueId: v.woluwe, trainerIds: [t.trainer.id], startsAt: at('2027-02-26T15:00'), minutes: 120 });
    const e = await checkConflicts({ db, proposal: base({ venueId: v.anderlecht, kitId: null }) });
    expect(e.conflicts).toEqual([]);
    expect(e.travel[t.trainer.id]).toMatchObject({ origin: 'home', minutes: trip('grandPlace', 'anderlecht') });
  });

  it('checks every trainer of a session and reports each conflict separately', async () => {
    const db = getDb();
    await session(db, { venueId: v.grand, trainerIds: [t.trainer.id, night.trainer.id], startsAt: at('2027-03-01T11:00'), minutes: 30 });
    const e = await checkConflicts({ db, proposal: base({ trainerIds: [t.trainer.id, night.trainer.id] }) });
    expect(e.conflicts.filter((c) => c.code === 'trainer_busy').map((c) => c.trainerId).sort()).toEqual([t.trainer.id, night.trainer.id].sort());
  });
});
