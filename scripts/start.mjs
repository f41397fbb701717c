#!/usr/bin/env node
// `npm start` (or `pnpm start`) on a fresh machine with Node 20 and npm: installs pnpm and the packages,
// generates code, builds the app, creates and migrates the embedded database with demo data, starts a
// local mail catcher, and serves Passerelle at http://localhost:3000. Uses only Node's own modules, so
// it runs before anything is installed. Set SKIP_BUILD=1 to reuse an existing build.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = pkg.packageManager.split('@')[1];
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' };

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Passerelle needs Node.js 20.19 or newer (this is ${process.versions.node}).`);
  process.exit(1);
}

function run(cmd, args, extraEnv = {}) {
  console.log(`\n> ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function pnpmWorks() {
  const r = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === pnpmVersion;
}

if (!pnpmWorks()) run('npm', ['install', '--global', '--no-fund', '--no-audit', `pnpm@${pnpmVersion}`]);
run('pnpm', ['install', '--frozen-lockfile']);
if (!process.env.SKIP_BUILD || !existsSync(join(root, 'apps/web/build/index.js'))) run('pnpm', ['build']);
run('pnpm', ['--filter', '@passerelle/web', 'start'], { SEED_DEMO: process.env.SEED_DEMO ?? '1' });
