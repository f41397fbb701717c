// PostgreSQL pieces shared by the benchmarks: a throw-away database, and pgbench's single-row insert rate
// on the same server (the yardstick printed beside the app's write rates).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://passerelle:passerelle@127.0.0.1:5432/passerelle_test';
const PGBENCH = process.env.PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';

/** Runs `fn` with a fresh database (its URL and an admin client), dropped afterwards whatever happens. */
export async function withBenchDatabase(prefix: string, fn: (dbUrl: string, admin: pg.Client) => Promise<void>): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  const name = `${prefix}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  try {
    await fn(url.toString(), admin);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** pgbench: single-row INSERTs for 10 s with `clients` connections; transactions per second, or an error text. */
export async function pgbenchInsertTps(admin: pg.Client, clients: number): Promise<{ tps: number } | { error: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-pgbench-'));
  const script = join(dir, 'insert.sql');
  writeFileSync(script, 'INSERT INTO bench_insert (v) VALUES (1);\n');
  await admin.query('CREATE TABLE IF NOT EXISTS bench_insert (id bigserial primary key, v int)');
  try {
    const run = spawnSync(PGBENCH, ['-n', '-f', script, '-c', String(Math.min(clients, 50)), '-j', '2', '-T', '10', PG_ADMIN], { encoding: 'utf8' });
    const tps = /tps = ([\d.]+)/.exec(run.stdout ?? '')?.[1];
    return tps ? { tps: Number(tps) } : { error: run.error?.message ?? run.stderr };
  } finally {
    await admin.query('DROP TABLE IF EXISTS bench_insert');
    rmSync(dir, { recursive: true, force: true });
  }
}
