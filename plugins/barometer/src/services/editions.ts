import type { Db, Prisma } from '@passerelle/db';
import { audit, type DbClient } from '@passerelle/auth';
import { AppError, type Actor } from '@passerelle/trpc';
import type { Upload } from '@passerelle/plugin-sdk/upload';
import { isHidden, protect, ZThresholds, type CellStatus, type Line, type Thresholds } from './disclosure.ts';
import type { Estimate } from './estimate.ts';
import { DEFAULT_INDICATORS, ZIndicator, type Indicator } from './indicators.ts';
import { decodeMicrodata, encodeMicrodata, estimateAll, readMicrodata, type ImportReport, type Mapping } from './microdata.ts';
import { BREAKDOWNS, variableById, type CategoricalVariable } from './variables.ts';

// Editions and their versions: import microdata, compute a draft (estimates with disclosure control),
// submit it, have another staff member approve it with a release time (the embargo), and correct it
// later with a new version. Released versions are immutable (the database refuses changes, see the
// migration's triggers). Every step is audited.

const CHUNK = 1024 * 1024;

export function requireStaff(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!actor.roles.includes('staff') && !actor.roles.includes('admin')) throw new AppError('FORBIDDEN');
  return actor;
}

/** The indicator catalogue in the database, seeded with the defaults the first time. */
export async function catalogue(db: Db): Promise<Indicator[]> {
  let rows = await db.barometerIndicator.findMany({ where: { archivedAt: null }, orderBy: { position: 'asc' } });
  if (rows.length === 0) {
    await db.barometerIndicator.createMany({ data: DEFAULT_INDICATORS.map((d, position) => ({ id: d.id, definition: d as unknown as Prisma.InputJsonValue, position })), skipDuplicates: true });
    rows = await db.barometerIndicator.findMany({ where: { archivedAt: null }, orderBy: { position: 'asc' } });
  }
  return rows.map((r) => ZIndicator.parse(r.definition));
}

export async function createEdition({ db, actor, year, thresholds, crossings = [], synthetic = false }: { db: Db; actor: Actor | null; year: number; thresholds?: Thresholds; crossings?: string[]; synthetic?: boolean }) {
  const a = requireStaff(actor);
  const t = ZThresholds.parse(thresholds ?? { minN: 20, reliableN: 50 });
  for (const c of crossings) checkCrossing(c);
  if (await db.barometerEdition.findUnique({ where: { year } })) throw new AppError('CONFLICT', 'barometer_error_edition_exists');
  return db.$transaction(async (tx) => {
    const edition = await tx.barometerEdition.create({ data: { year, minN: t.minN, reliableN: t.reliableN, crossings, synthetic, createdById: a.id } });
    await audit({ db: tx, actorId: a.id, action: 'barometer.edition.create', targetType: 'barometer_edition', targetId: edition.id, data: { year, minN: t.minN, reliableN: t.reliableN, crossings, synthetic } });
    return edition;
  });
}

function checkCrossing(c: string) {
  const parts = c.split('×');
  if (parts.length !== 2 || parts[0] === parts[1] || parts.some((p) => !BREAKDOWNS.includes(p))) throw new AppError('BAD_REQUEST', 'barometer_error_crossing');
}

/**
 * Reads and checks the file; stores the microdata only when the whole file is valid (replacing the
 * previous import of the edition). Returns the report either way.
 */
export async function importMicrodata({ db, actor, editionId, upload, mapping, size, fileName, onProgress }: { db: Db; actor: Actor | null; editionId: string; upload: Upload; mapping: Mapping; size?: number; fileName: string; onProgress?: (rows: number) => void }): Promise<{ report: ImportReport; stored: boolean; respondents: number }> {
  const a = requireStaff(actor);
  const edition = await db.barometerEdition.findUnique({ where: { id: editionId } });
  if (!edition) throw new AppError('NOT_FOUND');
  const { report, data } = await readMicrodata({ upload, mapping, ...(size === undefined ? {} : { size }), ...(onProgress ? { onProgress } : {}) });
  if (!data) return { report, stored: false, respondents: 0 };
  const blob = encodeMicrodata(data);
  await db.$transaction(async (tx) => {
    await tx.barometerMicrodata.deleteMany({ where: { editionId } });
    await tx.barometerMicrodata.create({ data: { editionId, respondents: data.n, mapping: mapping as unknown as Prisma.InputJsonValue, fileName: fileName.slice(0, 200), importedById: a.id } });
    for (let seq = 0; seq * CHUNK < blob.length; seq++) await tx.barometerMicrodataChunk.create({ data: { editionId, seq, data: new Uint8Array(blob.subarray(seq * CHUNK, (seq + 1) * CHUNK)) } });
    await audit({ db: tx, actorId: a.id, action: 'barometer.microdata.import', targetType: 'barometer_edition', targetId: editionId, data: { respondents: data.n, fileName: fileName.slice(0, 200), bytes: blob.length } });
  });
  return { report, stored: true, respondents: data.n };
}

export async function loadMicrodata(db: Db, editionId: string) {
  const chunks = await db.barometerMicrodataChunk.findMany({ where: { editionId }, orderBy: { seq: 'asc' } });
  if (chunks.length === 0) return null;
  return decodeMicrodata(Buffer.concat(chunks.map((c) => Buffer.from(c.data))));
}

/** Disclosure statuses of every estimate: one-way breakdowns against the overall figure, crossings against their one-way margins. */
export function applyDisclosure(estimates: readonly Estimate[], t: Thresholds): Map<Estimate, CellStatus> {
  const out = new Map<Estimate, CellStatus>();
  const byIndicator = new Map<string, Estimate[]>();
  for (const e of estimates) byIndicator.set(e.indicator, [...(byIndicator.get(e.indicator) ?? []), e]);
  for (const list of byIndicator.values()) {
    const status = new Map<string, CellStatus>();
    const key = (e: { breakdown: string; level: string }) => `${e.breakdown}|${e.level}`;
    const groups = new Map<string, Estimate[]>();
    for (const e of list) groups.set(e.breakdown, [...(groups.get(e.breakdown) ?? []), e]);
    const overall = groups.get('overall')?.[0];
    if (overall) status.set(key(overall), protect(new Map([[key(overall), overall.n]]), [], t).get(key(overall))!);
    const overallShown = overall ? !isHidden(status.get(key(overall))!) : false;
    // One-way breakdowns first: their statuses are the margins of the crossings.
    for (const [breakdown, cells] of groups) {
      if (breakdown === 'overall' || breakdown.includes('×')) continue;
      const line: Line = { marginShown: overallShown, cells: cells.map(key) };
      for (const [k, s] of protect(new Map(cells.map((c) => [key(c), c.n])), [line], t)) status.set(k, s);
    }
    for (const [breakdown, cells] of groups) {
      if (!breakdown.includes('×')) continue;
      const [a, b] = breakdown.split('×') as [string, string];
      const levelsA = (variableById.get(a) as CategoricalVariable).codes;
      const levelsB = (variableById.get(b) as CategoricalVariable).codes;
      const shown = (dim: string, level: string) => {
        const s = status.get(`${dim}|${level}`);
        return s !== undefined && !isHidden(s);
      };
      const lines: Line[] = [
        ...levelsA.map((x) => ({ marginShown: shown(a, x), cells: levelsB.map((y) => `${breakdown}|${x}×${y}`) })),
        ...levelsB.map((y) => ({ marginShown: shown(b, y), cells: levelsA.map((x) => `${breakdown}|${x}×${y}`) }))
      ];
      for (const [k, s] of protect(new Map(cells.map((c) => [key(c), c.n])), lines, t)) status.set(k, s);
    }
    for (const e of list) out.set(e, status.get(key(e))!);
  }
  return out;
}

/** The edition's draft version (created if there is none being prepared). */
async function draftVersion(tx: DbClient, editionId: string, actorId: string) {
  const draft = await tx.barometerVersion.findFirst({ where: { editionId, status: { in: ['draft', 'in_review'] } }, orderBy: { number: 'desc' } });
  if (draft) {
    if (draft.status === 'in_review') throw new AppError('CONFLICT', 'barometer_error_in_review');
    return draft;
  }
  const last = await tx.barometerVersion.findFirst({ where: { editionId }, orderBy: { number: 'desc' } });
  return tx.barometerVersion.create({ data: { editionId, number: (last?.number ?? 0) + 1, indicators: [], preparedById: actorId } });
}

/** Computes the draft's estimates from the stored microdata, with the edition's thresholds. */
export async function computeDraft({ db, actor, editionId, correctionNote }: { db: Db; actor: Actor | null; editionId: string; correctionNote?: { fr: string; nl: string; en: string } }) {
  const a = requireStaff(actor);
  const edition = await db.barometerEdition.findUnique({ where: { id: editionId } });
  if (!edition) throw new AppError('NOT_FOUND');
  const data = await loadMicrodata(db, editionId);
  if (!data) throw new AppError('CONFLICT', 'barometer_error_no_microdata');
  const indicators = await catalogue(db);
  const breakdowns = ['overall', ...BREAKDOWNS.filter((b) => data.variables[b]), ...edition.crossings.filter((c) => c.split('×').every((p) => data.variables[p]))];
  const estimates = estimateAll(data, indicators, breakdowns);
  const statuses = applyDisclosure(estimates, { minN: edition.minN, reliableN: edition.reliableN });
  return db.$transaction(
    async (tx) => {
      const version = await draftVersion(tx, editionId, a.id);
      if (version.number > 1 && !correctionNote && !version.correctionNote) throw new AppError('BAD_REQUEST', 'barometer_error_correction_note');
      await tx.barometerEstimate.deleteMany({ where: { versionId: version.id } });
      await tx.barometerEstimate.createMany({
        data: estimates.map((e) => ({ versionId: version.id, indicatorId: e.indicator, breakdown: e.breakdown, level: e.level, n: e.n, weightSum: e.weightSum, proportion: e.proportion, se: e.seProportion, ciLow: e.ciLow, ciHigh: e.ciHigh, total: e.total, seTotal: e.seTotal, status: statuses.get(e)! }))
      });
      await tx.barometerVersion.update({ where: { id: version.id }, data: { indicators: indicators as unknown as Prisma.InputJsonValue, computedAt: new Date(), preparedById: a.id, ...(correctionNote ? { correctionNote } : {}) } });
      await audit({ db: tx, actorId: a.id, action: 'barometer.version.compute', targetType: 'barometer_version', targetId: version.id, data: { year: edition.year, number: version.number, estimates: estimates.length } });
      return { versionId: version.id, number: version.number, estimates: estimates.length };
    },
    { timeout: 120_000 }
  );
}

export async function submitForReview({ db, actor, versionId }: { db: Db; actor: Actor | null; versionId: string }) {
  const a = requireStaff(actor);
  return db.$transaction(async (tx) => {
    const v = await tx.barometerVersion.findUnique({ where: { id: versionId } });
    if (!v) throw new AppError('NOT_FOUND');
    if (v.status !== 'draft' || !v.computedAt) throw new AppError('CONFLICT', 'barometer_error_not_draft');
    await tx.barometerVersion.update({ where: { id: versionId }, data: { status: 'in_review', submittedById: a.id, submittedAt: new Date() } });
    await audit({ db: tx, actorId: a.id, action: 'barometer.version.submit', targetType: 'barometer_version', targetId: versionId });
  });
}

/** Four eyes: the reviewer is another staff member than the one who prepared or submitted the version. */
export async function approve({ db, actor, versionId, releaseAt }: { db: Db; actor: Actor | null; versionId: string; releaseAt: Date }) {
  const a = requireStaff(actor);
  return db.$transaction(async (tx) => {
    const v = await tx.barometerVersion.findUnique({ where: { id: versionId } });
    if (!v) throw new AppError('NOT_FOUND');
    if (v.status !== 'in_review') throw new AppError('CONFLICT', 'barometer_error_not_in_review');
    if (v.preparedById === a.id || v.submittedById === a.id) throw new AppError('FORBIDDEN', 'barometer_error_four_eyes');
    await tx.barometerVersion.update({ where: { id: versionId }, data: { status: 'approved', reviewedById: a.id, approvedAt: new Date(), releaseAt } });
    await audit({ db: tx, actorId: a.id, action: 'barometer.version.approve', targetType: 'barometer_version', targetId: versionId, data: { releaseAt: releaseAt.toISOString() } });
  });
}

/** The reviewer sends the version back to its authors (with the reason, in the audit log). */
export async function sendBack({ db, actor, versionId, reason }: { db: Db; actor: Actor | null; versionId: string; reason: string }) {
  const a = requireStaff(actor);
  return db.$transaction(async (tx) => {
    const v = await tx.barometerVersion.findUnique({ where: { id: versionId } });
    if (!v) throw new AppError('NOT_FOUND');
    if (v.status !== 'in_review') throw new AppError('CONFLICT', 'barometer_error_not_in_review');
    await tx.barometerVersion.update({ where: { id: versionId }, data: { status: 'draft', submittedById: null, submittedAt: null } });
    await audit({ db: tx, actorId: a.id, action: 'barometer.version.send-back', targetType: 'barometer_version', targetId: versionId, data: { reason: reason.slice(0, 2000) } });
  });
}

/** The released version of a year at `now` (the latest approved one whose release time has passed), or null. */
export async function releasedVersion(db: Db, year: number, now: Date = new Date()) {
  return db.barometerVersion.findFirst({ where: { edition: { year }, status: 'approved', releaseAt: { lte: now } }, orderBy: { number: 'desc' }, include: { edition: true } });
}

/** Staff: every edition, newest year first, with its microdata summary and versions (drafts included). */
export async function listEditions({ db, actor }: { db: Db; actor: Actor | null }) {
  requireStaff(actor);
  const editions = await db.barometerEdition.findMany({
    orderBy: { year: 'desc' },
    include: {
      microdata: { select: { respondents: true, fileName: true, importedAt: true } },
      versions: { orderBy: { number: 'desc' }, select: { id: true, number: true, status: true, source: true, computedAt: true, submittedAt: true, approvedAt: true, releaseAt: true, preparedById: true, submittedById: true, reviewedById: true } }
    }
  });
  return editions.map((e) => ({ id: e.id, year: e.year, minN: e.minN, reliableN: e.reliableN, crossings: e.crossings, synthetic: e.synthetic, microdata: e.microdata, versions: e.versions }));
}
