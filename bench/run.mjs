#!/usr/bin/env node
// `pnpm bench`: builds the app, then runs each benchmark and prints its figures. Benchmarks measure;
// they never fail on a time. Run one with `pnpm bench js-weight` (or ssr-latency, cold-start, ideas, epn-survey, mobile-suggest, mobile-feeds, barometer, barometer-import, barometer-page).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const all = ['js-weight', 'ssr-latency', 'cold-start', 'ideas', 'epn-survey', 'mobile-suggest', 'mobile-feeds', 'barometer', 'barometer-import', 'barometer-page'];
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : all;
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' };

if (!process.env.SKIP_BUILD) {
  const b = spawnSync('pnpm', ['build'], { cwd: root, stdio: 'inherit', env });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
for (const name of chosen) {
  console.log(`\n### ${name}`);
  const r = spawnSync('pnpm', ['exec', 'tsx', `${name}.ts`], { cwd: import.meta.dirname, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
