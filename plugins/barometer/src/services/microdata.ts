import { gunzipSync, gzipSync } from 'node:zlib';
import { checkedChunks, csvProblem, detectDelimiter, openCsv, progressEvery, splitHeader, type CsvProblem, type Upload } from '@passerelle/plugin-sdk/upload';
import { estimateBreakdown, prepareDesign, type Breakdown, type Estimate, type PreparedDesign } from './estimate.ts';
import { compileIndicators, type Indicator } from './indicators.ts';
import { VARIABLES, variableById, type Respondent, type Variable } from './variables.ts';

// Microdata of an edition: read from CSV (',' or ';', UTF-8, streamed), checked row by row against the
// codebook, and kept in columns (typed arrays): the weight, the design (stratum and PSU codes) and one
// byte per variable and respondent. Nothing is stored unless the whole file is valid.

/** Largest microdata file in MB (setting BAROMETER_MAX_UPLOAD_MB, 512 by default): its upload stops there, and so do the checks. */
export function maxUploadBytes(setting: string | undefined, defaultMb = 512): number {
  const mb = Number(setting);
  return Math.floor((setting && Number.isFinite(mb) && mb > 0 ? mb : defaultMb) * 1024 * 1024);
}
export const MICRODATA_MAX_BYTES = maxUploadBytes(process.env.BAROMETER_MAX_UPLOAD_MB);
export const MICRODATA_MAX_ROWS = 5_000_000;
export const REPORT_MAX_ISSUES = 200;
const MISSING = 255;

export interface Mapping {
  weight: string;
  stratum?: string | null;
  psu?: string | null;
  /** Codebook variable id -> file column. */
  variables: Partial<Record<string, string>>;
}

export interface Microdata {
  n: number;
  weight: Float64Array;
  stratum: Int32Array;
  strata: string[];
  psu: Int32Array;
  psus: string[];
  /** Codebook variable id -> one code per respondent (index into the codes, or the number); 255 = missing. */
  variables: Record<string, Uint8Array>;
}

export interface ImportIssue {
  /** Line of the file (1 = header); 0 for the whole file. */
  row: number;
  column: string;
  value?: string;
  messageKey: string;
}

export interface ImportReport {
  rows: number;
  /** Every problem counted by kind; the first REPORT_MAX_ISSUES listed. */
  issueCount: number;
  counts: Record<string, number>;
  issues: ImportIssue[];
}

/** The file's columns and delimiter, and a mapping guessed from the column names (same name as the variable). */
export async function readHeader(upload: Upload): Promise<{ columns: string[]; delimiter: ',' | ';' | null; suggested: Mapping | null }> {
  const chunks = checkedChunks(upload, MICRODATA_MAX_BYTES)[Symbol.asyncIterator]();
  const { headerLine } = await splitHeader(chunks);
  await chunks.return?.(undefined);
  const delimiter = detectDelimiter(headerLine);
  if (!delimiter) return { columns: [], delimiter, suggested: null };
  const columns = headerLine.split(delimiter).map((c) => c.trim().replace(/^"|"$/g, ''));
  const lower = new Map(columns.map((c) => [c.toLowerCase(), c]));
  const find = (...names: string[]) => names.map((n) => lower.get(n)).find((c) => c !== undefined) ?? null;
  const weight = find('weight', 'w', 'poids', 'gewicht');
  const variables: Record<string, string> = {};
  for (const v of VARIABLES) {
    const c = find(v.id);
    if (c) variables[v.id] = c;
  }
  return { columns, delimiter, suggested: weight ? { weight, stratum: find('stratum', 'strate', 'strata'), psu: find('psu', 'cluster'), variables } : null };
}

function codeOf(variable: Variable, raw: string, decimalComma: boolean): number | 'bad' {
  if (variable.kind === 'category') {
    const i = variable.codes.indexOf(raw) !== -1 ? variable.codes.indexOf(raw) : variable.codes.findIndex((c) => c.toLowerCase() === raw.toLowerCase());
    return i === -1 ? 'bad' : i;
  }
  const x = Number(decimalComma ? raw.replace(',', '.') : raw);
  if (!Number.isFinite(x) || x < variable.min || x > variable.max || (variable.integer && !Number.isInteger(x)) || x >= MISSING) return 'bad';
  return x;
}

class Columns {
  n = 0;
  capacity = 1024;
  weight = new Float64Array(this.capacity);
  stratum = new Int32Array(this.capacity);
  psu = new Int32Array(this.capacity);
  variables: Record<string, Uint8Array>;
  constructor(readonly ids: string[]) {
    this.variables = Object.fromEntries(ids.map((id) => [id, new Uint8Array(this.capacity)]));
  }
  grow() {
    this.capacity *= 2;
    const more = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.capacity);
      b.set(a);
      return b;
    };
    this.weight = more(this.weight);
    this.stratum = more(this.stratum);
    this.psu = more(this.psu);
    for (const id of this.ids) this.variables[id] = more(this.variables[id]!);
  }
}

/** How the barometer says what is wrong with a CSV file as a whole. */
export const CSV_PROBLEM_KEYS: Record<CsvProblem, string> = {
  empty: 'barometer_error_import_empty',
  delimiter: 'barometer_error_csv_delimiter',
  too_big: 'barometer_error_file_too_big',
  not_utf8: 'barometer_error_not_utf8',
  malformed: 'barometer_error_csv_malformed'
};

/**
 * Reads and checks the whole file with a confirmed mapping. Returns the report and, only when there is no
 * problem at all, the microdata.
 */
export async function readMicrodata({ upload, mapping, size, maxBytes = MICRODATA_MAX_BYTES, maxRows = MICRODATA_MAX_ROWS, onProgress }: { upload: Upload; mapping: Mapping; /** The file's size when known: a file over the limit is refused before reading it. */ size?: number; maxBytes?: number; maxRows?: number; onProgress?: (rows: number) => void }): Promise<{ report: ImportReport; data: Microdata | null }> {
  const report: ImportReport = { rows: 0, issueCount: 0, counts: {}, issues: [] };
  const add = (issue: ImportIssue) => {
    report.issueCount++;
    report.counts[issue.messageKey] = (report.counts[issue.messageKey] ?? 0) + 1;
    if (report.issues.length < REPORT_MAX_ISSUES) report.issues.push(issue);
  };
  const fail = (messageKey: string, row = 0) => {
    add({ row, column: '', messageKey });
    return { report, data: null };
  };
  if (size !== undefined && size > maxBytes) return fail('barometer_error_file_too_big');
  const mapped = Object.entries(mapping.variables).filter((e): e is [string, string] => !!e[1]);
  for (const [id] of mapped) if (!variableById.has(id)) return fail('barometer_error_unknown_variable');
  const ids = mapped.map(([id]) => id);
  const cols = new Columns(ids);
  const strata = new Map<string, number>();
  const psus = new Map<string, number>();
  const progress = progressEvery(onProgress ? (n) => onProgress(n) : undefined, 50_000);
  let line = 0;
  try {
    const { delimiter, records: parser } = await openCsv(upload, maxBytes);
    const decimalComma = delimiter === ';';
    let index: { weight: number; stratum: number; psu: number; vars: { id: string; at: number; variable: Variable }[] } | null = null;
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      if (index === null) {
        const header = record.map((c) => c.trim());
        const at = (c: string | null | undefined) => (c ? header.indexOf(c) : -1);
        const missing = [mapping.weight, mapping.stratum, mapping.psu, ...mapped.map(([, c]) => c)].filter((c): c is string => !!c && at(c) === -1);
        if (missing.length) {
          for (const c of missing) add({ row: 1, column: c, messageKey: 'barometer_error_missing_column' });
          return { report, data: null };
        }
        index = { weight: at(mapping.weight), stratum: at(mapping.stratum), psu: at(mapping.psu), vars: mapped.map(([id, c]) => ({ id, at: at(c), variable: variableById.get(id)! })) };
        continue;
      }
      const k = cols.n;
      if (k >= maxRows) return fail('barometer_error_too_many_rows');
      if (k === cols.capacity) cols.grow();
      const cell = (i: number) => (i < 0 ? '' : (record[i] ?? '').trim());
      let ok = true;
      const w = cell(index.weight);
      const weight = Number(decimalComma ? w.replace(',', '.') : w);
      if (w === '') (ok = false), add({ row: line, column: mapping.weight, messageKey: 'barometer_error_weight_missing' });
      else if (!Number.isFinite(weight)) (ok = false), add({ row: line, column: mapping.weight, value: w.slice(0, 40), messageKey: 'barometer_error_weight_number' });
      else if (weight <= 0) (ok = false), add({ row: line, column: mapping.weight, value: w.slice(0, 40), messageKey: 'barometer_error_weight_negative' });
      const s = index.stratum < 0 ? '' : cell(index.stratum);
      const p = index.psu < 0 ? String(k) : cell(index.psu);
      if (index.stratum >= 0 && s === '') (ok = false), add({ row: line, column: mapping.stratum!, messageKey: 'barometer_error_design_missing' });
      if (index.psu >= 0 && p === '') (ok = false), add({ row: line, column: mapping.psu!, messageKey: 'barometer_error_design_missing' });
      for (const v of index.vars) {
        const raw = cell(v.at);
        if (raw === '' || raw.toUpperCase() === 'NA') {
          cols.variables[v.id]![k] = MISSING;
          continue;
        }
        const code = codeOf(v.variable, raw, decimalComma);
        if (code === 'bad') {
          ok = false;
          add({ row: line, column: mapping.variables[v.id]!, value: raw.slice(0, 40), messageKey: v.id === 'commune' ? 'barometer_error_unknown_commune' : 'barometer_error_code' });
        } else cols.variables[v.id]![k] = code;
      }
      if (!ok) continue;
      cols.weight[k] = weight;
      if (!strata.has(s)) strata.set(s, strata.size);
      cols.stratum[k] = strata.get(s)!;
      // nest = TRUE: a PSU is named within its stratum.
      const psuKey = `${s}\u0000${p}`;
      if (!psus.has(psuKey)) psus.set(psuKey, psus.size);
      cols.psu[k] = psus.get(psuKey)!;
      cols.n++;
      progress(cols.n);
    }
    if (index === null) return fail('barometer_error_import_empty');
  } catch (e) {
    const problem = csvProblem(e);
    if (problem) return fail(CSV_PROBLEM_KEYS[problem.problem], problem.row);
    throw e;
  }
  report.rows = line - 1;
  if (report.issueCount > 0) return { report, data: null };
  if (cols.n === 0) return fail('barometer_error_import_empty');
  // A stratum with one PSU has no variance estimate (R: survey.lonely.psu = "fail").
  const psuCount = new Int32Array(strata.size);
  const seen = new Uint8Array(psus.size);
  for (let k = 0; k < cols.n; k++) if (!seen[cols.psu[k]!]) (seen[cols.psu[k]!] = 1), psuCount[cols.stratum[k]!]!++;
  const strataLabels = [...strata.keys()];
  psuCount.forEach((c, h) => {
    if (c === 1) add({ row: 0, column: mapping.stratum ?? '', value: strataLabels[h], messageKey: 'barometer_error_lonely_psu' });
  });
  if (report.issueCount > 0) return { report, data: null };
  const n = cols.n;
  return {
    report,
    data: {
      n,
      weight: cols.weight.slice(0, n),
      stratum: cols.stratum.slice(0, n),
      strata: strataLabels,
      psu: cols.psu.slice(0, n),
      psus: [...psus.keys()].map((key) => key.split('\u0000')[1]!),
      variables: Object.fromEntries(ids.map((id) => [id, cols.variables[id]!.slice(0, n)]))
    }
  };
}

/** One respondent as the indicator rules see it (codes as text, numbers as numbers, null when missing). */
function respondentReader(data: Microdata) {
  const entries = Object.entries(data.variables).map(([id, column]) => ({ id, column, variable: variableById.get(id)! }));
  const respondent: Respondent = {};
  for (const v of VARIABLES) respondent[v.id] = null;
  return (k: number): Respondent => {
    for (const e of entries) {
      const code = e.column[k]!;
      respondent[e.id] = code === MISSING ? null : e.variable.kind === 'category' ? e.variable.codes[code]! : code;
    }
    return respondent;
  };
}

/** Each indicator's value per respondent: 1, 0 or NaN (outside its population). */
export function indicatorColumns(data: Microdata, indicators: readonly Indicator[]): Float64Array[] {
  const evaluate = compileIndicators(indicators);
  const columns = indicators.map(() => new Float64Array(data.n));
  const row = new Float64Array(indicators.length);
  const read = respondentReader(data);
  for (let k = 0; k < data.n; k++) {
    evaluate(read(k), row);
    for (let i = 0; i < row.length; i++) columns[i]![k] = row[i]!;
  }
  return columns;
}

/** A breakdown: "overall", one variable ("commune"), or a crossing of two ("commune×gender"). */
export function breakdownOf(data: Microdata, id: string): Breakdown | null {
  if (id === 'overall') return { id, levels: ['all'], codes: new Int32Array(data.n) };
  const parts = id.split('×');
  const vars = parts.map((p) => variableById.get(p));
  if (vars.some((v) => !v || v.kind !== 'category') || parts.some((p) => !data.variables[p])) return null;
  const [a, b] = vars as { codes: readonly string[] }[];
  const ca = data.variables[parts[0]!]!;
  if (parts.length === 1) return { id, levels: [...a!.codes], codes: Int32Array.from(ca, (c) => (c === MISSING ? -1 : c)) };
  if (parts.length !== 2) return null;
  const cb = data.variables[parts[1]!]!;
  const nb = b!.codes.length;
  const levels = a!.codes.flatMap((x) => b!.codes.map((y) => `${x}×${y}`));
  const codes = new Int32Array(data.n);
  for (let k = 0; k < data.n; k++) codes[k] = ca[k] === MISSING || cb[k] === MISSING ? -1 : ca[k]! * nb + cb[k]!;
  return { id, levels, codes };
}

/** Every indicator × every breakdown: the same code for the server and the command line. */
export function estimateAll(data: Microdata, indicators: readonly Indicator[], breakdowns: readonly string[]): Estimate[] {
  const design: PreparedDesign = prepareDesign({ n: data.n, weight: data.weight, stratum: data.stratum, psu: data.psu });
  const columns = indicatorColumns(data, indicators);
  const out: Estimate[] = [];
  const bs = breakdowns.map((b) => breakdownOf(data, b)).filter((b): b is Breakdown => b !== null);
  indicators.forEach((ind, i) => {
    for (const b of bs) out.push(...estimateBreakdown(design, { id: ind.id, values: columns[i]! }, b));
  });
  return out;
}

/** The microdata as one compressed buffer (for storage in the database), and back. */
export function encodeMicrodata(data: Microdata): Buffer {
  const vars = Object.keys(data.variables);
  const header = Buffer.from(JSON.stringify({ v: 1, n: data.n, strata: data.strata, psus: data.psus, vars }));
  const parts = [Buffer.from(Uint32Array.of(header.length).buffer), header, bytes(data.weight), bytes(data.stratum), bytes(data.psu), ...vars.map((v) => bytes(data.variables[v]!))];
  return gzipSync(Buffer.concat(parts), { level: 6 });
}

const bytes = (a: Float64Array | Int32Array | Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

export function decodeMicrodata(buffer: Uint8Array): Microdata {
  const raw = gunzipSync(buffer);
  const headerLength = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + headerLength).toString('utf8')) as { n: number; strata: string[]; psus: string[]; vars: string[] };
  let at = 4 + headerLength;
  const take = <T>(Ctor: { new (b: ArrayBuffer, o: number, l: number): T; BYTES_PER_ELEMENT: number }, count: number): T => {
    const size = count * Ctor.BYTES_PER_ELEMENT;
    const copy = raw.buffer.slice(raw.byteOffset + at, raw.byteOffset + at + size);
    at += size;
    return new Ctor(copy, 0, count);
  };
  const n = header.n;
  const weight = take(Float64Array, n);
  const stratum = take(Int32Array, n);
  const psu = take(Int32Array, n);
  const variables = Object.fromEntries(header.vars.map((v) => [v, take(Uint8Array, n)]));
  return { n, weight, stratum, strata: header.strata, psu, psus: header.psus, variables };
}
