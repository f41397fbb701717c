import type { Db, Prisma } from '@passerelle/db';
import { audit } from '@passerelle/auth';
import { AppError, type Actor } from '@passerelle/trpc';
import { csvProblem, openCsv, type Upload } from '@passerelle/plugin-sdk/upload';
import { applyDisclosure, catalogue, draftVersion, requireStaff } from './editions.ts';
import type { Estimate } from './estimate.ts';
import type { ImportIssue, ImportReport } from './microdata.ts';
import { CSV_PROBLEM_KEYS, REPORT_MAX_ISSUES } from './microdata.ts';
import { variableById, type CategoricalVariable } from './variables.ts';

// Published aggregates for years without microdata (e.g. a table of the King Baudouin Foundation's
// barometer): one line per figure — indicator, breakdown, level, estimate, ci_low, ci_high, n and
// optionally se. The whole file is checked first; nothing is stored unless every line is valid. The
// figures then get the same disclosure control as computed ones: under the edition's minimum n a cell is
// stored as suppressed (and never shown), under the reliability threshold it is flagged, and a second
// cell is suppressed wherever one hidden cell could be found by subtraction.

export const AGGREGATES_MAX_BYTES = 20 * 1024 * 1024;
export const AGGREGATE_COLUMNS = ['indicator', 'breakdown', 'level', 'estimate', 'ci_low', 'ci_high', 'n'] as const;
export const AGGREGATE_OPTIONAL = ['se'] as const;

export interface AggregateRow {
  indicator: string;
  breakdown: string;
  level: string;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  n: number;
  se: number | null;
}

/** The levels of a breakdown ("overall", a variable, or a crossing "a×b"); null when it is not one. */
export function levelsOf(breakdown: string): string[] | null {
  if (breakdown === 'overall') return ['all'];
  const parts = breakdown.split('×');
  const vars = parts.map((p) => variableById.get(p));
  if (parts.length > 2 || (parts.length === 2 && parts[0] === parts[1]) || vars.some((v) => !v || v.kind !== 'category' || !v.breakdown)) return null;
  const [a, b] = vars as CategoricalVariable[];
  return parts.length === 1 ? [...a!.codes] : a!.codes.flatMap((x) => b!.codes.map((y) => `${x}×${y}`));
}

/** Reads and checks an aggregates file. Returns the rows only when there is no problem at all. */
export async function readAggregates({ upload, indicators, crossings, maxBytes = AGGREGATES_MAX_BYTES }: { upload: Upload; indicators: readonly string[]; crossings: readonly string[]; maxBytes?: number }): Promise<{ report: ImportReport; rows: AggregateRow[] | null }> {
  const report: ImportReport = { rows: 0, issueCount: 0, counts: {}, issues: [] };
  const add = (issue: ImportIssue) => {
    report.issueCount++;
    report.counts[issue.messageKey] = (report.counts[issue.messageKey] ?? 0) + 1;
    if (report.issues.length < REPORT_MAX_ISSUES) report.issues.push(issue);
  };
  const failed = (messageKey: string, row = 0, column = '', value?: string) => {
    add({ row, column, messageKey, ...(value === undefined ? {} : { value }) });
    return { report, rows: null };
  };
  const known = new Set(indicators);
  const rows: AggregateRow[] = [];
  const seen = new Map<string, number>();
  let line = 0;
  try {
    const { delimiter, records: parser } = await openCsv(upload, maxBytes);
    let at: Record<string, number> | null = null;
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      if (at === null) {
        const header = record.map((c) => c.trim().toLowerCase());
        const missing = AGGREGATE_COLUMNS.filter((c) => !header.includes(c));
        if (missing.length) {
          for (const c of missing) add({ row: 1, column: c, messageKey: 'barometer_error_missing_column' });
          return { report, rows: null };
        }
        at = Object.fromEntries([...AGGREGATE_COLUMNS, ...AGGREGATE_OPTIONAL].map((c) => [c, header.indexOf(c)]));
        continue;
      }
      const cell = (c: string) => (at![c]! < 0 ? '' : (record[at![c]!] ?? '').trim());
      const num = (c: string) => {
        const raw = cell(c);
        const x = raw === '' ? Number.NaN : Number(delimiter === ';' ? raw.replace(',', '.') : raw);
        return { raw, x };
      };
      let ok = true;
      const bad = (column: string, messageKey: string, value?: string) => {
        ok = false;
        add({ row: line, column, messageKey, ...(value === undefined ? {} : { value: value.slice(0, 40) }) });
      };
      const indicator = cell('indicator');
      const breakdown = cell('breakdown');
      const level = cell('level');
      if (!known.has(indicator)) bad('indicator', 'barometer_error_unknown_indicator', indicator);
      const levels = levelsOf(breakdown);
      if (!levels || (breakdown.includes('×') && !crossings.includes(breakdown))) bad('breakdown', 'barometer_error_unknown_breakdown', breakdown);
      else if (!levels.includes(level)) bad('level', breakdown === 'commune' ? 'barometer_error_unknown_commune' : 'barometer_error_unknown_level', level);
      const est = num('estimate');
      const lo = num('ci_low');
      const hi = num('ci_high');
      const n = num('n');
      const se = num('se');
      const proportion = (v: { raw: string; x: number }, column: string) => {
        if (!Number.isFinite(v.x) || v.x < 0 || v.x > 1) bad(column, 'barometer_error_aggregate_proportion', v.raw);
      };
      proportion(est, 'estimate');
      proportion(lo, 'ci_low');
      proportion(hi, 'ci_high');
      if ([est, lo, hi].every((v) => Number.isFinite(v.x)) && !(lo.x <= est.x && est.x <= hi.x)) bad('ci_low', 'barometer_error_aggregate_ci', `${lo.raw} ≤ ${est.raw} ≤ ${hi.raw}`);
      if (!Number.isInteger(n.x) || n.x < 0 || n.x > 100_000_000) bad('n', 'barometer_error_aggregate_n', n.raw);
      if (se.raw !== '' && (!Number.isFinite(se.x) || se.x < 0)) bad('se', 'barometer_error_aggregate_se', se.raw);
      const key = `${indicator}|${breakdown}|${level}`;
      if (seen.has(key)) bad('level', 'barometer_error_aggregate_duplicate', key);
      seen.set(key, line);
      if (ok) rows.push({ indicator, breakdown, level, estimate: est.x, ciLow: lo.x, ciHigh: hi.x, n: n.x, se: se.raw === '' ? null : se.x });
    }
    if (at === null) return failed('barometer_error_import_empty');
  } catch (e) {
    const problem = csvProblem(e);
    if (problem) return failed(CSV_PROBLEM_KEYS[problem.problem], problem.row);
    throw e;
  }
  report.rows = line - 1;
  if (report.issueCount > 0) return { report, rows: null };
  if (rows.length === 0) return failed('barometer_error_import_empty');
  // Every breakdown given is given whole (a level left out could be found by subtraction from the total).
  const given = new Map<string, Set<string>>();
  for (const r of rows) {
    const k = `${r.indicator}|${r.breakdown}`;
    if (!given.has(k)) given.set(k, new Set());
    given.get(k)!.add(r.level);
  }
  for (const [k, levels] of given) {
    const [indicator, breakdown] = k.split('|') as [string, string];
    const all = levelsOf(breakdown)!;
    const missing = all.filter((l) => !levels.has(l));
    if (missing.length) add({ row: 0, column: 'level', value: `${indicator} / ${breakdown}: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}`.slice(0, 120), messageKey: 'barometer_error_aggregate_incomplete' });
  }
  if (report.issueCount > 0) return { report, rows: null };
  return { report, rows };
}

/**
 * Imports an aggregates file into the edition's draft version (created if needed; source "aggregates"),
 * replacing its figures. All or nothing: with any problem, the report comes back and nothing is stored.
 */
export async function importAggregates({ db, actor, editionId, upload, fileName, correctionNote }: { db: Db; actor: Actor | null; editionId: string; upload: Upload; fileName: string; correctionNote?: { fr: string; nl: string; en: string } }): Promise<{ report: ImportReport; stored: boolean; versionId: string | null; number: number | null }> {
  const a = requireStaff(actor);
  const edition = await db.barometerEdition.findUnique({ where: { id: editionId }, include: { microdata: { select: { editionId: true } } } });
  if (!edition) throw new AppError('NOT_FOUND');
  if (edition.microdata) throw new AppError('CONFLICT', 'barometer_error_aggregates_with_microdata', { messageKey: 'barometer_error_aggregates_with_microdata' });
  const indicators = await catalogue(db);
  const { report, rows } = await readAggregates({ upload, indicators: indicators.map((i) => i.id), crossings: edition.crossings });
  if (!rows) return { report, stored: false, versionId: null, number: null };
  const estimates: Estimate[] = rows.map((r) => ({ indicator: r.indicator, breakdown: r.breakdown, level: r.level, n: r.n, weightSum: 0, proportion: r.n === 0 ? null : r.estimate, seProportion: r.se, total: null, seTotal: null, ciLow: r.ciLow, ciHigh: r.ciHigh }));
  const statuses = applyDisclosure(estimates, { minN: edition.minN, reliableN: edition.reliableN });
  const used = new Set(rows.map((r) => r.indicator));
  return db.$transaction(
    async (tx) => {
      const version = await draftVersion(tx, editionId, a.id);
      if (version.number > 1 && !correctionNote && !version.correctionNote) throw new AppError('BAD_REQUEST', 'barometer_error_correction_note', { messageKey: 'barometer_error_correction_note' });
      await tx.barometerEstimate.deleteMany({ where: { versionId: version.id } });
      await tx.barometerEstimate.createMany({
        data: estimates.map((e) => ({ versionId: version.id, indicatorId: e.indicator, breakdown: e.breakdown, level: e.level, n: e.n, weightSum: null, proportion: e.proportion, se: e.seProportion, ciLow: e.ciLow, ciHigh: e.ciHigh, total: null, seTotal: null, status: statuses.get(e)! }))
      });
      await tx.barometerVersion.update({ where: { id: version.id }, data: { source: 'aggregates', indicators: indicators.filter((i) => used.has(i.id)) as unknown as Prisma.InputJsonValue, computedAt: new Date(), preparedById: a.id, ...(correctionNote ? { correctionNote } : {}) } });
      await audit({ db: tx, actorId: a.id, action: 'barometer.aggregates.import', targetType: 'barometer_version', targetId: version.id, data: { year: edition.year, number: version.number, rows: rows.length, fileName: fileName.slice(0, 200) } });
      return { report, stored: true, versionId: version.id, number: version.number };
    },
    { timeout: 60_000 }
  );
}
