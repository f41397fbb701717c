import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import type { Db } from '@passerelle/db';
import { createTestActor, pluginTestContext } from '@passerelle/plugin-sdk/testing';
import type { Actor } from '@passerelle/trpc';
import { barometerManifest } from '../../manifest.ts';
import { callerFor } from '../../test-support.ts';
import * as api from '../../routes/open-data-api.ts';
import { load as editionPage } from '../../routes/edition-page.ts';
import { sitemapEntries } from '../../routes/sitemap.ts';
import { approve, computeDraft, createEdition, importMicrodata, submitForReview } from '../../services/editions.ts';
import { isHidden, type CellStatus } from '../../services/disclosure.ts';
import { RESOURCES, type ResourceName } from '../../services/datapackage.ts';
import { TABLE_FIELDS, type Field } from '../../services/exports.ts';
import type { Mapping } from '../../services/microdata.ts';
import { syntheticRespondents } from '../../services/synthetic.ts';
import { VARIABLES } from '../../services/variables.ts';

// The open data of released versions, through the procedures, the API route functions (as the app's
// shims call them), the edition page and the sitemap: formats, data package, citations, embargo,
// immutability, disclosure control. Editions are built from synthetic microdata in which one commune
// (Saint-Gilles, 21013) has only 14 respondents, so that its cells are suppressed, and the crossing
// commune × age band has many small cells.

const ORIGIN = 'http://passerelle.test';
const SMALL_COMMUNE = '21013';
const cols = ['weight', 'stratum', 'psu', ...VARIABLES.map((v) => v.id)];
const mapping: Mapping = { weight: 'weight', stratum: 'stratum', psu: 'psu', variables: Object.fromEntries(VARIABLES.map((v) => [v.id, v.id])) };

function microdataCsv(seed: number) {
  const lines = [cols.join(',')];
  let small = 0;
  for (const r of syntheticRespondents({ year: 2023, respondents: 2400, seed })) {
    if (r.commune === SMALL_COMMUNE && ++small > 14) continue;
    lines.push(cols.map((c) => r[c] ?? '').join(','));
  }
  return new TextEncoder().encode(lines.join('\n'));
}

const noMail = async () => {
  throw new Error('no mail expected');
};

/** A request to a route function, as SvelteKit would make it (anonymous visitor). */
function event<P extends Record<string, string>>(db: Db, path: string, params: P, opts: { locale?: string; enabled?: boolean } = {}) {
  const url = new URL(ORIGIN + path);
  const ctx = pluginTestContext({ db, actor: null, manifest: barometerManifest, sendMail: noMail, locale: opts.locale ?? 'en', ...(opts.enabled === undefined ? {} : { enabled: opts.enabled }) });
  return { locals: { ctx }, url, params, request: new Request(url), setHeaders: () => {}, cookies: { get: () => undefined, set: () => {}, delete: () => {} } };
}

/** The API's URL patterns -> route functions (what the app's shims under /api/barometer/v1 do). */
async function get(db: Db, pathAndQuery: string, opts: { locale?: string; enabled?: boolean } = {}): Promise<Response> {
  const path = new URL(ORIGIN + pathAndQuery).pathname;
  let m: RegExpExecArray | null;
  if (path === '/api/barometer/v1/editions') return api.editions(event(db, pathAndQuery, {}, opts));
  if ((m = /^\/api\/barometer\/v1\/editions\/([^/]+)$/.exec(path))) return api.edition(event(db, pathAndQuery, { year: m[1]! }, opts));
  if ((m = /^\/api\/barometer\/v1\/editions\/([^/]+)\/datapackage\.json$/.exec(path))) return api.datapackage(event(db, pathAndQuery, { year: m[1]! }, opts));
  if ((m = /^\/api\/barometer\/v1\/editions\/([^/]+)\/indicators\/([^/]+)$/.exec(path))) return api.indicatorFile(event(db, pathAndQuery, { year: m[1]!, file: decodeURIComponent(m[2]!) }, opts));
  if ((m = /^\/api\/barometer\/v1\/editions\/([^/]+)\/versions\/([^/]+)\/([^/]+)$/.exec(path))) return api.versionFile(event(db, pathAndQuery, { year: m[1]!, number: m[2]!, file: m[3]! }, opts));
  return new Response('no such route', { status: 404 });
}

const text = async (r: Response) => {
  expect(r.status, await r.clone().text()).toBe(200);
  return r.text();
};
const csvRecords = (body: string) => parse(body, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
const csvHeader = (body: string) => body.split('\n')[0]!.split(',');

async function expectNotFound(r: Response, message = 'This data does not exist, or it is not published yet.') {
  expect(r.status).toBe(404);
  expect(r.headers.get('cache-control')).toBe('no-store');
  expect(((await r.json()) as { message: string }).message).toBe(message);
}

/** Checks one value against a field of a table schema (what frictionless would check). */
function checkValue(f: Pick<Field, 'name' | 'type' | 'constraints'>, raw: string) {
  if (raw === '') {
    expect(f.constraints?.required ?? false, `${f.name} is required`).toBe(false);
    return;
  }
  let v: number | string | boolean = raw;
  if (f.type === 'integer') expect(raw, f.name).toMatch(/^-?\d+$/);
  if (f.type === 'number') expect(Number.isFinite(Number(raw)), `${f.name}=${raw}`).toBe(true);
  if (f.type === 'boolean') expect(['TRUE', 'FALSE']).toContain(raw);
  if (f.type === 'integer' || f.type === 'number') v = Number(raw);
  if (f.constraints?.minimum !== undefined) expect(v as number).toBeGreaterThanOrEqual(f.constraints.minimum);
  if (f.constraints?.maximum !== undefined) expect(v as number).toBeLessThanOrEqual(f.constraints.maximum);
  if (f.constraints?.enum) expect(f.constraints.enum).toContain(raw);
  if (f.constraints?.pattern) expect(raw).toMatch(new RegExp(`^(?:${f.constraints.pattern})$`));
}

describeEachDb('barometer open data', ({ getDb }) => {
  let ana: Actor;
  let ben: Actor;
  let nextYear = 2101;
  const year = () => (nextYear -= 1);

  beforeAll(async () => {
    const db = getDb();
    ana = await createTestActor(db, { roles: ['staff'] });
    ben = await createTestActor(db, { roles: ['staff'] });
  });

  /** An edition computed from the microdata, submitted by Ana, approved by Ben with this release time. */
  async function edition(db: Db, y: number, releaseAt: Date, opts: { crossings?: string[]; seed?: number } = {}) {
    const e = await createEdition({ db, actor: ana, year: y, crossings: opts.crossings ?? [], synthetic: true });
    const imported = await importMicrodata({ db, actor: ana, editionId: e.id, upload: microdataCsv(opts.seed ?? y), mapping, fileName: `synthetic-${y}.csv` });
    expect(imported.stored).toBe(true);
    const draft = await computeDraft({ db, actor: ana, editionId: e.id });
    await submitForReview({ db, actor: ana, versionId: draft.versionId });
    await approve({ db, actor: ben, versionId: draft.versionId, releaseAt });
    return { editionId: e.id, versionId: draft.versionId };
  }

  async function correct(db: Db, editionId: string, releaseAt: Date) {
    const v = await computeDraft({ db, actor: ana, editionId, correctionNote: { fr: 'Pondération revue.', nl: 'Weging herzien.', en: 'Weighting revised.' } });
    await submitForReview({ db, actor: ana, versionId: v.versionId });
    await approve({ db, actor: ben, versionId: v.versionId, releaseAt });
    return v;
  }

  it('tables as CSV, XLSX and JSON with documented fields and citations; no figure of a hidden cell in any format', async () => {
    const db = getDb();
    const y = year();
    const { versionId } = await edition(db, y, new Date(Date.now() - 1000), { crossings: ['commune×age_band'] });
    const all = await db.barometerEstimate.findMany({ where: { versionId } });
    const hidden = all.filter((r) => r.n > 0 && isHidden(r.status as CellStatus));
    expect(hidden.some((r) => r.breakdown === 'commune' && r.level === SMALL_COMMUNE)).toBe(true);
    expect(hidden.some((r) => r.breakdown === 'commune' && r.status === 'suppressed_secondary')).toBe(true);
    expect(hidden.some((r) => r.breakdown === 'commune×age_band')).toBe(true);
    // The figures of hidden cells, written as the exports write numbers: none may appear in an export
    // (unless the very same number is a shown figure of that table, e.g. two cells whose only "yes"
    // respondents have equal weights).
    type EstimateRow = (typeof all)[number];
    const figures = (rows: EstimateRow[]) => rows.flatMap((r) => [r.n, r.proportion, r.se, r.ciLow, r.ciHigh, r.total, r.seTotal]).filter((x): x is number => x !== null).map(String);
    const secretsOf = (rows: EstimateRow[]) => {
      const shown = new Set(figures(rows.filter((r) => !isHidden(r.status as CellStatus))));
      return new Set(figures(rows.filter((r) => r.n > 0 && isHidden(r.status as CellStatus))).filter((x) => x.length >= 6 && !shown.has(x)));
    };
    expect(secretsOf(all).size).toBeGreaterThan(50);
    const noSecret = (body: string, secrets: Set<string>, what: string) => {
      for (const token of body.split(/[,\n\r":[\]{}\s]+/)) if (secrets.has(token)) throw new Error(`${what} contains the hidden figure ${token}`);
    };
    noSecret(await text(await get(db, `/api/barometer/v1/editions/${y}/versions/1/estimates.csv`)), secretsOf(all), 'estimates.csv');

    // The edition and its citation.
    const ed = await callerFor(db, null).data.edition({ year: y });
    expect(ed.versions.map((v) => v.number)).toEqual([1]);
    const day = ed.versions[0]!.releaseDate;
    expect(ed.versions[0]!.citations.en).toBe(`Brussels-Capital Region, Digital inclusion barometer ${y}, version 1 (released ${day}). ${ORIGIN}/en/barometer/editions/${y}?version=1 [Synthetic demo data, not real survey results.]`);
    expect(ed.versions[0]!.citations.fr).toContain(`Région de Bruxelles-Capitale, Baromètre de l'inclusion numérique ${y}, version 1 (publiée le ${day}). ${ORIGIN}/fr/barometer/editions/${y}?version=1`);
    expect(ed.versions[0]!.citations.nl).toContain(`Barometer digitale inclusie ${y}, versie 1 (gepubliceerd op ${day}). ${ORIGIN}/nl/barometer/editions/${y}?version=1`);
    expect(ed.breakdowns).toEqual(['overall', 'commune', 'age_band', 'gender', 'education', 'income_band', 'commune×age_band']);
    expect(ed.indicators).toHaveLength(18);

    // Every table of the version as CSV; as JSON those by commune (with the crossing), as XLSX those of a few indicators.
    const XLSX_CHECKED = ['non_users', 'skills_low', 'digitally_vulnerable', 'admin_help'];
    let xlsxChecked = 0;
    for (const { id } of ed.indicators) {
      for (const by of ed.breakdowns) {
        const q = `?by=${encodeURIComponent(by)}`;
        const csvR = await get(db, `/api/barometer/v1/editions/${y}/indicators/${id}.csv${q}`);
        expect(csvR.headers.get('access-control-allow-origin')).toBe('*');
        expect(csvR.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
        const csv = await text(csvR);
        expect(csvHeader(csv)).toEqual(TABLE_FIELDS.map((f) => f.name));
        const rows = csvRecords(csv);
        const inTable = all.filter((r) => r.indicatorId === id && r.breakdown === by);
        const secrets = secretsOf(inTable);
        expect(rows.length).toBe(inTable.length);
        for (const row of rows) {
          for (const f of TABLE_FIELDS) checkValue(f, row[f.name]!);
          const truth = all.find((r) => r.indicatorId === id && r.breakdown === by && r.level === row.level)!;
          expect(row.status).toBe(truth.status);
          if (isHidden(truth.status as CellStatus)) expect([row.n, row.proportion, row.se, row.ci_low, row.ci_high, row.persons, row.se_persons].join('')).toBe('');
          else {
            expect(Number(row.n)).toBe(truth.n);
            expect(Number(row.proportion)).toBe(truth.proportion);
          }
        }
        noSecret(csv, secrets, `${id}.csv by ${by}`);
        if (by !== 'overall' && by !== 'commune' && by !== 'commune×age_band') continue;
        const jsonBody = await text(await get(db, `/api/barometer/v1/editions/${y}/indicators/${id}.json${q}`));
        noSecret(jsonBody, secrets, `${id}.json by ${by}`);
        const j = JSON.parse(jsonBody) as { rows: Record<string, unknown>[]; fields: { name: string; description: string }[]; citation: string; syntheticLabel: string };
        expect(j.fields.map((f) => f.name)).toEqual(TABLE_FIELDS.map((f) => f.name));
        expect(j.rows.length).toBe(rows.length);
        expect(j.citation).toBe(ed.versions[0]!.citation);
        expect(j.syntheticLabel).toMatch(/SYNTHETIC/);
        for (const r of j.rows) if (isHidden(r.status as CellStatus)) expect([r.n, r.proportion, r.se, r.ci_low, r.ci_high, r.persons, r.se_persons]).toEqual([null, null, null, null, null, null, null]);
        if (XLSX_CHECKED.includes(id) && (by === 'commune' || by === 'commune×age_band' || by === 'overall')) {
          const x = await get(db, `/api/barometer/v1/editions/${y}/indicators/${id}.xlsx${q}&lang=fr`);
          expect(x.headers.get('content-type')).toContain('spreadsheetml');
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(await x.arrayBuffer());
          expect(wb.worksheets.map((s) => s.name)).toEqual(['À propos', 'data', 'Colonnes']);
          const cells: string[] = [];
          wb.worksheets.forEach((s) => s.eachRow((r) => r.eachCell((c) => void cells.push(String(c.value)))));
          noSecret(cells.join('\n'), secrets, `${id}.xlsx by ${by}`);
          const sheet = wb.getWorksheet('data')!;
          expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(TABLE_FIELDS.map((f) => f.name));
          expect(sheet.rowCount).toBe(rows.length + 1);
          expect(cells.join('\n')).toContain('DONNÉES DE DÉMONSTRATION SYNTHÉTIQUES');
          xlsxChecked++;
        }
      }
    }
    expect(xlsxChecked).toBe(XLSX_CHECKED.length * 3);

    // Level names in the reader's language, and the small commune hidden.
    const nl = csvRecords(await text(await get(db, `/api/barometer/v1/editions/${y}/indicators/non_users.csv?by=commune&lang=nl`)));
    expect(nl.find((r) => r.level === SMALL_COMMUNE)).toMatchObject({ level_label: 'Sint-Gillis', status: 'suppressed', n: '', proportion: '' });

    // Unknown year, indicator, breakdown, version, format: 404, translated, never cached.
    await expectNotFound(await get(db, `/api/barometer/v1/editions/1999/indicators/non_users.csv`));
    await expectNotFound(await get(db, `/api/barometer/v1/editions/${y}/indicators/nothing_here.csv`));
    await expectNotFound(await get(db, `/api/barometer/v1/editions/${y}/indicators/non_users.csv?by=gender×income_band`));
    await expectNotFound(await get(db, `/api/barometer/v1/editions/${y}/indicators/non_users.csv?version=2`));
    await expectNotFound(await get(db, `/api/barometer/v1/editions/${y}/indicators/non_users.pdf`));
    await expectNotFound(await get(db, `/api/barometer/v1/editions/${y}/versions/1/microdata.csv`));
    await expectNotFound(await get(db, `/api/barometer/v1/editions/1999/datapackage.json?lang=nl`), 'Deze gegevens bestaan niet, of ze zijn nog niet gepubliceerd.');
    // Switched off: the API answers 404 too.
    expect((await get(db, `/api/barometer/v1/editions/${y}`, { enabled: false })).status).toBe(404);
  }, 180_000);

  it('a Frictionless data package per version, whose resources are served at its stable addresses and match their schemas', async () => {
    const db = getDb();
    const y = year();
    const { versionId } = await edition(db, y, new Date(Date.now() - 1000));
    const dpR = await get(db, `/api/barometer/v1/editions/${y}/datapackage.json`);
    expect(dpR.headers.get('access-control-allow-origin')).toBe('*');
    const dp = (await dpR.json()) as { profile: string; version: string; created: string; licenses: unknown[]; sources: unknown[]; title: string; barometer: { synthetic: boolean; syntheticLabel: string; citation: string; releaseDate: string }; resources: { name: string; path: string; profile: string; format: string; schema: { fields: Field[]; primaryKey: string[] } }[] };
    expect(dp).toMatchObject({ profile: 'tabular-data-package', version: '1', licenses: [{ name: 'CC-BY-4.0' }], barometer: { synthetic: true } });
    expect(dp.title).toMatch(/SYNTHETIC/);
    expect(dp.sources.length).toBeGreaterThan(0);
    expect(new Date(dp.created).getTime()).toBeLessThan(Date.now());
    expect(dp.resources.map((r) => r.name)).toEqual(['estimates', 'indicators', 'levels']);
    const versioned = (await (await get(db, `/api/barometer/v1/editions/${y}/versions/1/datapackage.json`)).json()) as typeof dp;
    expect(versioned).toEqual(dp);
    const total = await db.barometerEstimate.count({ where: { versionId } });
    for (const res of dp.resources) {
      expect(res).toMatchObject({ profile: 'tabular-data-resource', format: 'csv' });
      expect(res.path).toBe(`${ORIGIN}/api/barometer/v1/editions/${y}/versions/1/${res.name}.csv`);
      const r = await get(db, res.path.slice(ORIGIN.length));
      expect(r.headers.get('cache-control')).toBe('public, max-age=86400');
      const body = await text(r);
      expect(csvHeader(body)).toEqual(res.schema.fields.map((f) => f.name));
      expect(res.schema.fields.map((f) => f.name)).toEqual(RESOURCES[res.name as ResourceName].fields.map((f) => f.name));
      for (const f of res.schema.fields) expect((f as Field & { description: string }).description.length).toBeGreaterThan(5);
      const rows = csvRecords(body);
      const keys = new Set<string>();
      for (const row of rows) {
        for (const f of res.schema.fields) checkValue(f, row[f.name]!);
        const key = res.schema.primaryKey.map((k) => row[k]).join('|');
        expect(keys.has(key), `duplicate key ${key}`).toBe(false);
        keys.add(key);
      }
      if (res.name === 'estimates') {
        expect(rows.length).toBe(total);
        for (const row of rows) if (isHidden(row.status as CellStatus)) expect([row.proportion, row.n, row.ci_low, row.persons].join("")).toBe("");
      }
      if (res.name === 'indicators') expect(rows.map((x) => x.indicator)).toContain('digitally_vulnerable');
      if (res.name === 'levels') expect(rows.find((x) => x.breakdown === 'commune' && x.level === '21004')).toMatchObject({ label_fr: 'Bruxelles', label_nl: 'Brussel', label_en: 'City of Brussels' });
    }
    // Microdata never leaves the server: no answer holds a PSU or stratum code of the file, nor a weight.
    for (const path of [`/api/barometer/v1/editions/${y}`, `/api/barometer/v1/editions/${y}/datapackage.json`, ...dp.resources.map((r) => r.path.slice(ORIGIN.length))]) {
      const body = await text(await get(db, path));
      expect(body).not.toMatch(/\b210\d\d-\d\d\b/);
      expect(body).not.toMatch(/"weight"|,weight,/);
    }
    // Only the staff's upload page names microdata (it takes a file in, never gives one out); no other route does.
    expect(barometerManifest.routes.filter((r) => /microdata/.test(r))).toEqual(['/barometer/manage/[year]/microdata']);
  });

  it('embargo: before the release time nothing of the version shows anywhere, at the release time everything does; released versions are immutable and a correction is a new version', async () => {
    const db = getDb();
    const corrected = year();
    const fresh = year();
    // "corrected": version 1 released; "fresh": a first version, embargoed.
    const v1 = await edition(db, corrected, new Date(Date.now() - 60_000));
    const before1 = await text(await get(db, `/api/barometer/v1/editions/${corrected}/versions/1/estimates.csv`));
    const releaseAt = new Date(Date.now() + 4000);
    await edition(db, fresh, releaseAt, { seed: 7 });
    const v2 = await correct(db, v1.editionId, releaseAt);
    expect(v2.number).toBe(2);

    const anon = callerFor(db, null);
    // Before: the fresh edition is absent; the corrected one shows version 1 only.
    expect((await anon.published.editions()).map((e) => e.year)).not.toContain(fresh);
    expect((await anon.published.editions()).find((e) => e.year === corrected)?.number).toBe(1);
    await expect(anon.data.edition({ year: fresh })).rejects.toBeInstanceOf(TRPCError);
    await expect(anon.data.versions({ year: fresh })).resolves.toEqual([]);
    expect((await anon.data.edition({ year: corrected })).versions.map((v) => v.number)).toEqual([1]);
    await expect(anon.data.table({ year: fresh, indicatorId: 'non_users' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(anon.data.table({ year: corrected, indicatorId: 'non_users', version: 2 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(anon.data.datapackage({ year: fresh })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(anon.data.resource({ year: corrected, version: 2, name: 'estimates' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await anon.data.datapackage({ year: corrected })).version).toBe('1');
    for (const path of [
      `/api/barometer/v1/editions/${fresh}`,
      `/api/barometer/v1/editions/${fresh}/datapackage.json`,
      `/api/barometer/v1/editions/${fresh}/indicators/non_users.csv`,
      `/api/barometer/v1/editions/${fresh}/indicators/non_users.json?by=commune`,
      `/api/barometer/v1/editions/${fresh}/indicators/non_users.xlsx`,
      `/api/barometer/v1/editions/${fresh}/versions/1/estimates.csv`,
      `/api/barometer/v1/editions/${corrected}/datapackage.json?version=2`,
      `/api/barometer/v1/editions/${corrected}/versions/2/datapackage.json`,
      `/api/barometer/v1/editions/${corrected}/versions/2/estimates.csv`,
      `/api/barometer/v1/editions/${corrected}/indicators/non_users.csv?version=2`
    ])
      await expectNotFound(await get(db, path));
    const list = (await (await get(db, '/api/barometer/v1/editions')).json()) as { year: number; number: number }[];
    expect(list.map((e) => e.year)).not.toContain(fresh);
    expect(JSON.parse(await text(await get(db, `/api/barometer/v1/editions/${corrected}`))).latest).toBe(1);
    let map = await sitemapEntries(event(db, '/sitemap.xml', {}));
    expect(map.map((e) => e.path)).not.toContain(`/barometer/editions/${fresh}`);
    expect(map.map((e) => e.path).filter((p) => p.endsWith(`=${fresh}`))).toEqual([]);
    expect(map.map((e) => e.path)).toContain(`/barometer/editions/${corrected}`);
    expect(map.map((e) => e.path)).toContain(`/barometer/indicators/non_users?year=${corrected}`);
    await expect(editionPage(event(db, `/en/barometer/editions/${fresh}`, { year: String(fresh) }))).rejects.toMatchObject({ status: 404 });
    await expect(editionPage(event(db, `/en/barometer/editions/${corrected}?version=2`, { year: String(corrected) }))).rejects.toMatchObject({ status: 404 });
    expect((await editionPage(event(db, `/en/barometer/editions/${corrected}`, { year: String(corrected) }))).selected.number).toBe(1);

    // Released versions are immutable: the database refuses any change.
    await expect(db.barometerEstimate.updateMany({ where: { versionId: v1.versionId }, data: { proportion: 0.5 } })).rejects.toThrow();
    await expect(db.barometerEstimate.deleteMany({ where: { versionId: v1.versionId } })).rejects.toThrow();
    await expect(db.barometerVersion.update({ where: { id: v1.versionId }, data: { releaseAt: new Date(Date.now() + 86_400_000) } })).rejects.toThrow();
    await expect(db.barometerVersion.delete({ where: { id: v1.versionId } })).rejects.toThrow();

    // At the release time: everything shows.
    await new Promise((r) => setTimeout(r, Math.max(0, releaseAt.getTime() - Date.now() + 50)));
    expect((await anon.published.editions()).map((e) => [e.year, e.number])).toEqual(expect.arrayContaining([[fresh, 1], [corrected, 2]]));
    const ed = await anon.data.edition({ year: corrected, lang: 'nl' });
    expect(ed.versions.map((v) => [v.number, v.correctionNote?.nl ?? null])).toEqual([[2, 'Weging herzien.'], [1, null]]);
    expect(ed.versions[1]!.citation).toContain(`versie 1 (gepubliceerd op ${ed.versions[1]!.releaseDate})`);
    for (const path of [
      `/api/barometer/v1/editions/${fresh}`,
      `/api/barometer/v1/editions/${fresh}/datapackage.json`,
      `/api/barometer/v1/editions/${fresh}/indicators/non_users.csv`,
      `/api/barometer/v1/editions/${fresh}/indicators/non_users.xlsx`,
      `/api/barometer/v1/editions/${fresh}/versions/1/estimates.csv`,
      `/api/barometer/v1/editions/${corrected}/datapackage.json?version=2`,
      `/api/barometer/v1/editions/${corrected}/versions/2/estimates.csv`
    ]) {
      const r = await get(db, path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('access-control-allow-origin')).toBe('*');
      expect(r.headers.get('cache-control')).toMatch(/^public/);
    }
    expect(((await (await get(db, `/api/barometer/v1/editions/${corrected}/datapackage.json`)).json()) as { version: string; barometer: { correctionNote: string } })).toMatchObject({ version: '2', barometer: { correctionNote: 'Weighting revised.' } });
    map = await sitemapEntries(event(db, '/sitemap.xml', {}));
    expect(map.map((e) => e.path)).toEqual(expect.arrayContaining([`/barometer/editions/${fresh}`, `/barometer/indicators/digitally_vulnerable?year=${fresh}`]));
    const page = await editionPage(event(db, `/fr/barometer/editions/${corrected}?version=1`, { year: String(corrected) }, { locale: 'fr' }));
    expect(page.selected.number).toBe(1);
    expect(page.edition.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(page.files.estimates).toBe(`/api/barometer/v1/editions/${corrected}/versions/1/estimates.csv`);

    // The old version is unchanged and still reachable with ?version=1.
    expect(await text(await get(db, `/api/barometer/v1/editions/${corrected}/versions/1/estimates.csv`))).toBe(before1);
    const old = csvRecords(await text(await get(db, `/api/barometer/v1/editions/${corrected}/indicators/non_users.csv?version=1`)));
    expect(old.every((r) => r.version === '1')).toBe(true);
    expect(csvRecords(await text(await get(db, `/api/barometer/v1/editions/${corrected}/indicators/non_users.csv`))).every((r) => r.version === '2')).toBe(true);

    // The edition page's download form (no JavaScript) sends the browser on to the file.
    await expect(editionPage(event(db, `/fr/barometer/editions/${corrected}?version=1&indicator=non_users&by=commune&format=xlsx`, { year: String(corrected) }, { locale: 'fr' }))).rejects.toMatchObject({
      status: 303,
      location: `/api/barometer/v1/editions/${corrected}/indicators/non_users.xlsx?by=commune&version=1&lang=fr`
    });
  });

  describeApp(getDb);
});

/** The Python example of docs/barometer.md (standard library only), run against the API over HTTP. */
function describeApp(getDb: () => Db) {
  let server: ReturnType<typeof createServer> | undefined;
  afterAll(() => server?.close());

  it('the documented Python (urllib + csv) example works against the API', async () => {
    const db = getDb();
    const py = spawnSync('python3', ['--version']);
    if (py.status !== 0) throw new Error('python3 is needed for this test');
    server = createServer((req, res) => {
      get(db, req.url ?? '/').then(
        async (r) => {
          res.writeHead(r.status, Object.fromEntries(r.headers));
          res.end(Buffer.from(await r.arrayBuffer()));
        },
        (e: unknown) => {
          res.writeHead(500);
          res.end(String(e));
        }
      );
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/barometer/v1`;
    const doc = readFileSync(new URL('../../../../../docs/barometer.md', import.meta.url), 'utf8');
    const snippet = /<!-- python-urllib-example -->\n```python\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(snippet).toBeTruthy();
    const code = snippet!.replace('https://passerelle.example/api/barometer/v1', base);
    expect(code).toContain(base);
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const p = spawn('python3', ['-c', code]);
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (d: Buffer) => (stdout += d));
      p.stderr.on('data', (d: Buffer) => (stderr += d));
      p.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const editions = (await (await get(db, '/api/barometer/v1/editions')).json()) as { year: number }[];
    const last = editions.at(-1)!.year;
    expect(run.stdout).toContain(`Digital inclusion barometer ${last}, version`);
    expect(run.stdout).toMatch(/21013 hidden \(too few respondents\)/);
    expect(run.stdout).toMatch(/21001 \d+\.\d%/);
  });
}
