import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, expect, it } from 'vitest';
import { DEFAULT_INDICATORS } from '../services/indicators.ts';
import { estimateAll, readMicrodata } from '../services/microdata.ts';
import { syntheticRespondents } from '../services/synthetic.ts';
import { VARIABLES } from '../services/variables.ts';

const dir = mkdtempSync(join(tmpdir(), 'barometer-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('the command line writes the same estimates as the server code, from a CSV with other column names', async () => {
  const cols = ['poids', 'strate', 'secteur', ...VARIABLES.map((v) => v.id)];
  const lines = [cols.join(';')];
  for (const r of syntheticRespondents({ year: 2021, respondents: 1200, seed: 3 })) lines.push([r.weight, r.stratum, r.psu, ...VARIABLES.map((v) => r[v.id])].map((x) => (x === null ? '' : String(x).replace('.', ','))).join(';'));
  const file = join(dir, 'data.csv');
  writeFileSync(file, lines.join('\n'));
  const out = join(dir, 'estimates.csv');
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'estimate.ts'), file, '--out', out, '--stratum', 'strate', '--psu', 'secteur', '--by', 'overall,commune'], { stdio: 'pipe', cwd: join(import.meta.dirname, '../..') });
  const written = parse(readFileSync(out), { columns: true }) as Record<string, string>[];
  const { data } = await readMicrodata({ upload: readFileSync(file), mapping: { weight: 'poids', stratum: 'strate', psu: 'secteur', variables: Object.fromEntries(VARIABLES.map((v) => [v.id, v.id])) } });
  const expected = estimateAll(data!, DEFAULT_INDICATORS, ['overall', 'commune']);
  expect(written).toHaveLength(expected.length);
  for (const [i, e] of expected.entries()) {
    const w = written[i]!;
    expect([w.indicator, w.breakdown, w.level, Number(w.n)]).toEqual([e.indicator, e.breakdown, e.level, e.n]);
    expect(Number(w.proportion)).toBe(e.proportion);
    expect(Number(w.se)).toBe(e.seProportion);
  }
});
