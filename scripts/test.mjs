#!/usr/bin/env node
// The one test command (`pnpm test`): generates code, runs every Vitest project (unit and integration,
// against PGlite AND PostgreSQL), then the Playwright end-to-end suite in Debian's Chromium, and prints
// the totals of all suites on the last line: "N passed, N failed[, N skipped]".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const reports = join(root, 'test-results');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  CHECKPOINT_DISABLE: '1',
  TEST_DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://passerelle:passerelle@127.0.0.1:5432/passerelle_test'
};

function run(cmd, args, opts = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, ...opts });
  return r.status ?? 1;
}

const only = process.argv[2]; // optional: "unit" or "e2e"
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedSteps = 0;

if (run('pnpm', ['generate']) !== 0) {
  console.error('code generation failed');
  process.exit(1);
}

if (!only || only === 'unit') {
  const out = join(reports, 'vitest.json');
  const code = run('pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    // A test file that fails to load has no failed test in it: count it as one failure.
    const brokenFiles = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
    totals.failed += brokenFiles;
    if (code !== 0 && r.numFailedTests + brokenFiles === 0) failedSteps++;
  } else if (code !== 0) failedSteps++;
}

if (!only || only === 'e2e') {
  // The end-to-end tests run against the production build.
  if (run('pnpm', ['build']) !== 0) {
    console.error('build failed');
    process.exit(1);
  }
  const out = join(reports, 'playwright.json');
  const code = run('pnpm', ['--filter', '@passerelle/web', 'e2e'], { env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out } });
  if (existsSync(out)) {
    const s = JSON.parse(readFileSync(out, 'utf8')).stats;
    totals.passed += s.expected + s.flaky;
    totals.failed += s.unexpected;
    totals.skipped += s.skipped;
    if (code !== 0 && s.unexpected === 0) failedSteps++;
  } else if (code !== 0) failedSteps++;
}

if (failedSteps > 0) totals.failed += failedSteps;
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
