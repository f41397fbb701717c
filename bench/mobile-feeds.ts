// Benchmark of the mobile-epn plugin's calendar feeds: a trainer's iCalendar feed with 1,000 events,
//  1. rendered in the process (the service the route calls: database read + ical-generator), repeated;
//  2. fetched over HTTP from the built app (/fr/mobile/feeds/<token>.ics), repeated.
// Prints the median and p95; asserts nothing about time (it does check the number of events).
import { generateToken, hashToken } from '@passerelle/auth';
import { createDb } from '@passerelle/db';
import { DEMO_ACCOUNTS } from '@passerelle/db/demo';
// The plugin's service, by path (the bench package does not depend on the plugin).
import { feedText } from '../plugins/mobile-epn/src/services/feeds.ts';
import { withBenchDatabase } from './postgres.ts';
import { startServer } from './server.ts';

const EVENTS = Number(process.env.BENCH_FEED_EVENTS ?? 1000);
const RUNS = Number(process.env.BENCH_FEED_RUNS ?? 30);

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const count = (text: string) => text.split('BEGIN:VEVENT').length - 1;

async function time(runs: number, fn: () => Promise<string>): Promise<{ median: number; p95: number; bytes: number; events: number }> {
  const times: number[] = [];
  let text = '';
  await fn(); // warm-up
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    text = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: pct(times, 50), p95: pct(times, 95), bytes: Buffer.byteLength(text), events: count(text) };
}

await withBenchDatabase('passerelle_bench_feeds', async (dbUrl) => {
  const server = await startServer({ DATABASE_URL: dbUrl, SEED_DEMO: '1' });
  const { db, close } = await createDb({ databaseUrl: dbUrl });
  try {
    const member = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.find((a) => a.role === 'association_member')!.email } });
    const trainer = await db.mobileTrainer.findUniqueOrThrow({ where: { userId: member.id } });
    const venues = await db.mobileVenue.findMany({ where: { isDemo: true } });
    const kit = await db.mobileKit.findFirst({ where: { isDemo: true, organisationId: trainer.organisationId } });
    await db.mobileSession.deleteMany({ where: { trainers: { some: { trainerId: trainer.id } } } });
    // 1,000 sessions from 20 days ago on, two a day, at every kind of venue (private homes included),
    // one in ten cancelled, one in five moved once (SEQUENCE 1).
    const start = Date.now() - 20 * 86_400_000;
    for (let i = 0; i < EVENTS; i += 100) {
      await db.$transaction(
        Array.from({ length: Math.min(100, EVENTS - i) }, (_, j) => {
          const n = i + j;
          const startsAt = new Date(start + Math.floor(n / 2) * 86_400_000 + (n % 2 ? 13 : 9) * 3_600_000);
          return db.mobileSession.create({
            data: {
              venueId: venues[n % venues.length]!.id,
              kitId: n % 3 ? (kit?.id ?? null) : null,
              startsAt,
              endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
              seats: 8,
              topic: ['smartphone', 'online_admin', 'email', 'banking'][n % 4]!,
              language: 'fr',
              status: n % 10 === 9 ? 'cancelled' : 'scheduled',
              sequence: n % 5 === 0 ? 1 : 0,
              trainers: { create: { trainerId: trainer.id } }
            }
          });
        })
      );
    }
    const token = generateToken();
    await db.mobileFeed.create({ data: { kind: 'trainer', subjectId: trainer.id, tokenHash: hashToken(token) } });

    const local = await time(RUNS, async () => (await feedText({ db, token, locale: 'fr' }))!);
    console.log(`feed of ${local.events} events (${Math.round(local.bytes / 1024)} KiB), rendered in the process (DB read + ical-generator), ${RUNS} runs: median ${ms(local.median)}, p95 ${ms(local.p95)}`);
    if (local.events !== EVENTS) throw new Error(`expected ${EVENTS} events, got ${local.events}`);

    const url = `${server.url}/fr/mobile/feeds/${token}.ics`;
    const http = await time(RUNS, async () => {
      const res = await fetch(url);
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      return res.text();
    });
    console.log(`same feed over HTTP (built app, PostgreSQL), ${RUNS} requests one after another: median ${ms(http.median)}, p95 ${ms(http.p95)}`);
    if (http.events !== EVENTS) throw new Error(`expected ${EVENTS} events over HTTP, got ${http.events}`);
  } finally {
    await close();
    await server.stop();
  }
});
