// Benchmark of the mobile-epn plugin's suggestions (services/suggest.ts), on PostgreSQL: 50 trainers,
// 30 kits, 500 venues and 5,000 existing sessions seeded in a throw-away database, then suggestions for
// many requests (each: load one snapshot in a handful of queries, judge every candidate slot with the
// conflict rules in memory). Prints p50 / p95 / max; asserts nothing about time (it does check that every
// suggestion passes the exact conflict check, on a sample).
import { createDb } from '@passerelle/db';
import { COMMUNES } from '@passerelle/db/communes';
import { migrateDeploy } from '@passerelle/db/migrate';
import { addDays, brusselsInstant, brusselsParts } from '../packages/plugin-sdk/src/time.ts';
// The plugin is imported by path: the bench package needs no dependency (and no lockfile change) for it.
import { checkConflicts } from '../plugins/mobile-epn/src/services/conflicts.ts';
import { suggest, type SuggestionRequest } from '../plugins/mobile-epn/src/services/suggest.ts';
import { withBenchDatabase } from './postgres.ts';

const TRAINERS = Number(process.env.BENCH_TRAINERS ?? 50);
const KITS = Number(process.env.BENCH_KITS ?? 30);
const VENUES = Number(process.env.BENCH_VENUES ?? 500);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 5000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);

const TOPICS = ['basics', 'internet', 'email', 'smartphone', 'online_admin', 'eid_itsme', 'banking', 'health', 'safety'];
const LANGS = ['fr', 'nl', 'en', 'ar', 'tr'];
const MODES = ['public_transport', 'bike', 'car'];

// A fixed pseudo-random sequence, so that runs are comparable.
let seed = 42;
const rnd = () => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
const some = <T>(xs: readonly T[], n: number) => [...xs].sort(() => rnd() - 0.5).slice(0, n);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const point = () => ({ latitude: 50.79 + rnd() * 0.11, longitude: 4.28 + rnd() * 0.18 });

await withBenchDatabase('passerelle_bench_mobile', async (dbUrl) => {
  await migrateDeploy({ databaseUrl: dbUrl, log: false });
  const { db, close } = await createDb({ databaseUrl: dbUrl });
  try {
    const t0 = performance.now();
    const orgs = await Promise.all(Array.from({ length: 5 }, (_, i) => db.organisation.create({ data: { name: `Bench EPN ${i}`, slug: `bench-epn-${i}` } })));
    await db.user.createMany({ data: Array.from({ length: TRAINERS }, (_, i) => ({ id: `bench-user-${i}`, email: `trainer-${i}@bench.example`, passwordHash: '!', displayName: `Trainer ${i}` })) });
    await db.mobileTrainer.createMany({
      data: Array.from({ length: TRAINERS }, (_, i) => {
        const home = point();
        return { id: `bench-trainer-${i}`, userId: `bench-user-${i}`, organisationId: orgs[i % orgs.length]!.id, languages: ['fr', ...some(LANGS.slice(1), 1 + Math.floor(rnd() * 2))], topics: some(TOPICS, 3 + Math.floor(rnd() * 4)), homeLatitude: home.latitude, homeLongitude: home.longitude, homeLabel: `Home ${i}`, travelMode: pick(MODES) };
      })
    });
    await db.mobileAvailability.createMany({
      data: Array.from({ length: TRAINERS }, (_, i) => [1, 2, 3, 4, 5].filter(() => rnd() < 0.85).map((weekday) => ({ trainerId: `bench-trainer-${i}`, weekday, startMinute: pick([480, 510, 540]), endMinute: pick([1020, 1050, 1080]) }))).flat()
    });
    await db.mobileAbsence.createMany({ data: Array.from({ length: TRAINERS / 5 }, (_, i) => ({ trainerId: `bench-trainer-${i * 5}`, startsAt: brusselsInstant(addDays('2027-01-11', i * 3), 0)!, endsAt: brusselsInstant(addDays('2027-01-11', i * 3 + 5), 0)! })) });
    await db.mobileKit.createMany({ data: Array.from({ length: KITS }, (_, i) => ({ id: `bench-kit-${i}`, organisationId: orgs[i % orgs.length]!.id, name: `Kit ${i}`, contents: ['tablets', '4G router'], devices: pick([6, 8, 10, 12]), status: rnd() < 0.1 ? 'in_repair' : 'available' })) });
    const communes = COMMUNES.map((c) => c.nis);
    const venues = Array.from({ length: VENUES }, (_, i) => ({ id: `bench-venue-${i}`, ...point(), capacity: 6 + Math.floor(rnd() * 15), communeNis: pick(communes) }));
    await db.mobileVenue.createMany({ data: venues.map((v, i) => ({ id: v.id, type: pick(['care_home', 'social_housing', 'community_centre', 'library']), name: `Venue ${i}`, street: `Rue ${i}`, postcode: '1000', communeNis: v.communeNis, latitude: v.latitude, longitude: v.longitude, capacity: v.capacity })) });

    // 5,000 sessions over 20 weeks from Monday 2027-01-04: each trainer gets up to 3 a day (early morning,
    // late morning, afternoon) on random weekdays, at random venues, half of them with a kit.
    const firstDay = '2027-01-04';
    const sessions: { id: string; venueId: string; kitId: string | null; startsAt: Date; endsAt: Date }[] = [];
    const links: { sessionId: string; trainerId: string }[] = [];
    const kitBusy = new Set<string>();
    for (let n = 0; sessions.length < SESSIONS && n < SESSIONS * 20; n++) {
      const trainer = Math.floor(rnd() * TRAINERS);
      const day = addDays(firstDay, Math.floor(rnd() * 140));
      if (brusselsParts(brusselsInstant(day, 720)!).weekday > 5) continue;
      const half = Math.floor(rnd() * 3);
      const key = `${trainer} ${day} ${half}`;
      if (kitBusy.has(key)) continue;
      kitBusy.add(key);
      let kitId: string | null = null;
      if (rnd() < 0.5) {
        const k = Math.floor(rnd() * KITS);
        if (!kitBusy.has(`kit ${k} ${day} ${half}`)) {
          kitBusy.add(`kit ${k} ${day} ${half}`);
          kitId = `bench-kit-${k}`;
        }
      }
      const start = [510, 660, 840][half]! + pick([0, 15, 30]);
      const id = `bench-session-${sessions.length}`;
      sessions.push({ id, venueId: pick(venues).id, kitId, startsAt: brusselsInstant(day, start)!, endsAt: brusselsInstant(day, start + pick([60, 90, 120]))! });
      links.push({ sessionId: id, trainerId: `bench-trainer-${trainer}` });
    }
    for (let i = 0; i < sessions.length; i += 1000) {
      await db.mobileSession.createMany({ data: sessions.slice(i, i + 1000).map((s) => ({ ...s, seats: 8, topic: pick(TOPICS), language: 'fr' })) });
      await db.mobileSessionTrainer.createMany({ data: links.slice(i, i + 1000) });
    }
    await db.$executeRawUnsafe('ANALYZE');
    console.log(`seeded ${TRAINERS} trainers, ${KITS} kits, ${VENUES} venues, ${sessions.length} sessions in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // Requests: a random venue, topic, language and group size, a two-week preferred window somewhere
    // in the 20 weeks, 2 hours, most with a kit.
    const requests: SuggestionRequest[] = Array.from({ length: REQUESTS }, () => {
      const v = pick(venues);
      const from = addDays(firstDay, Math.floor(rnd() * 120));
      return { venueId: v.id, topic: pick(TOPICS), language: rnd() < 0.7 ? 'fr' : pick(LANGS), participants: Math.min(v.capacity, 4 + Math.floor(rnd() * 6)), durationMinutes: pick([90, 120]), windows: [{ from: brusselsInstant(from, 0)!, to: brusselsInstant(addDays(from, 14), 0)! }], needsKit: rnd() < 0.7 };
    });
    const now = brusselsInstant(firstDay, 0)!;
    for (const r of requests.slice(0, 5)) await suggest({ db, request: r, now }); // warm-up (query plans, JIT)
    const times: number[] = [];
    let found = 0;
    let empty = 0;
    const sample: { r: SuggestionRequest; s: Awaited<ReturnType<typeof suggest>>['suggestions'] }[] = [];
    const cpu: number[] = [];
    for (const r of requests) {
      const a = performance.now();
      const c = process.cpuUsage();
      const out = await suggest({ db, request: r, now });
      times.push(performance.now() - a);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      found += out.suggestions.length;
      if (!out.suggestions.length) empty++;
      if (sample.length < 20) sample.push({ r, s: out.suggestions });
    }
    times.sort((x, y) => x - y);
    cpu.sort((x, y) => x - y);
    console.log(`suggestions for ${REQUESTS} requests (5 best each, 30-minute grid, 2-week windows): p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))}, max ${ms(times[times.length - 1]!)}; ${found} slots suggested, ${empty} requests with none`);
    console.log(`  CPU of this process per request (the app's share; PostgreSQL's is apart): p50 ${ms(pct(cpu, 50))}, p95 ${ms(pct(cpu, 95))}`);
    console.log(`  load average during the run: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} CPUs`);

    // Every suggestion of a sample passes the exact check (the one a save runs).
    let checked = 0;
    for (const { r, s } of sample) {
      for (const x of s) {
        const e = await checkConflicts({ db, proposal: { startsAt: x.startsAt, endsAt: x.endsAt, trainerIds: [x.trainerId], kitId: x.kitId, venueId: r.venueId, seats: r.participants, topic: r.topic, language: r.language } });
        if (e.conflicts.length) throw new Error(`a suggestion conflicts: ${JSON.stringify(e.conflicts)}`);
        checked++;
      }
    }
    console.log(`exact re-check of ${checked} suggested slots: no conflict`);
  } finally {
    await close();
  }
});
