// Command line: the barometer's own estimation code, run on a CSV file of microdata. Researchers use it
// to reproduce published figures. Usage (from the repository root):
//   pnpm barometer:estimate data.csv [--out estimates.csv] [--weight w] [--stratum s] [--psu p]
//        [--map variable=column ...] [--by overall,commune,age_band,commune×gender]
// Columns named like the codebook's variables (docs/barometer.md) are mapped without --map.
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { DEFAULT_INDICATORS } from '../services/indicators.ts';
import { estimateAll, readHeader, readMicrodata, type Mapping } from '../services/microdata.ts';
import { BREAKDOWNS } from '../services/variables.ts';
import { DEFAULT_THRESHOLDS, primaryStatus } from '../services/disclosure.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    weight: { type: 'string' },
    stratum: { type: 'string' },
    psu: { type: 'string' },
    map: { type: 'string', multiple: true },
    by: { type: 'string' },
    help: { type: 'boolean', short: 'h' }
  }
});
const file = positionals[0];
if (!file || values.help) {
  console.error('usage: pnpm barometer:estimate data.csv [--out estimates.csv] [--weight w] [--stratum s] [--psu p] [--map variable=column ...] [--by overall,commune,...]');
  process.exit(file ? 0 : 2);
}

const header = await readHeader(createReadStream(file));
if (!header.delimiter) {
  console.error(`${file}: the first line must list the columns, separated by "," or ";"`);
  process.exit(1);
}
const mapping: Mapping = { weight: values.weight ?? header.suggested?.weight ?? '', stratum: values.stratum ?? header.suggested?.stratum ?? null, psu: values.psu ?? header.suggested?.psu ?? null, variables: { ...(header.suggested?.variables ?? {}) } };
for (const m of values.map ?? []) {
  const [variable, column] = m.split('=');
  if (!variable || !column) {
    console.error(`--map ${m}: write variable=column`);
    process.exit(2);
  }
  mapping.variables[variable] = column;
}
if (!mapping.weight) {
  console.error('no weight column: name it "weight" or give --weight <column>');
  process.exit(2);
}

const started = performance.now();
const { report, data } = await readMicrodata({ upload: createReadStream(file), mapping, size: statSync(file).size, onProgress: (n) => process.stderr.write(`\r${n.toLocaleString('en')} rows read`) });
process.stderr.write('\n');
if (!data) {
  console.error(`${report.issueCount} problem(s) found; nothing estimated:`);
  for (const i of report.issues.slice(0, 50)) console.error(`  line ${i.row}${i.column ? `, column ${i.column}` : ''}${i.value !== undefined ? ` ("${i.value}")` : ''}: ${i.messageKey.replace('barometer_error_', '').replaceAll('_', ' ')}`);
  process.exit(1);
}
const breakdowns = values.by ? values.by.split(',').map((b) => b.trim()) : ['overall', ...BREAKDOWNS.filter((b) => data.variables[b])];
const estimates = estimateAll(data, DEFAULT_INDICATORS, breakdowns);
const rows = estimates.map((e) => [e.indicator, e.breakdown, e.level, e.n, e.proportion, e.seProportion, e.ciLow, e.ciHigh, e.total, e.seTotal, primaryStatus(e.n, DEFAULT_THRESHOLDS)]);
const csv = stringify([['indicator', 'breakdown', 'level', 'n', 'proportion', 'se', 'ci_low', 'ci_high', 'total', 'se_total', 'status'], ...rows.map((r) => r.map((x) => (x === null ? '' : typeof x === 'number' ? String(x) : x)))]);
if (values.out) createWriteStream(values.out).end(csv);
else process.stdout.write(csv);
console.error(`${data.n.toLocaleString('en')} respondents, ${estimates.length} estimates in ${((performance.now() - started) / 1000).toFixed(1)} s`);
