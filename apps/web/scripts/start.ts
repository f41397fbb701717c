// Starts the built server (adapter-node) the way production does: pending migrations are applied
// BEFORE the server opens the database (PGlite is single-process), then optional demo data, then the
// HTTP server. Without SMTP_URL outside production, a local mail catcher receives the app's emails and
// /dev/mail shows them, so a newcomer can verify an account without a mail server.
//
// This launcher runs under tsx (it imports the workspace's TypeScript); the server itself runs as a
// plain `node build/index.js` child, without the TypeScript loader and without what migrating and
// seeding left in memory: ~185 MiB resident instead of ~280 MiB (measured on PostgreSQL, after 100
// pages). The database is closed here before the server opens it. Signals are passed on, and the
// server stops if this launcher dies (its IPC channel closes; see hooks.server.ts).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { migrateDeploy } from '@passerelle/db/migrate';

const appDir = join(import.meta.dirname, '..');
const build = join(appDir, 'build/index.js');
if (!existsSync(build)) {
  console.error('No build found: run `pnpm build` first (or `npm start` from the repository root).');
  process.exit(1);
}

process.env.PORT ??= '3000';
// Form posts may carry a picture (ideas: 5 MB at most, checked by the plugin); the tRPC endpoint keeps
// its own 256 kB limit. The app's hooks apply BODY_SIZE_LIMIT to every request but the uploads plugins
// stream within their own limit (barometer microdata, BAROMETER_MAX_UPLOAD_MB): adapter-node, which
// would cut every body at one size, gets no limit of its own (src/lib/server/body-limit.ts).
process.env.PASSERELLE_BODY_SIZE_LIMIT = process.env.BODY_SIZE_LIMIT || '6M';
process.env.BODY_SIZE_LIMIT = 'Infinity';
if (!process.env.DATABASE_URL) delete process.env.DATABASE_URL; // an empty value means "embedded"

const t0 = performance.now();
await migrateDeploy();
console.log(`migrations applied in ${Math.round(performance.now() - t0)} ms`);

if (process.env.SEED_DEMO === '1') {
  const { seedDemo } = await import('@passerelle/db/seed');
  const { getDb, closeDb } = await import('@passerelle/db');
  await seedDemo(getDb());
  const { PLUGIN_DEMO_SEEDS } = await import('../src/lib/server/demo-seeds.ts');
  for (const seed of PLUGIN_DEMO_SEEDS) await seed(getDb());
  await closeDb(); // PGlite is single-process: the server opens it next
}

if (!process.env.SMTP_URL && process.env.NODE_ENV !== 'production') {
  const { startMailCatcher } = await import('@passerelle/auth/mail-testing');
  const catcher = await startMailCatcher({ port: Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025), httpPort: Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 1080) });
  process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.port}`;
  process.env.MAIL_CATCHER_URL = `http://127.0.0.1:${catcher.httpPort}`;
  console.log(`Mail catcher: emails sent by the app are listed at http://localhost:${process.env.PORT}/dev/mail`);
}

const server = spawn(process.execPath, [...(process.env.NODE_SERVER_FLAGS?.split(' ').filter(Boolean) ?? []), build], { cwd: appDir, env: process.env, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    server.kill(signal);
    // adapter-node waits up to SHUTDOWN_TIMEOUT (30 s) for open connections, then the server closes the
    // job queue and the database; past that, it is stopped.
    setTimeout(() => server.kill('SIGKILL'), (Number(process.env.SHUTDOWN_TIMEOUT ?? 30) + 15) * 1000).unref();
  });
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
const health = `http://127.0.0.1:${process.env.PORT}/healthz`;
for (let waited = 0; waited < 180_000; waited += 200) {
  if (await fetch(health).then((r) => r.ok, () => false)) {
    console.log(`Passerelle is running at ${process.env.ORIGIN ?? `http://localhost:${process.env.PORT}`}`);
    break;
  }
  await new Promise((r) => setTimeout(r, 200));
}
