// SSR latency of the home page with autocannon, on the embedded database and on PostgreSQL.
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startServer } from './server.ts';

const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://passerelle:passerelle@127.0.0.1:5432/passerelle_test';

async function measure(label: string, url: string) {
  // Warm up, then 10 s with 10 connections.
  await autocannon({ url: `${url}/fr`, connections: 2, duration: 2 });
  const r = await autocannon({ url: `${url}/fr`, connections: 10, duration: 10 });
  console.log(`${label}: ${r.requests.total} requests, ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors}, non-2xx ${r.non2xx}`);
}

const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-ssr-'));
const embedded = await startServer({ PGLITE_DIR: join(dir, 'pglite'), DATABASE_URL: '', SEED_DEMO: '1' });
await measure('home page, embedded PGlite', embedded.url);
await embedded.stop();
rmSync(dir, { recursive: true, force: true });

const admin = new pg.Client({ connectionString: PG_ADMIN });
await admin.connect();
const name = `passerelle_bench_${Date.now()}`;
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(PG_ADMIN);
url.pathname = `/${name}`;
try {
  const server = await startServer({ DATABASE_URL: url.toString(), SEED_DEMO: '1' });
  await measure('home page, PostgreSQL 15', server.url);
  await server.stop();
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
