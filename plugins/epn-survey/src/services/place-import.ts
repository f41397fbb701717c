import type { Db } from '@passerelle/db';
import { audit } from '@passerelle/auth';
import { AppError, type Actor } from '@passerelle/trpc';
import { canActFor, isRegionStaff, requireOrganisation } from './access.ts';
import { IMPORT_MAX_BYTES, placesFromCsv, placesFromJson, type ImportedPlace, type ImportError } from './place-format.ts';
import { NotUtf8, progressEvery, readText, UploadTooBig, type Upload } from '@passerelle/plugin-sdk/upload';

// The EPN directory from an open-data file (the Belgian mednum profile of place-format.ts, CSV or JSON):
// checked in full before anything is stored, then stored all together or not at all. A row whose `id`
// is an existing EPN updates it; other rows add EPNs (keeping their `id`, so that importing the same
// file again updates them instead of adding them twice). Members import into their own organisations
// only; staff into any.

export type PlaceFileFormat = 'csv' | 'json';

export interface PlaceImportReport {
  /** Rows (CSV) or records (JSON) read. */
  rows: number;
  /** The first REPORT_MAX_ERRORS problems, by line; `errorCount` counts them all. */
  errors: ImportError[];
  errorCount: number;
  created: number;
  updated: number;
  unchanged: number;
  stored: boolean;
}

const REPORT_MAX_ERRORS = 200;
/** An id kept from a file: what a URL and a CSV cell carry without trouble. */
const FILE_ID = /^[A-Za-z0-9_-]{1,64}$/;

type Progress = (done: number, total?: number) => void;

/** The EpnPlace columns of an imported place. */
function placeData(p: ImportedPlace) {
  return {
    name: p.name,
    street: p.street,
    postcode: p.postcode,
    communeNis: p.communeNis,
    latitude: p.latitude,
    longitude: p.longitude,
    phone: p.phone,
    email: p.email,
    website: p.website,
    openingHours: p.openingHours,
    services: p.services,
    publics: p.publics,
    accessibility: p.accessibility,
    languages: p.languages,
    devices: p.devices,
    labelled: p.labelled,
    labelSince: p.labelSince,
    mobile: p.mobile
  };
}
type PlaceData = ReturnType<typeof placeData>;

/** The content of a place, spelt one way (lists as sets, days as text): to tell an unchanged row. */
function contentKey(p: PlaceData): string {
  const sorted = (xs: string[]) => [...xs].sort();
  return JSON.stringify([p.name, p.street, p.postcode, p.communeNis, p.latitude, p.longitude, p.phone, p.email, p.website, p.openingHours, sorted(p.services), sorted(p.publics), sorted(p.accessibility), sorted(p.languages), p.devices, p.labelled, p.labelSince?.toISOString().slice(0, 10) ?? null, p.mobile]);
}

async function readPlaces(upload: Upload, format: PlaceFileFormat) {
  try {
    const text = await readText(upload, IMPORT_MAX_BYTES);
    return format === 'csv' ? placesFromCsv(text) : placesFromJson(text);
  } catch (e) {
    if (e instanceof UploadTooBig) return { records: [], errors: [{ line: 0, field: '', messageKey: 'epn_survey_error_import_too_big' }] };
    if (e instanceof NotUtf8) return { records: [], errors: [{ line: 0, field: '', messageKey: 'epn_survey_error_not_utf8' }] };
    throw e;
  }
}

/**
 * Checks a directory file and, unless `dryRun`, stores it (one transaction, audited). New EPNs go to
 * `organisationId`, or, when it is null, to the organisation named in each row's `structure_parente`
 * (one the actor may act for). `onProgress(done, total)` follows the rows being stored.
 */
export async function importPlaces({ db, actor, organisationId, format, upload, dryRun, onProgress }: { db: Db; actor: Actor; organisationId: string | null; format: PlaceFileFormat; upload: Upload; dryRun: boolean; onProgress?: Progress }): Promise<PlaceImportReport> {
  if (organisationId !== null) {
    requireOrganisation(actor, organisationId);
    if (!(await db.organisation.findUnique({ where: { id: organisationId }, select: { id: true } }))) throw new AppError('NOT_FOUND');
  }
  const file = await readPlaces(upload, format);
  const errors: ImportError[] = [...file.errors];

  // Rows that name an existing EPN update it, if the actor may act for its organisation.
  const ids = file.records.map((r) => r.place.id).filter((id): id is string => id !== null);
  const existing = new Map((ids.length ? await db.epnPlace.findMany({ where: { id: { in: ids } } }) : []).map((p) => [p.id, p]));
  // Organisations by name, for rows whose organisation is named in the file.
  const organisations = organisationId === null ? await db.organisation.findMany({ where: isRegionStaff(actor) ? {} : { id: { in: actor.memberships.map((m) => m.organisationId) } }, select: { id: true, name: true } }) : [];
  const nameKey = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('fr');
  const byName = new Map(organisations.map((o) => [nameKey(o.name), o.id]));

  const creates: { id: string | null; organisationId: string; data: PlaceData }[] = [];
  const updates: { id: string; data: PlaceData }[] = [];
  let unchanged = 0;
  for (const { line, place, organisation } of file.records) {
    const data = placeData(place);
    const current = place.id === null ? undefined : existing.get(place.id);
    if (current) {
      if (!canActFor(actor, current.organisationId)) errors.push({ line, field: 'id', messageKey: 'epn_survey_error_import_place_other_organisation' });
      else if (contentKey(current) === contentKey(data)) unchanged++;
      else updates.push({ id: current.id, data });
      continue;
    }
    if (place.id !== null && !FILE_ID.test(place.id)) {
      errors.push({ line, field: 'id', messageKey: 'epn_survey_error_import_place_id' });
      continue;
    }
    const target = organisationId ?? byName.get(nameKey(organisation));
    if (!target) {
      errors.push({ line, field: 'structure_parente', messageKey: 'epn_survey_error_import_organisation' });
      continue;
    }
    creates.push({ id: place.id, organisationId: target, data });
  }
  errors.sort((a, b) => a.line - b.line);
  const rows = file.records.length + new Set(file.errors.map((e) => e.line)).size;
  const report: PlaceImportReport = { rows, errors: errors.slice(0, REPORT_MAX_ERRORS), errorCount: errors.length, created: creates.length, updated: updates.length, unchanged, stored: false };
  if (errors.length === 0 && file.records.length === 0) {
    report.errors = [{ line: 0, field: '', messageKey: 'epn_survey_error_import_empty' }];
    report.errorCount = 1;
  }
  if (report.errorCount > 0 || dryRun) return report;

  const total = creates.length + updates.length;
  const progress = progressEvery(onProgress, 100);
  let done = 0;
  const created: string[] = [];
  await db.$transaction(
    async (tx) => {
      for (let i = 0; i < creates.length; i += 500) {
        const batch = creates.slice(i, i + 500);
        const rows = await tx.epnPlace.createManyAndReturn({ data: batch.map((c) => ({ ...(c.id ? { id: c.id } : {}), organisationId: c.organisationId, ...c.data })), select: { id: true } });
        created.push(...rows.map((r) => r.id));
        done += batch.length;
        progress(done, total, true);
      }
      for (const u of updates) {
        await tx.epnPlace.update({ where: { id: u.id }, data: u.data });
        progress(++done, total);
      }
      await audit({ db: tx, actorId: actor.id, action: 'epn-survey.place.import', targetType: 'organisation', ...(organisationId ? { targetId: organisationId } : {}), data: { format, created, updated: updates.map((u) => u.id), unchanged } });
    },
    { timeout: 10 * 60_000, maxWait: 30_000 }
  );
  progress(total, total, true);
  report.stored = true;
  return report;
}
