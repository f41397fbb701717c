// Benchmark of the barometer's microdata import through the real service (readMicrodata + validation +
// importMicrodata storing the compressed columns to PostgreSQL 15 in one transaction), on a 1,000,000-row
// synthetic CSV (weight, stratum, PSU and every codebook variable), streamed from a file as an upload is.
// Prints rows/s and the peak memory of this process; then (BENCH_BAROMETER_DRAFT=0 to skip) the time to
// compute the edition's draft from the stored microdata (load, decode, every indicator × every one-way
// breakdown, disclosure control, store the estimates).
// Asserts nothing about time (it does check that every row was stored).
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '@passerelle/db';
import { migrateDeploy } from '@passerelle/db/migrate';
import { computeDraft, createEdition, importMicrodata } from '@passerelle/plugin-barometer/services/editions';
import type { Mapping } from '@passerelle/plugin-barometer/services/microdata';
import { syntheticRespondents } from '@passerelle/plugin-barometer/services/synthetic';
import { VARIABLES } from '@passerelle/plugin-barometer/services/variables';
import { withBenchDatabase } from './postgres.ts';

const ROWS = Number(process.env.BENCH_BAROMETER_IMPORT_ROWS ?? 1_000_000);
const DRAFT = process.env.BENCH_BAROMETER_DRAFT !== '0';
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

// ---------- the file ----------
const dir = mkdtempSync(join(tmpdir(), 'barometer-import-bench-'));
const file = join(dir, 'microdata.csv');
try {
  let t0 = performance.now();
  const cols = ['weight', 'stratum', 'psu', ...VARIABLES.map((v) => v.id)];
  const out = createWriteStream(file);
  out.write(cols.join(',') + '\n');
  let written = 0;
  for (const r of syntheticRespondents({ year: 2025, respondents: ROWS, clusters: 200 })) {
    if (written >= ROWS) break;
    if (!out.write(cols.map((c) => r[c] ?? '').join(',') + '\n')) await once(out, 'drain');
    written++;
  }
  out.end();
  await once(out, 'finish');
  const size = statSync(file).size;
  console.log(`file: ${written.toLocaleString('en')} respondents × ${cols.length} columns, ${mib(size)}, written in ${s(performance.now() - t0)}`);

  await withBenchDatabase('passerelle_bench_barometer_import', async (dbUrl) => {
    await migrateDeploy({ databaseUrl: dbUrl, log: false });
    const { db, close } = await createDb({ databaseUrl: dbUrl });
    try {
      const user = await db.user.create({ data: { email: 'bench-staff@example.org', passwordHash: 'not-a-real-hash', displayName: 'Bench staff', emailVerifiedAt: new Date(), roles: { create: [{ role: 'staff' }] } } });
      const actor = { id: user.id, email: user.email, displayName: user.displayName, locale: user.locale, roles: ['citizen' as const, 'staff' as const], memberships: [] };
      const edition = await createEdition({ db, actor, year: 2025, synthetic: true });
      const mapping: Mapping = { weight: 'weight', stratum: 'stratum', psu: 'psu', variables: Object.fromEntries(VARIABLES.map((v) => [v.id, v.id])) };

      // Peak memory: the process's resident set sampled every 20 ms during the import, and the kernel's high-water mark.
      global.gc?.();
      const base = process.memoryUsage();
      let peakRss = base.rss;
      let peakHeap = base.heapUsed + base.arrayBuffers;
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
      }, 20);
      let lastProgress = { rows: 0, ms: 0 };
      t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const result = await importMicrodata({
        db,
        actor,
        editionId: edition.id,
        upload: createReadStream(file, { highWaterMark: 1024 * 1024 }),
        mapping,
        size,
        fileName: 'microdata.csv',
        // Called every 50,000 rows read and checked.
        onProgress: (rows) => (lastProgress = { rows, ms: performance.now() - t0 })
      });
      const totalMs = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      clearInterval(sampler);
      const stored = await db.barometerMicrodata.findUnique({ where: { editionId: edition.id }, select: { respondents: true } });
      const chunks = await db.$queryRawUnsafe<{ bytes: number }[]>('SELECT COALESCE(SUM(length("data")), 0)::float8 AS bytes FROM "barometer_microdata_chunk" WHERE "editionId" = $1', edition.id);
      if (!result.stored || stored?.respondents !== written) throw new Error(`import did not store every row: ${JSON.stringify(result.report).slice(0, 500)}`);
      console.log(
        `import (readMicrodata + validation + importMicrodata to PostgreSQL 15): ${written.toLocaleString('en')} rows in ${s(totalMs)} = ${Math.round(written / (totalMs / 1000)).toLocaleString('en')} rows/s` +
          (lastProgress.rows ? ` (reading and checking ≈ ${s((lastProgress.ms * written) / lastProgress.rows)}, then compressing and storing)` : '') +
          `; stored ${mib(chunks[0]!.bytes)} compressed; ${result.report.issueCount} issues`
      );
      console.log(
        `CPU time of this process during the import: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s = ${Math.round(written / ((cpu.user + cpu.system) / 1e6)).toLocaleString('en')} rows per CPU-second (the figure to read on a busy machine; PostgreSQL's own work is not in it)`
      );
      console.log(`memory during the import: peak RSS ${mib(peakRss)} (${mib(base.rss)} before, +${mib(peakRss - base.rss)}), peak JS heap + buffers ${mib(peakHeap)}; process high-water mark ${mib(process.resourceUsage().maxRSS * 1024)}`);

      if (DRAFT) {
        t0 = performance.now();
        const draft = await computeDraft({ db, actor, editionId: edition.id });
        console.log(`draft from the stored microdata (load, decode, ${draft.estimates} estimates: every indicator × overall and every one-way breakdown, disclosure control, stored): ${s(performance.now() - t0)}`);
      }
    } finally {
      await close();
    }
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
