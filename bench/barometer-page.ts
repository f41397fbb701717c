// Benchmark of the public indicator page, server-side rendered by the built app on PostgreSQL 15 with the
// demo data (SEED_DEMO=1: the synthetic editions 2021, 2023 and 2025):
//   /{locale}/barometer/indicators/{id}?year={year}&by=commune
// for every default indicator × edition × locale.
//  - cold: the first request of each of those URLs after the server started (one at a time; nothing of
//    that page is in the per-version cache yet);
//  - cached: the same URLs again, one at a time (p50/p99), then 10 s of load with 10 connections
//    (autocannon cycling through them).
// Skips, saying so, when the build has no such page (404). Asserts nothing about time.
import autocannon from 'autocannon';
import { DEFAULT_INDICATORS } from '@passerelle/plugin-barometer/services/indicators';
import { withBenchDatabase } from './postgres.ts';
import { startServer } from './server.ts';

const YEARS = [2021, 2023, 2025];
const LOCALES = ['fr', 'nl', 'en'];
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const path = (locale: string, id: string, year: number) => `/${locale}/barometer/indicators/${id}?year=${year}&by=commune`;

async function timeEach(base: string, paths: string[]): Promise<{ sorted: number[]; bad: string[] }> {
  const times: number[] = [];
  const bad: string[] = [];
  for (const p of paths) {
    const t0 = performance.now();
    const res = await fetch(base + p, { redirect: 'manual' });
    await res.arrayBuffer();
    times.push(performance.now() - t0);
    if (res.status !== 200) bad.push(`${p} -> ${res.status}`);
  }
  return { sorted: times.sort((a, b) => a - b), bad };
}

const line = (label: string, r: { sorted: number[]; bad: string[] }) =>
  console.log(`${label}: ${r.sorted.length} pages, p50 ${pct(r.sorted, 50).toFixed(1)} ms, p99 ${pct(r.sorted, 99).toFixed(1)} ms, max ${r.sorted.at(-1)!.toFixed(1)} ms${r.bad.length ? `; ${r.bad.length} not 200, e.g. ${r.bad.slice(0, 3).join(', ')}` : ''}`);

await withBenchDatabase('passerelle_bench_barometer_page', async (dbUrl) => {
  const server = await startServer({ DATABASE_URL: dbUrl, SEED_DEMO: '1' });
  try {
    // Warm the server's own code on another page, so that "cold" measures the barometer page, not the first request ever.
    for (let i = 0; i < 5; i++) await (await fetch(`${server.url}/fr`)).arrayBuffer();
    const probePath = path('fr', DEFAULT_INDICATORS[0]!.id, 2021);
    const probe = await fetch(server.url + probePath, { redirect: 'manual' });
    await probe.arrayBuffer();
    if (probe.status === 404) {
      console.log(`skipped: ${probePath} answers 404 (the public indicator page or its demo editions are not in this build)`);
      return;
    }
    if (probe.status !== 200) {
      console.log(`skipped: ${probePath} answers ${probe.status}, not 200`);
      return;
    }
    // The probe was the first request of its page: it counts as cold.
    const rest = LOCALES.flatMap((l) => DEFAULT_INDICATORS.flatMap((ind) => YEARS.map((y) => path(l, ind.id, y)))).filter((p) => p !== probePath);
    const cold = await timeEach(server.url, rest);
    line('cold (first request of each page)', cold);
    const all = [probePath, ...rest];
    const cached = await timeEach(server.url, all);
    line('cached (the same pages again, one at a time)', cached);
    await autocannon({ url: server.url, connections: 2, duration: 2, requests: all.map((p) => ({ method: 'GET', path: p })) });
    const load = await autocannon({ url: server.url, connections: 10, duration: 10, requests: all.map((p) => ({ method: 'GET', path: p })) });
    console.log(`cached under load (10 connections, 10 s, cycling through the ${all.length} pages): ${Math.round(load.requests.average)} req/s, p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, errors ${load.errors}, non-2xx ${load.non2xx}`);
  } finally {
    await server.stop();
  }
});
