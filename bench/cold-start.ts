// Cold start: from starting the server on an EXISTING embedded database to the first 200 from /healthz.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.ts';

const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-cold-'));
const pgliteDir = join(dir, 'pglite');
const first = await startServer({ PGLITE_DIR: pgliteDir, DATABASE_URL: '' });
console.log(`first start (creates and migrates the embedded database): ${Math.round(first.readyMs)} ms`);
await first.stop();

const runs: number[] = [];
for (let i = 0; i < 3; i++) {
  const s = await startServer({ PGLITE_DIR: pgliteDir, DATABASE_URL: '' });
  runs.push(s.readyMs);
  await s.stop();
}
runs.sort((a, b) => a - b);
console.log(`cold start on an existing embedded database (3 runs): ${runs.map((r) => `${Math.round(r)} ms`).join(', ')}; median ${Math.round(runs[1]!)} ms`);
rmSync(dir, { recursive: true, force: true });
