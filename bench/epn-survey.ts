// Benchmarks of the epn-survey plugin, through the real stack (built app, HTTP, tRPC, PostgreSQL 15):
//  1. response intake: N visitors answer the demo visitor-profile survey at once over HTTP; responses/s,
//     p50/p99, errors, exact count; beside it, pgbench's single-row insert rate on the same server;
//  2. export: 1,000,000 responses streamed as CSV over HTTP, rows/s and the app server's peak RSS, beside
//     `psql \copy` of the same rows (same columns, same join) in the same run;
//  3. dashboard: the visitor-profile roll-up, then the regional dashboard (activity + visitor profiles with
//     suppression) over those 1M rows.
// Prints figures; asserts nothing about time (it does check counts and the row count of the export).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { createDb } from '@passerelle/db';
import { DEMO_ACCOUNTS } from '@passerelle/db/demo';
import { createSession } from '@passerelle/auth';
import { exportQuestions, responsesSelect } from '@passerelle/plugin-epn-survey/services/exports';
import type { SurveyDefinition } from '@passerelle/plugin-epn-survey/services/definition';
import { pendingResponses, rollUpResponses } from '@passerelle/plugin-epn-survey/services/rollup';
import { pgbenchInsertTps, withBenchDatabase } from './postgres.ts';
import { startServer } from './server.ts';

const CLIENTS = Number(process.env.BENCH_CONCURRENCY ?? 20);
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 2000);
const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const mib = (kb: number) => `${Math.round(kb / 1024)} MiB`;

/** Resident memory of the app server process (`node build/index.js`, started by scripts/start.ts), in kB. */
function serverRss(): { rss: number; hwm: number } {
  const pid = execFileSync('pgrep', ['-n', '-f', 'build/index.js'], { encoding: 'utf8' }).trim();
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

await withBenchDatabase('passerelle_bench_epn', async (dbUrl, admin) => {
  // Each simulated visitor comes from its own address (x-forwarded-for), as on a real site; the per-address
  // rate limit then applies to each of them, not to the benchmark as a whole.
  const server = await startServer({ DATABASE_URL: dbUrl, SEED_DEMO: '1', ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
  const { db, close } = await createDb({ databaseUrl: dbUrl });
  try {
    const survey = await db.epnSurvey.findUniqueOrThrow({ where: { code: 'DEMOVISIT1' } });
    const before = await db.epnResponse.count({ where: { surveyId: survey.id } });

    // ---------- 1. response intake ----------
    const answers = (i: number) => ({ age_band: ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'][i % 7], gender: ['woman', 'man', 'other'][i % 3], internet_home: 'no', no_internet_reason: ['cost'], devices: ['smartphone'] });
    const latencies: number[] = [];
    let errors = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (;;) {
          const i = next++;
          if (i >= RESPONSES) return;
          const t0 = performance.now();
          const res = await fetch(`${server.url}/api/trpc/epn-survey.survey.respond`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
            body: JSON.stringify({ code: 'DEMOVISIT1', answers: answers(i) })
          });
          await res.arrayBuffer();
          latencies.push(performance.now() - t0);
          if (res.status !== 200) errors++;
        }
      })
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const stored = (await db.epnResponse.count({ where: { surveyId: survey.id } })) - before;
    const rate = RESPONSES / seconds;
    console.log(`response intake (PostgreSQL 15, ${CLIENTS} concurrent visitors, ${RESPONSES} responses): ${rate.toFixed(0)} responses/s, p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, errors ${errors}, stored ${stored} (${stored === RESPONSES - errors ? 'exact' : 'MISMATCH'})`);

    const pgbench = await pgbenchInsertTps(admin, CLIENTS);
    if ('tps' in pgbench) console.log(`pgbench single-row INSERT on the same server (${CLIENTS} clients): ${pgbench.tps.toFixed(0)} tps -> responses/s = ${((rate / pgbench.tps) * 100).toFixed(1)}% of it`);
    else console.log(`pgbench did not run: ${pgbench.error}`);

    // ---------- 2. export of 1M responses ----------
    const app = new pg.Client({ connectionString: dbUrl });
    await app.connect();
    const version = await db.epnSurveyVersion.findFirstOrThrow({ where: { surveyId: survey.id } });
    const t0 = performance.now();
    // Generated in the database (a Node loop would measure Node): plausible answers, spread over a year.
    await app.query(
      `INSERT INTO "epn_response" ("id", "surveyId", "versionId", "placeId", "channel", "answers", "day")
       SELECT 'bench-' || lpad(g::text, 8, '0'), $1, $2, NULL, CASE WHEN g % 3 = 0 THEN 'kiosk' ELSE 'link' END,
              jsonb_build_object('age_band', (ARRAY['16-24','25-34','35-44','45-54','55-64','65-74','75+'])[1 + g % 7],
                                 'gender', (ARRAY['woman','man','other','no_answer'])[1 + g % 4],
                                 'commune', (ARRAY['21001','21004','21012','21015','outside'])[1 + g % 5],
                                 'internet_home', (ARRAY['yes','mobile_only','no'])[1 + g % 3],
                                 'devices', jsonb_build_array((ARRAY['smartphone','computer','tablet'])[1 + g % 3]),
                                 'skill_safety', (ARRAY['none','basic','above_basic'])[1 + g % 3]),
              date_trunc('year', now())::date + (g % 330)
       FROM generate_series(1, $3) g`,
      [survey.id, version.id, EXPORT_ROWS]
    );
    await app.query('ANALYZE "epn_response"');
    const total = Number((await app.query('SELECT COUNT(*) FROM "epn_response" WHERE "surveyId" = $1', [survey.id])).rows[0].count);
    console.log(`(generated ${EXPORT_ROWS.toLocaleString('en')} responses in the database in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${total.toLocaleString('en')} in the survey)`);

    const member = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.find((a) => a.role === 'association_member')!.email } });
    const staff = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.find((a) => a.role === 'staff')!.email } });
    const memberCookie = `passerelle_session=${(await createSession({ db, userId: member.id })).token}`;
    const staffCookie = `passerelle_session=${(await createSession({ db, userId: staff.id })).token}`;

    const rssBefore = serverRss();
    let peak = rssBefore.rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, serverRss().rss);
    }, 100);
    const e0 = performance.now();
    const res = await fetch(`${server.url}/en/epn/manage/surveys/${survey.id}/responses.csv`, { headers: { cookie: memberCookie } });
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (const b of chunk) if (b === 10) lines++;
    }
    const exportSeconds = (performance.now() - e0) / 1000;
    clearInterval(sampler);
    const exported = lines - 1; // header
    console.log(
      `export over HTTP (streamed CSV, status ${res.status}): ${exported.toLocaleString('en')} rows (${exported === total ? 'all' : 'MISMATCH'}), ${(bytes / 1048576).toFixed(0)} MiB in ${exportSeconds.toFixed(1)} s = ${Math.round(exported / exportSeconds).toLocaleString('en')} rows/s; app server RSS ${mib(rssBefore.rss)} before, peak ${mib(peak)} during (+${mib(peak - rssBefore.rss)})`
    );

    // psql \copy of exactly the same SELECT (same columns, same per-question extraction and escaping).
    const questions = exportQuestions([version.definition as unknown as SurveyDefinition]);
    const select = responsesSelect(survey.id, questions, (v) => `'${v.replace(/'/g, "''")}'`).replace(/\s+/g, ' ');
    const c0 = performance.now();
    const copy = spawnSync('psql', [dbUrl, '-q', '-c', `\\copy (${select}) TO '/dev/null' WITH (FORMAT csv, HEADER true)`], { encoding: 'utf8' });
    const copySeconds = (performance.now() - c0) / 1000;
    if (copy.status === 0) console.log(`psql \\copy of the same rows: ${copySeconds.toFixed(1)} s = ${Math.round(total / copySeconds).toLocaleString('en')} rows/s -> export = ${((copySeconds / exportSeconds) * 100).toFixed(0)}% of \\copy`);
    else console.log(`psql \\copy did not run: ${copy.stderr}`);

    // ---------- 3. regional dashboard over 1M responses ----------
    // The visitor-profile counts come from a roll-up that a job refreshes every minute (the dashboard adds
    // the responses still pending, live). Here: the roll-up of whatever the job has not done yet, timed.
    const pending = await pendingResponses(db);
    const r0 = performance.now();
    const rolled = await rollUpResponses({ db });
    const rollSeconds = (performance.now() - r0) / 1000;
    console.log(`visitor-profile roll-up: ${rolled.toLocaleString('en')} of ${pending.toLocaleString('en')} pending responses counted in ${rollSeconds.toFixed(1)} s${rolled ? ` = ${Math.round(rolled / rollSeconds).toLocaleString('en')} responses/s` : ''} (the every-minute job had done the rest)`);
    const year = new Date().getUTCFullYear();
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const d0 = performance.now();
      const r = await fetch(`${server.url}/api/trpc/epn-survey.dashboard.region?input=${encodeURIComponent(JSON.stringify({ year }))}`, { headers: { cookie: staffCookie } });
      await r.arrayBuffer();
      times.push(performance.now() - d0);
      if (r.status !== 200) console.log(`dashboard answered ${r.status}`);
    }
    times.sort((a, b) => a - b);
    console.log(`regional dashboard (${total.toLocaleString('en')} responses, activity + visitor profile with suppression, after the roll-up): median ${pct(times, 50).toFixed(0)} ms, slowest ${times[times.length - 1]!.toFixed(0)} ms over 5 calls`);
    await app.end();
  } finally {
    await close();
    await server.stop();
  }
});
