// Property: whatever coordinators try to save, in whatever order, the stored schedule never holds a
// booking that breaks a rule. The stored state is checked by an independent brute-force checker
// (written from the rules, minute by minute, without conflicts.ts).
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { Db } from '@passerelle/db';
import { describeEachDb } from '@passerelle/db/testing';
import { fromBrusselsLocal, toBrusselsLocal } from '@passerelle/plugin-sdk/time';
import type { Actor } from '@passerelle/trpc';
import { kit, organisation, person, trainer, venue } from '../test-support.ts';
import { createSessions, ScheduleConflictError } from './sessions.ts';
import { DEFAULT_TRAVEL, travelEstimate } from './travel.ts';

const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const weekdayOf = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', weekday: 'short' });

/** Brussels weekday and minute of the day of an instant, straight from Intl (not from the plugin's helpers). */
function wall(ms: number) {
  const local = toBrusselsLocal(new Date(ms));
  return { weekday: WEEKDAY[weekdayOf.format(new Date(ms))]!, minute: +local.slice(11, 13) * 60 + +local.slice(14, 16) };
}

export interface WorldTrainer {
  id: string;
  topics: string[];
  languages: string[];
  mode: 'public_transport' | 'bike' | 'car';
  availability: { weekday: number; startMinute: number; endMinute: number }[];
  absences: { start: number; end: number }[];
}

/** Every broken rule in the stored schedule, found the slow way. */
export async function bruteForceViolations(db: Db, trainers: WorldTrainer[]): Promise<string[]> {
  const sessions = await db.mobileSession.findMany({ where: { status: { not: 'cancelled' } }, include: { venue: true, kit: true, trainers: true } });
  const out: string[] = [];
  for (const s of sessions) {
    const start = s.startsAt.getTime();
    const end = s.endsAt.getTime();
    if (s.seats > s.venue.capacity) out.push(`${s.id} capacity`);
    if (s.kit && (s.kit.status !== 'available' || s.kit.archivedAt || s.kit.devices < s.seats)) out.push(`${s.id} kit state`);
    for (const st of s.trainers) {
      const t = trainers.find((x) => x.id === st.trainerId)!;
      if (!t.topics.includes(s.topic) || !t.languages.includes(s.language)) out.push(`${s.id} qualification`);
      if (t.absences.some((a) => a.start < end && start < a.end)) out.push(`${s.id} absent`);
      // Every minute of the session (and the minute it ends on, if not midnight) inside a window of its weekday.
      for (let m = start; m < end; m += 60_000) {
        const w = wall(m);
        if (!t.availability.some((x) => x.weekday === w.weekday && x.startMinute <= w.minute && w.minute < x.endMinute)) {
          out.push(`${s.id} availability`);
          break;
        }
      }
    }
    for (const o of sessions) {
      if (o.id === s.id) continue;
      const shared = s.trainers.filter((x) => o.trainers.some((y) => y.trainerId === x.trainerId));
      if (shared.length && o.startsAt < s.endsAt && s.startsAt < o.endsAt) out.push(`${s.id} trainer overlap ${o.id}`);
      if (s.kitId && s.kitId === o.kitId && o.startsAt < s.endsAt && s.startsAt < o.endsAt) out.push(`${s.id} kit overlap ${o.id}`);
    }
  }
  // Travel between each trainer's consecutive sessions.
  for (const t of trainers) {
    const mine = sessions.filter((s) => s.trainers.some((x) => x.trainerId === t.id)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    for (let i = 0; i + 1 < mine.length; i++) {
      const a = mine[i]!;
      const b = mine[i + 1]!;
      const gap = (b.startsAt.getTime() - a.endsAt.getTime()) / 60_000;
      const need = travelEstimate(a.venue, b.venue, t.mode, DEFAULT_TRAVEL).minutes;
      if (gap >= 0 && need > gap) out.push(`${a.id}->${b.id} travel ${need} > ${gap}`);
    }
  }
  return out;
}

const ALL_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 }));

describeEachDb('scheduling property: no accepted conflicting booking', ({ getDb }) => {
  let coord: Actor;
  let world: { trainers: WorldTrainer[]; venues: string[]; kits: string[] };

  beforeAll(async () => {
    const db = getDb();
    const orgId = (await organisation(db)).id;
    coord = (await person(db, { roles: ['staff'] })).actor;
    const specs: Omit<WorldTrainer, 'id' | 'absences'>[] = [
      { topics: ['smartphone', 'basics'], languages: ['fr', 'nl'], mode: 'public_transport', availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 480, endMinute: 1080 })) },
      { topics: ['smartphone'], languages: ['fr'], mode: 'bike', availability: ALL_DAY },
      { topics: ['basics', 'smartphone'], languages: ['nl'], mode: 'car', availability: [{ weekday: 6, startMinute: 540, endMinute: 780 }, { weekday: 7, startMinute: 0, endMinute: 1440 }, { weekday: 1, startMinute: 0, endMinute: 720 }] }
    ];
    const trainers: WorldTrainer[] = [];
    for (const [i, spec] of specs.entries()) {
      const t = await trainer(getDb(), orgId, { topics: spec.topics, languages: spec.languages, travelMode: spec.mode, availability: spec.availability, home: (['grandPlace', 'woluwe', 'anderlecht'] as const)[i] });
      trainers.push({ ...spec, id: t.trainer.id, absences: [] });
    }
    // An absence on the Sunday morning of the DST change.
    const abs = { start: fromBrusselsLocal('2027-03-28T06:00')!.getTime(), end: fromBrusselsLocal('2027-03-28T10:00')!.getTime() };
    await db.mobileAbsence.create({ data: { trainerId: trainers[1]!.id, startsAt: new Date(abs.start), endsAt: new Date(abs.end) } });
    trainers[1]!.absences.push(abs);
    world = {
      trainers,
      venues: [(await venue(db, { place: 'grandPlace' })).id, (await venue(db, { place: 'woluwe' })).id, (await venue(db, { place: 'anderlecht', capacity: 3 })).id, (await venue(db, { place: 'schaerbeek' })).id],
      kits: [(await kit(db, orgId, { devices: 8 })).id, (await kit(db, orgId, { devices: 4 })).id, (await kit(db, orgId, { status: 'in_repair' })).id]
    };
  });

  const proposal = fc.record({
    day: fc.integer({ min: 0, max: 3 }), // Saturday 2027-03-27 .. Tuesday 2027-03-30 (DST on the Sunday)
    quarter: fc.integer({ min: 0, max: 95 }),
    quarters: fc.integer({ min: 2, max: 12 }),
    trainers: fc.subarray([0, 1, 2], { minLength: 1, maxLength: 2 }),
    kit: fc.integer({ min: -1, max: 2 }),
    venue: fc.integer({ min: 0, max: 3 }),
    seats: fc.integer({ min: 1, max: 10 }),
    topic: fc.constantFrom('smartphone', 'basics'),
    language: fc.constantFrom('fr', 'nl'),
    weekly: fc.boolean()
  });

  it('random proposals saved one after the other never leave a conflicting booking', async () => {
    const db = getDb();
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(proposal, { minLength: 3, maxLength: 8 }), async (proposals) => {
        await db.mobileSession.deleteMany({});
        for (const p of proposals) {
          const day = `2027-03-${String(27 + p.day).padStart(2, '0')}`;
          const startsAt = fromBrusselsLocal(`${day}T00:00`)!;
          const start = new Date(startsAt.getTime() + p.quarter * 15 * 60_000);
          try {
            await createSessions({
              db,
              actor: coord,
              input: { requestId: null, venueId: world.venues[p.venue]!, topic: p.topic as 'smartphone', language: p.language as 'fr', startsAt: start, endsAt: new Date(start.getTime() + p.quarters * 15 * 60_000), trainerIds: p.trainers.map((i) => world.trainers[i]!.id), kitId: p.kit < 0 ? null : world.kits[p.kit]!, seats: p.seats, repeat: p.weekly ? { intervalWeeks: 1, count: 2, exceptions: [] } : null }
            });
            accepted++;
          } catch (e) {
            if (!(e instanceof ScheduleConflictError)) throw e;
            expect(e.conflicts.length).toBeGreaterThan(0);
            refused++;
          }
        }
        expect(await bruteForceViolations(db, world.trainers)).toEqual([]);
      }),
      { numRuns: 25, seed: 20270328 }
    );
    // The property is not vacuous: both outcomes happened.
    expect(accepted).toBeGreaterThan(5);
    expect(refused).toBeGreaterThan(5);
  });

  it('the brute-force checker does find conflicts written behind the service’s back', async () => {
    const db = getDb();
    await db.mobileSession.deleteMany({});
    const t = world.trainers[0]!;
    const mk = (venueId: string, local: string, minutes: number) =>
      db.mobileSession.create({ data: { venueId, startsAt: fromBrusselsLocal(local)!, endsAt: new Date(fromBrusselsLocal(local)!.getTime() + minutes * 60_000), seats: 4, topic: 'smartphone', language: 'fr', trainers: { create: { trainerId: t.id } } } });
    await mk(world.venues[0]!, '2027-03-29T10:00', 60);
    await mk(world.venues[1]!, '2027-03-29T11:05', 60);
    const v = await bruteForceViolations(db, world.trainers);
    expect(v.some((x) => x.includes('travel'))).toBe(true);
    await mk(world.venues[1]!, '2027-03-29T11:30', 60);
    expect((await bruteForceViolations(db, world.trainers)).some((x) => x.includes('trainer overlap'))).toBe(true);
    await mk(world.venues[1]!, '2027-03-27T10:00', 60);
    expect((await bruteForceViolations(db, world.trainers)).some((x) => x.includes('availability'))).toBe(true);
    await db.mobileSession.deleteMany({});
  });
});

