// Benchmarks of the ideas plugin, through the real stack (built app, HTTP, tRPC, PostgreSQL 15):
//  1. vote storm: N people vote at once over HTTP; votes/s, p50/p99 latency, errors, exact count; beside
//     it, pgbench's single-row insert rate on the same server, so that the ratio is visible;
//  2. page speed: SSR p50/p99 of the idea list with 1,000 ideas and of an idea page with 200 comments.
// Prints figures; asserts nothing about time (it does check that the vote count is exact).
import autocannon from 'autocannon';
import { createDb } from '@passerelle/db';
import { createSession, hashPassword } from '@passerelle/auth';
import { pgbenchInsertTps, withBenchDatabase } from './postgres.ts';
import { startServer } from './server.ts';

const VOTERS = Number(process.env.BENCH_VOTERS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

await withBenchDatabase('passerelle_bench_ideas', async (dbUrl, admin) => {
  const server = await startServer({ DATABASE_URL: dbUrl, SEED_DEMO: '1' });
  const { db, close } = await createDb({ databaseUrl: dbUrl });
  try {
    // ---------- 1. vote storm ----------
    const consultation = await db.ideasConsultation.findUniqueOrThrow({ where: { slug: 'brussels-hacks-demo' } });
    const finalists = await db.ideasIdea.findMany({ where: { consultationId: consultation.id, finalist: true }, select: { id: true } });
    const passwordHash = await hashPassword('bench password not used');
    const stamp = Date.now();
    let rate = 0;
    const allUsers: { id: string }[] = [];
    for (const concurrency of [10, CONCURRENCY]) {
      const tag = `voter-${stamp}-c${concurrency}-`;
      await db.user.createMany({ data: Array.from({ length: VOTERS }, (_, i) => ({ email: `${tag}${i}@bench.example`, passwordHash, displayName: `Voter ${i}`, emailVerifiedAt: new Date() })) });
      const users = await db.user.findMany({ where: { email: { startsWith: tag } }, select: { id: true } });
      allUsers.push(...users);
      const tokens: string[] = [];
      for (const u of users) tokens.push((await createSession({ db, userId: u.id })).token);

      const latencies: number[] = [];
      let errors = 0;
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (;;) {
            const i = next++;
            if (i >= tokens.length) return;
            const t0 = performance.now();
            const res = await fetch(`${server.url}/api/trpc/ideas.vote.cast`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie: `passerelle_session=${tokens[i]}` },
              body: JSON.stringify({ ideaId: finalists[i % finalists.length]!.id })
            });
            await res.arrayBuffer();
            latencies.push(performance.now() - t0);
            if (res.status !== 200) errors++;
          }
        })
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const stored = await db.ideasVote.count({ where: { ballot: { user: { email: { startsWith: tag } } } } });
      rate = VOTERS / seconds;
      console.log(`vote storm (PostgreSQL 15, ${concurrency} concurrent clients, ${VOTERS} voters): ${rate.toFixed(0)} votes/s, p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, errors ${errors}, votes stored ${stored} (${stored === VOTERS - errors ? 'exact' : 'MISMATCH'})`);
    }
    const users = allUsers;

    // pgbench: single-row inserts on the same server, same concurrency (capped at what pgbench allows).
    const pgbench = await pgbenchInsertTps(admin, CONCURRENCY);
    if ('tps' in pgbench) console.log(`pgbench single-row INSERT on the same server: ${pgbench.tps.toFixed(0)} tps -> votes/s = ${((rate / pgbench.tps) * 100).toFixed(0)}% of it`);
    else console.log(`pgbench did not run: ${pgbench.error}`);

    // ---------- 2. page speed ----------
    const big = await db.ideasConsultation.create({
      data: {
        slug: `bench-${stamp}`,
        title: { fr: 'Bench', nl: 'Bench', en: 'Bench' },
        description: { fr: 'x', nl: 'x', en: 'x' },
        rules: { fr: 'x', nl: 'x', en: 'x' },
        submissionStart: new Date(Date.now() - 86_400_000),
        reviewStart: new Date(Date.now() + 86_400_000),
        voteStart: new Date(Date.now() + 2 * 86_400_000),
        resultsStart: new Date(Date.now() + 3 * 86_400_000),
        followUpStart: new Date(Date.now() + 4 * 86_400_000)
      }
    });
    const communes = ['21001', '21004', '21009', '21012', '21015'];
    await db.ideasIdea.createMany({
      data: Array.from({ length: 1000 }, (_, i) => ({ consultationId: big.id, number: i + 1, title: `Idea number ${i + 1} about digital inclusion`, summary: 'A summary of one or two sentences for the list.', description: '**Details** with a [link](https://example.org).', communeNis: communes[i % 5]!, language: 'fr', authorId: users[i % users.length]!.id }))
    });
    const first = await db.ideasIdea.findFirstOrThrow({ where: { consultationId: big.id, number: 1 } });
    await db.ideasComment.createMany({ data: Array.from({ length: 200 }, (_, i) => ({ ideaId: first.id, authorId: users[i % users.length]!.id, body: `Comment ${i} with *some* Markdown.` })) });
    for (const [label, path] of [
      ['idea list (1,000 ideas)', `/fr/ideas/${big.slug}`],
      ['idea page (200 comments)', `/fr/ideas/${big.slug}/1`]
    ] as const) {
      await autocannon({ url: `${server.url}${path}`, connections: 2, duration: 2 });
      const r = await autocannon({ url: `${server.url}${path}`, connections: 10, duration: 10 });
      console.log(`${label}, PostgreSQL 15: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`);
    }
  } finally {
    await close();
    await server.stop();
  }
});
