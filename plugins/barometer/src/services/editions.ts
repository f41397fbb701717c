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
  if (await db.barometerEdition.findUnique({ where: { year } })) throw new AppError('CONFLICT', 'barometer_error_edition_exists', { messageKey: 'barometer_error_edition_exists' });
  return db.$transaction(async (tx) => {
    const edition = await tx.barometerEdition.create({ data: { year, minN: t.minN, reliableN: t.reliableN, crossings, synthetic, createdById: a.id } });
    await audit({ db: tx, actorId: a.id, action: 'barometer.edition.create', targetType: 'barometer_edition', targetId: edition.id, data: { year, minN: t.minN, reliableN: t.reliableN, crossings, synthetic } });
    return edition;
  });
}

function checkCrossing(c: string) {
  const parts = c.split('×');
  if (parts.length !== 2 || parts[0] === parts[1] || parts.some((p) => !BREAKDOWNS.includes(p))) throw new AppError('BAD_REQUEST', 'barometer_error_crossing', { messageKey: 'barometer_error_crossing' });
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
export async function draftVersion(tx: DbClient, editionId: string, actorId: string) {
  const draft = await tx.barometerVersion.findFirst({ where: { editionId, status: { in: ['draft', 'in_review'] } }, orderBy: { number: 'desc' } });
  if (draft) {
    if (draft.status === 'in_review') throw new AppError('CONFLICT', 'barometer_error_in_review', { messageKey: 'barometer_error_in_review' });
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
  if (!data) throw new AppError('CONFLICT', 'barometer_error_no_microdata', { messageKey: 'barometer_error_no_microdata' });
  const indicators = await catalogue(db);
  const breakdowns = ['overall', ...BREAKDOWNS.filter((b) => data.variables[b]), ...edition.crossings.filter((c) => c.split('×').every((p) => data.variables[p]))];
  const estimates = estimateAll(data, indicators, breakdowns);
  const statuses = applyDisclosure(estimates, { minN: edition.minN, reliableN: edition.reliableN });
  return db.$transaction(
    async (tx) => {
      const version = await draftVersion(tx, editionId, a.id);
      if (version.number > 1 && !correctionNote && !version.correctionNote) throw new AppError('BAD_REQUEST', 'barometer_error_correction_note', { messageKey: 'barometer_error_correction_note' });
      await tx.barometerEstimate.deleteMany({ where: { versionId: version.id } });
      await tx.barometerEstimate.createMany({
        data: estimates.map((e) => ({ versionId: version.id, indicatorId: e.indicator, breakdown: e.breakdown, level: e.level, n: e.n, weightSum: e.weightSum, proportion: e.proportion, se: e.seProportion, ciLow: e.ciLow, ciHigh: e.ciHigh, total: e.total, seTotal: e.seTotal, status: statuses.get(e)! }))
      });
      await tx.barometerVersion.update({ where: { id: version.id }, data: { source: 'microdata', indicators: indicators as unknown as Prisma.InputJsonValue, computedAt: new Date(), preparedById: a.id, ...(correctionNote ? { correctionNote } : {}) } });
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
    if (v.status !== 'draft' || !v.computedAt) throw new AppError('CONFLICT', 'barometer_error_not_draft', { messageKey: 'barometer_error_not_draft' });
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
    if (v.status !== 'in_review') throw new AppError('CONFLICT', 'barometer_error_not_in_review', { messageKey: 'barometer_error_not_in_review' });
    if (v.preparedById === a.id || v.submittedById === a.id) throw new AppError('FORBIDDEN', 'barometer_error_four_eyes', { messageKey: 'barometer_error_four_eyes' });
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
    if (v.status !== 'in_review') throw new AppError('CONFLICT', 'barometer_error_not_in_review', { messageKey: 'barometer_error_not_in_review' });
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

const fail = (code: 'BAD_REQUEST' | 'CONFLICT' | 'NOT_FOUND' | 'FORBIDDEN', key: string, params?: Record<string, string | number>) => new AppError(code, key, { messageKey: key, ...(params ? { params } : {}) });

async function names(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/** The versions a staff member may preview: not yet released (draft, in review, or approved and still under embargo). */
export function isUnreleased(v: { status: string; releaseAt: Date | null }, now: Date) {
  return v.status !== 'approved' || !v.releaseAt || v.releaseAt > now;
}

/**
 * Staff: one edition by year, with its microdata summary, its versions (who prepared, submitted and
 * reviewed each) and the estimates of one version in one breakdown (by default the newest version), with
 * their disclosure statuses: what the draft would publish, hidden cells included, for staff only.
 */
export async function getEdition({ db, actor, year, versionNumber, breakdown = 'overall', now = new Date() }: { db: Db; actor: Actor | null; year: number; versionNumber?: number; breakdown?: string; now?: Date }) {
  requireStaff(actor);
  const e = await db.barometerEdition.findUnique({
    where: { year },
    include: { microdata: { select: { respondents: true, fileName: true, importedAt: true, importedById: true, mapping: true } }, versions: { orderBy: { number: 'desc' } } }
  });
  if (!e) throw new AppError('NOT_FOUND');
  const who = await names(db, [e.microdata?.importedById ?? null, ...e.versions.flatMap((v) => [v.preparedById, v.submittedById, v.reviewedById])]);
  const name = (id: string | null) => (id ? (who.get(id) ?? null) : null);
  const versions = e.versions.map((v) => ({
    id: v.id,
    number: v.number,
    status: v.status,
    source: v.source,
    released: !isUnreleased(v, now),
    correctionNote: (v.correctionNote as { fr: string; nl: string; en: string } | null) ?? null,
    computedAt: v.computedAt,
    submittedAt: v.submittedAt,
    approvedAt: v.approvedAt,
    releaseAt: v.releaseAt,
    preparedById: v.preparedById,
    preparedBy: name(v.preparedById),
    submittedById: v.submittedById,
    submittedBy: name(v.submittedById),
    reviewedBy: name(v.reviewedById)
  }));
  const shown = versionNumber === undefined ? (versions[0] ?? null) : (versions.find((v) => v.number === versionNumber) ?? null);
  const rows = shown ? await db.barometerEstimate.findMany({ where: { versionId: shown.id, breakdown }, orderBy: [{ indicatorId: 'asc' }, { level: 'asc' }] }) : [];
  const breakdowns = shown ? (await db.barometerEstimate.findMany({ where: { versionId: shown.id, indicatorId: rows[0]?.indicatorId ?? undefined }, distinct: ['breakdown'], select: { breakdown: true } })).map((r) => r.breakdown) : [];
  const stored = shown ? (e.versions.find((v) => v.id === shown.id)!.indicators as { id: string; name: { fr: string; nl: string; en: string } }[]) : [];
  const indicatorNames = Object.fromEntries((Array.isArray(stored) ? stored : []).map((i) => [i.id, i.name]));
  const statusCounts = shown ? await db.barometerEstimate.groupBy({ by: ['status'], where: { versionId: shown.id }, _count: { _all: true } }) : [];
  return {
    id: e.id,
    year: e.year,
    minN: e.minN,
    reliableN: e.reliableN,
    crossings: e.crossings,
    synthetic: e.synthetic,
    microdata: e.microdata ? { respondents: e.microdata.respondents, fileName: e.microdata.fileName, importedAt: e.microdata.importedAt, importedBy: name(e.microdata.importedById) } : null,
    versions,
    /** Settings change only while no version waits for review. */
    editable: !e.versions.some((v) => v.status === 'in_review'),
    preview: shown
      ? {
          versionId: shown.id,
          number: shown.number,
          status: shown.status,
          breakdown,
          breakdowns: sortBreakdowns(breakdowns),
          /** Indicator id -> its name in FR/NL/EN, as the version was computed with. */
          indicatorNames: indicatorNames as Record<string, { fr: string; nl: string; en: string }>,
          statusCounts: Object.fromEntries(statusCounts.map((s) => [s.status, s._count._all])) as Partial<Record<CellStatus, number>>,
          estimates: rows.map((r) => ({ indicatorId: r.indicatorId, level: r.level, n: r.n, proportion: r.proportion, se: r.se, ciLow: r.ciLow, ciHigh: r.ciHigh, total: r.total, status: r.status as CellStatus }))
        }
      : null
  };
}

function sortBreakdowns(list: string[]) {
  const order = (b: string) => (b === 'overall' ? 0 : b.includes('×') ? 2 : 1);
  return [...list].sort((a, b) => order(a) - order(b) || BREAKDOWNS.indexOf(a) - BREAKDOWNS.indexOf(b) || a.localeCompare(b));
}

/**
 * Staff: the edition's thresholds and crossings, while no version waits for review. The statuses of a
 * draft follow at once (disclosure control is applied again to its figures); a draft computed from
 * microdata must be computed again when the crossings change.
 */
export async function updateSettings({ db, actor, editionId, thresholds, crossings }: { db: Db; actor: Actor | null; editionId: string; thresholds: Thresholds; crossings: string[] }) {
  const a = requireStaff(actor);
  const t = ZThresholds.parse(thresholds);
  const unique = [...new Set(crossings)];
  for (const c of unique) checkCrossing(c);
  return db.$transaction(async (tx) => {
    const edition = await tx.barometerEdition.findUnique({ where: { id: editionId }, include: { versions: true } });
    if (!edition) throw new AppError('NOT_FOUND');
    if (edition.versions.some((v) => v.status === 'in_review')) throw fail('CONFLICT', 'barometer_error_in_review');
    await tx.barometerEdition.update({ where: { id: editionId }, data: { minN: t.minN, reliableN: t.reliableN, crossings: unique } });
    const crossingsChanged = [...unique].sort().join() !== [...edition.crossings].sort().join();
    for (const v of edition.versions.filter((x) => x.status === 'draft' && x.computedAt)) {
      if (crossingsChanged && v.source === 'microdata') {
        await tx.barometerEstimate.deleteMany({ where: { versionId: v.id } });
        await tx.barometerVersion.update({ where: { id: v.id }, data: { computedAt: null } });
      } else await restatus(tx, v.id, t);
    }
    await audit({ db: tx, actorId: a.id, action: 'barometer.edition.settings', targetType: 'barometer_edition', targetId: editionId, data: { minN: t.minN, reliableN: t.reliableN, crossings: unique } });
    return { id: editionId, year: edition.year };
  });
}

/** Applies disclosure control again to a draft's stored figures (new thresholds). */
async function restatus(tx: DbClient, versionId: string, t: Thresholds) {
  const rows = await tx.barometerEstimate.findMany({ where: { versionId } });
  const estimates = rows.map((r) => ({ row: r, e: { indicator: r.indicatorId, breakdown: r.breakdown, level: r.level, n: r.n, weightSum: r.weightSum ?? 0, proportion: r.proportion, seProportion: r.se, total: r.total, seTotal: r.seTotal, ciLow: r.ciLow, ciHigh: r.ciHigh } satisfies Estimate }));
  const statuses = applyDisclosure(estimates.map((x) => x.e), t);
  const changed = new Map<CellStatus, typeof rows>();
  for (const { row, e } of estimates) {
    const s = statuses.get(e)!;
    if (s !== row.status) changed.set(s, [...(changed.get(s) ?? []), row]);
  }
  for (const [status, list] of changed) {
    for (let i = 0; i < list.length; i += 200) {
      const OR = list.slice(i, i + 200).map((r) => ({ indicatorId: r.indicatorId, breakdown: r.breakdown, level: r.level }));
      await tx.barometerEstimate.updateMany({ where: { versionId, OR }, data: { status } });
    }
  }
}

/** Reviewers: versions waiting for review, oldest first, with who prepared and submitted them. */
export async function reviewQueue({ db, actor }: { db: Db; actor: Actor | null }) {
  const a = requireStaff(actor);
  const rows = await db.barometerVersion.findMany({ where: { status: 'in_review' }, orderBy: { submittedAt: 'asc' }, include: { edition: { select: { year: true, synthetic: true } } } });
  const who = await names(db, rows.flatMap((v) => [v.preparedById, v.submittedById]));
  return rows.map((v) => ({
    versionId: v.id,
    year: v.edition.year,
    number: v.number,
    source: v.source,
    synthetic: v.edition.synthetic,
    submittedAt: v.submittedAt,
    preparedBy: v.preparedById ? (who.get(v.preparedById) ?? null) : null,
    submittedBy: v.submittedById ? (who.get(v.submittedById) ?? null) : null,
    /** Four eyes: the caller prepared or submitted it, so someone else must review it. */
    ownVersion: v.preparedById === a.id || v.submittedById === a.id
  }));
}
