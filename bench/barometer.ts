// Benchmark of the barometer's estimation: every default indicator × the overall figure and every
// one-way breakdown (commune, age band, gender, education, income band) on 1,000,000 synthetic
// respondents with strata (communes) and clusters (200 sectors per commune). When R and its survey
// package are installed (Debian: r-base-core r-cran-survey), R computes the same estimates on the same
// data in the same run, its time is printed beside ours, and the numbers are compared.
// R at 1M takes many minutes; to compare on part of the work only, set BENCH_BAROMETER_R_INDICATORS
// (ids, comma-separated) and/or BENCH_BAROMETER_R_BREAKDOWNS (overall, commune, age_band, ...): our time
// on the same part is then measured too, and the output says what was compared. BENCH_BAROMETER_R=0 skips R.
// Prints figures; asserts nothing about time (it does fail if the numbers differ from R's).
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { estimateBreakdown, prepareDesign, type Breakdown, type Estimate } from '@passerelle/plugin-barometer/services/estimate';
import { compileIndicators, DEFAULT_INDICATORS } from '@passerelle/plugin-barometer/services/indicators';
import { syntheticRespondents } from '@passerelle/plugin-barometer/services/synthetic';
import { BREAKDOWNS, variableById, type CategoricalVariable } from '@passerelle/plugin-barometer/services/variables';

const ROWS = Number(process.env.BENCH_BAROMETER_ROWS ?? 1_000_000);
const list = (v: string | undefined) => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : null);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// ---------- data: columnar arrays ----------
let t0 = performance.now();
const n = ROWS;
const weight = new Float64Array(n);
const stratum = new Int32Array(n);
const psu = new Int32Array(n);
const psuCodes = new Map<string, number>();
const stratumCodes = new Map<string, number>();
const dims = ['overall', ...BREAKDOWNS];
const levels = dims.map((d) => (d === 'overall' ? ['all'] : [...(variableById.get(d) as CategoricalVariable).codes]));
const codes = dims.map(() => new Int32Array(n));
const values = DEFAULT_INDICATORS.map(() => new Float64Array(n));
const evaluate = compileIndicators(DEFAULT_INDICATORS);
const row = new Float64Array(DEFAULT_INDICATORS.length);
let k = 0;
// Respondents per commune scale with ROWS; 200 clusters per commune.
let evalMs = 0;
for (const r of syntheticRespondents({ year: 2025, respondents: ROWS, clusters: 200 })) {
  if (k >= n) break;
  weight[k] = Number(r.weight);
  const st = String(r.stratum);
  if (!stratumCodes.has(st)) stratumCodes.set(st, stratumCodes.size);
  stratum[k] = stratumCodes.get(st)!;
  const p = String(r.psu);
  if (!psuCodes.has(p)) psuCodes.set(p, psuCodes.size);
  psu[k] = psuCodes.get(p)!;
  dims.forEach((d, i) => (codes[i]![k] = d === 'overall' ? 0 : levels[i]!.indexOf(String(r[d]))));
  const e0 = performance.now();
  evaluate(r, row);
  evalMs += performance.now() - e0;
  for (let i = 0; i < row.length; i++) values[i]![k] = row[i]!;
  k++;
}
const used = k;
console.log(`synthetic data: ${used.toLocaleString('en')} respondents, ${stratumCodes.size} strata, ${psuCodes.size} PSUs, generated in ${s(performance.now() - t0)} (indicator rules evaluated in ${s(evalMs)} = ${Math.round(used / (evalMs / 1000)).toLocaleString('en')} respondents/s)`);

// ---------- ours ----------
const slice = <T extends Float64Array | Int32Array>(a: T) => a.subarray(0, used) as T;
t0 = performance.now();
let cpu0 = process.cpuUsage();
const design = prepareDesign({ n: used, weight: slice(weight), stratum: slice(stratum), psu: slice(psu) });
const ours: Estimate[] = [];
for (let i = 0; i < DEFAULT_INDICATORS.length; i++) {
  for (let d = 0; d < dims.length; d++) {
    const breakdown: Breakdown = { id: dims[d]!, levels: levels[d]!, codes: slice(codes[d]!) };
    ours.push(...estimateBreakdown(design, { id: DEFAULT_INDICATORS[i]!.id, values: slice(values[i]!) }, breakdown));
  }
}
const oursMs = performance.now() - t0;
const cpuSeconds = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;
const oursCpu = cpuSeconds(process.cpuUsage(cpu0));
console.log(`Passerelle: ${DEFAULT_INDICATORS.length} indicators × ${dims.length} breakdowns (${ours.length} estimates with SE, total, SE and CI) in ${s(oursMs)} (CPU ${oursCpu.toFixed(2)} s)`);

// ---------- R ----------
if (process.env.BENCH_BAROMETER_R === '0') {
  console.log('R survey: skipped (BENCH_BAROMETER_R=0)');
  process.exit(0);
}
const rIndicators = list(process.env.BENCH_BAROMETER_R_INDICATORS) ?? DEFAULT_INDICATORS.map((d) => d.id);
const rDims = list(process.env.BENCH_BAROMETER_R_BREAKDOWNS) ?? dims;
for (const id of rIndicators) if (!DEFAULT_INDICATORS.some((d) => d.id === id)) throw new Error(`unknown indicator ${id}`);
for (const d of rDims) if (!dims.includes(d)) throw new Error(`unknown breakdown ${d} (one of ${dims.join(', ')})`);
const subset = rIndicators.length < DEFAULT_INDICATORS.length || rDims.length < dims.length;
// Our time on exactly what R computes.
let oursComparedMs = oursMs;
let oursComparedCpu = oursCpu;
if (subset) {
  t0 = performance.now();
  cpu0 = process.cpuUsage();
  const again = prepareDesign({ n: used, weight: slice(weight), stratum: slice(stratum), psu: slice(psu) });
  for (const id of rIndicators) {
    const i = DEFAULT_INDICATORS.findIndex((d) => d.id === id);
    for (const dim of rDims) {
      const d = dims.indexOf(dim);
      estimateBreakdown(again, { id, values: slice(values[i]!) }, { id: dim, levels: levels[d]!, codes: slice(codes[d]!) });
    }
  }
  oursComparedMs = performance.now() - t0;
  oursComparedCpu = cpuSeconds(process.cpuUsage(cpu0));
}
const r = spawnSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(survey)); cat(as.character(packageVersion("survey")))'], { encoding: 'utf8' });
if (r.status !== 0) {
  console.log('R survey: not installed (apt-get install r-base-core r-cran-survey), no comparison');
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'barometer-bench-'));
try {
  const csv = createWriteStream(join(dir, 'data.csv'));
  const header = ['w', 'stratum', 'psu', ...BREAKDOWNS, ...DEFAULT_INDICATORS.map((d) => d.id)];
  csv.write(header.join(',') + '\n');
  for (let i = 0; i < used; i++) {
    const cells = [weight[i], stratum[i], psu[i], ...BREAKDOWNS.map((_, b) => levels[b + 1]![codes[b + 1]![i]!]), ...values.map((v) => (Number.isNaN(v[i]!) ? 'NA' : v[i]))];
    if (!csv.write(cells.join(',') + '\n')) await once(csv, 'drain');
  }
  csv.end();
  await once(csv, 'finish');
  const script = `
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "fail")
d <- read.csv("${dir}/data.csv", colClasses = c(stratum = "character", psu = "character", commune = "character"))
t0 <- proc.time()
des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~w, nest = TRUE, data = d)
out <- NULL
for (y in c(${rIndicators.map((id) => `"${id}"`).join(', ')})) {
  f <- as.formula(paste0("~", y))
  if (${rDims.includes('overall') ? 'TRUE' : 'FALSE'}) {
    m <- svymean(f, des, na.rm = TRUE)
    out <- rbind(out, data.frame(indicator = y, breakdown = "overall", level = "all", mean = coef(m)[[1]], se = SE(m)[[1]]))
  }
  for (b in c(${rDims.filter((d) => d !== 'overall').map((b) => `"${b}"`).join(', ')})) {
    m <- svyby(f, as.formula(paste0("~", b)), des, svymean, na.rm = TRUE)
    out <- rbind(out, data.frame(indicator = y, breakdown = b, level = as.character(m[[b]]), mean = coef(m), se = SE(m)))
  }
}
t1 <- proc.time() - t0
cat(sprintf("%.3f %.3f\\n", t1[["elapsed"]], t1[["user.self"]] + t1[["sys.self"]]), file = "${dir}/time.txt")
out$mean <- sprintf("%.17g", out$mean); out$se <- sprintf("%.17g", out$se)
write.csv(out, "${dir}/r.csv", row.names = FALSE)
`;
  writeFileSync(join(dir, 'bench.R'), script);
  const run = spawnSync('Rscript', [join(dir, 'bench.R')], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) throw new Error('R failed');
  const [rSeconds, rCpu] = readFileSync(join(dir, 'time.txt'), 'utf8').trim().split(' ').map(Number) as [number, number];
  const lines = readFileSync(join(dir, 'r.csv'), 'utf8').trim().split('\n').slice(1);
  let worst = 0;
  for (const line of lines) {
    const [indicator, breakdown, level, mean, se] = line.split(',').map((x) => x.replace(/^"|"$/g, ''));
    const mine = ours.find((e) => e.indicator === indicator && e.breakdown === breakdown && e.level === level);
    if (!mine || mine.proportion === null) throw new Error(`no estimate for ${indicator} ${breakdown} ${level}`);
    for (const [a, b] of [[mine.proportion, Number(mean)], [mine.seProportion!, Number(se)]] as const) if (b !== 0) worst = Math.max(worst, Math.abs(a - b) / Math.abs(b));
  }
  const what = subset ? `a part: ${rIndicators.length} of ${DEFAULT_INDICATORS.length} indicators (${rIndicators.join(', ')}) × ${rDims.length} of ${dims.length} breakdowns (${rDims.join(', ')})` : `everything: ${rIndicators.length} indicators × ${rDims.length} breakdowns (${rDims.join(', ')})`;
  console.log(`compared with R on ${what}, ${used.toLocaleString('en')} respondents`);
  console.log(`R survey ${r.stdout.trim()}: ${lines.length} estimates (proportion and SE) in ${rSeconds.toFixed(2)} s (CPU ${rCpu.toFixed(2)} s) (svydesign + svymean/svyby, reading the CSV not counted)`);
  console.log(`Passerelle on the same: ${s(oursComparedMs)} (CPU ${oursComparedCpu.toFixed(2)} s)`);
  console.log(`speed-up: ${(rSeconds / (oursComparedMs / 1000)).toFixed(1)}× faster than R in elapsed time, ${(rCpu / oursComparedCpu).toFixed(1)}× in CPU time (the fairer figure on a busy machine); largest relative difference from R over ${lines.length} estimates (estimate and SE): ${worst.toExponential(2)}`);
  if (worst > 1e-9) throw new Error('estimates differ from R');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
