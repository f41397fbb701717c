import { execFileSync } from 'node:child_process';
import { withBenchDatabase } from './postgres.ts';
import { startServer } from './server.ts';
await withBenchDatabase('passerelle_rss', async (dbUrl) => {
  const server = await startServer({ DATABASE_URL: dbUrl, SEED_DEMO: '0', NODE_OPTIONS: '--require /tmp/mem.cjs' });
  await new Promise((r) => setTimeout(r, 3000));
  const pid = execFileSync('pgrep', ['-n', '-f', 'loader.mjs scripts/start.ts'], { encoding: 'utf8' }).trim();
  process.kill(Number(pid), 'SIGUSR2');
  await new Promise((r) => setTimeout(r, 1000));
  await server.stop();
});
