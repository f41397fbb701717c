import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { registerTasks, runTask, taskFile } from '@passerelle/jobs';
import { sqlOf } from '@passerelle/db';
import { receiveFile } from '@passerelle/plugin-sdk/server';
import { multipartRequest, type TestPart } from '@passerelle/plugin-sdk/testing';
import { MICRODATA_MAX_BYTES } from '../../services/microdata.ts';
import type { Db } from '@passerelle/db';
import { callerFor, createTestActor } from '../../test-support.ts';
import { syntheticRespondents } from '../../services/synthetic.ts';
import { VARIABLES } from '../../services/variables.ts';
import { barometerTasks } from '../tasks.ts';

registerTasks(barometerTasks as never[]);

const enc = (s: string) => new TextEncoder().encode(s);
const cols = ['weight', 'stratum', 'psu', ...VARIABLES.map((v) => v.id)];
function microdataCsv(respondents = 1500, delimiter = ',') {
  const lines = [cols.join(delimiter)];
  for (const r of syntheticRespondents({ year: 2019, respondents, seed: 11 })) lines.push(cols.map((c) => (r[c] === null || r[c] === undefined ? '' : delimiter === ';' && c === 'weight' ? String(r[c]).replace('.', ',') : String(r[c]))).join(delimiter));
  return lines.join('\n') + '\n';
}
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: 'ok', messageKey: '' }),
    (e: { code?: string; cause?: { messageKey?: string } }) => ({ code: e.code ?? String(e), messageKey: e.cause?.messageKey ?? '' })
  );
const T = { minN: 20, reliableN: 50 };

async function people(db: Db) {
  const ana = await createTestActor(db, { roles: ['staff'], displayName: 'Ana Staff' });
  const ben = await createTestActor(db, { roles: ['admin'], displayName: 'Ben Admin' });
  const citizen = await createTestActor(db);
  const researcher = await createTestActor(db, { roles: ['researcher'] });
  return { ana, ben, citizen, researcher, as: (a: typeof ana | null) => callerFor(db, a) };
}

/** Upload → header → check → import, each step a task run here (no queue in unit tests). */
async function importFile(db: Db, caller: ReturnType<typeof callerFor>, editionId: string, text: string | Uint8Array, fileName = 'microdata.csv') {
  const header = await caller.edition.startImport({ step: 'header', editionId, file: typeof text === 'string' ? enc(text) : text, fileName });
  await runTask({ db, taskId: header.id });
  const h = await caller.edition.importTask({ id: header.id });
  if (!h.result?.suggested || h.result.problem) return { header: h, check: null, run: null };
  const check = await caller.edition.startImport({ step: 'check', editionId, fromTask: header.id, mapping: h.result.suggested as never });
  await runTask({ db, taskId: check.id });
  const c = await caller.edition.importTask({ id: check.id });
  if (!c.result?.valid) return { header: h, check: c, run: null };
  const run = await caller.edition.startImport({ step: 'import', editionId, fromTask: check.id, mapping: h.result.suggested as never });
  await runTask({ db, taskId: run.id });
  return { header: h, check: c, run: await caller.edition.importTask({ id: run.id }) };
}

describeEachDb('barometer staff procedures', ({ getDb }) => {
  it('prepare, import (header, check, import as tasks), compute, submit, four-eyes review, release; only staff see drafts', async () => {
    const db = getDb();
    const { ana, ben, citizen, researcher, as } = await people(db);
    for (const who of [citizen, researcher, null]) {
      expect((await refusal(as(who).edition.create({ year: 2019, thresholds: T }))).code).toBe(who ? 'FORBIDDEN' : 'UNAUTHORIZED');
      expect((await refusal(as(who).edition.list())).code).toBe(who ? 'FORBIDDEN' : 'UNAUTHORIZED');
      expect((await refusal(as(who).review.queue())).code).toBe(who ? 'FORBIDDEN' : 'UNAUTHORIZED');
    }
    // Thresholds never below 10 and 30; crossings of two different breakdowns.
    expect((await refusal(as(ana).edition.create({ year: 2019, thresholds: { minN: 9, reliableN: 50 } }))).code).toBe('BAD_REQUEST');
    expect((await refusal(as(ana).edition.create({ year: 2019, thresholds: { minN: 20, reliableN: 29 } }))).code).toBe('BAD_REQUEST');
    expect((await refusal(as(ana).edition.create({ year: 2019, thresholds: T, crossings: ['commune×commune'] }))).messageKey).toBe('barometer_error_crossing');
    expect(await db.barometerEdition.count()).toBe(0);
    const created = await as(ana).edition.create({ year: 2019, thresholds: { minN: 10, reliableN: 30 }, crossings: ['commune×gender'] });
    expect((await refusal(as(ana).edition.create({ year: 2019, thresholds: T }))).messageKey).toBe('barometer_error_edition_exists');
    expect((await as(ana).edition.list()).map((e) => e.year)).toEqual([2019]);

    // Settings: thresholds and crossings.
    await as(ana).edition.update({ editionId: created.id, thresholds: T, crossings: ['commune×gender', 'age_band×education'] });
    expect(await db.barometerEdition.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ minN: 20, reliableN: 50, crossings: ['commune×gender', 'age_band×education'] });

    // Import: the header step suggests the mapping; the check reports and stores nothing; the import stores.
    const { header, check, run } = await importFile(db, as(ana), created.id, '\uFEFF' + microdataCsv(500, ';'), 'enquete-2019.csv');
    expect(header.result).toMatchObject({ step: 'header', delimiter: ';', suggested: { weight: 'weight', stratum: 'stratum', psu: 'psu' } });
    expect(header.result!.columns).toEqual(cols);
    expect(check!.result).toMatchObject({ step: 'check', valid: true, report: { issueCount: 0 } });
    const lines = microdataCsv(500).trim().split('\n').length - 1;
    expect(check!.result!.report!.rows).toBe(lines);
    expect(check!.done).toBe(lines);
    expect(run!.result).toMatchObject({ step: 'import', stored: true });
    expect(run!.result!.respondents).toBe(lines);
    // Another person cannot read the task nor reuse its stored file.
    expect((await refusal(as(ben).edition.importTask({ id: run!.id }))).code).toBe('FORBIDDEN');
    expect((await refusal(as(ben).edition.startImport({ step: 'check', editionId: created.id, fromTask: header.id, mapping: { weight: 'weight', variables: {} } }))).code).toBe('NOT_FOUND');

    // Staff preview: the draft with statuses; nobody else.
    expect((await refusal(as(ana).edition.submit({ versionId: 'nope' }))).code).toBe('NOT_FOUND');
    const draft = await as(ana).edition.compute({ editionId: created.id });
    expect(draft.number).toBe(1);
    const view = await as(ana).edition.get({ year: 2019, breakdown: 'commune' });
    expect(view.microdata).toMatchObject({ fileName: 'enquete-2019.csv', importedBy: 'Ana Staff' });
    expect(view.preview).toMatchObject({ number: 1, status: 'draft', breakdown: 'commune' });
    expect(view.preview!.breakdowns.slice(0, 2)).toEqual(['overall', 'commune']);
    expect(view.preview!.breakdowns).toContain('age_band×education');
    expect(view.preview!.estimates.length).toBe(19 * view.preview!.estimates.filter((e) => e.level === '21001').length);
    expect(view.preview!.estimates.every((e) => ['shown', 'low_reliability', 'suppressed', 'suppressed_secondary', 'empty'].includes(e.status))).toBe(true);
    // The preview counts every status of the version (here: small cells of the crossings flagged).
    expect(view.preview!.statusCounts.low_reliability).toBeGreaterThan(0);
    expect(view.preview!.statusCounts.shown).toBeGreaterThan(0);
    for (const who of [citizen, researcher]) expect((await refusal(as(who).edition.get({ year: 2019 }))).code).toBe('FORBIDDEN');
    expect((await refusal(as(null).edition.get({ year: 2019 }))).code).toBe('UNAUTHORIZED');

    // New thresholds change the draft's statuses at once.
    const hiddenBefore = await db.barometerEstimate.count({ where: { versionId: draft.versionId, status: { in: ['suppressed', 'suppressed_secondary'] } } });
    await as(ana).edition.update({ editionId: created.id, thresholds: { minN: 40, reliableN: 80 }, crossings: ['commune×gender', 'age_band×education'] });
    expect(await db.barometerEstimate.count({ where: { versionId: draft.versionId, status: { in: ['suppressed', 'suppressed_secondary'] } } })).toBeGreaterThan(hiddenBefore);
    expect(await db.barometerEstimate.count({ where: { versionId: draft.versionId, status: { in: ['shown', 'low_reliability'] }, n: { lt: 40 } } })).toBe(0);

    await as(ana).edition.submit({ versionId: draft.versionId });
    // While in review, the settings are locked.
    expect((await refusal(as(ana).edition.update({ editionId: created.id, thresholds: T, crossings: [] }))).messageKey).toBe('barometer_error_in_review');
    const queue = await as(ben).review.queue();
    expect(queue).toEqual([expect.objectContaining({ versionId: draft.versionId, year: 2019, number: 1, preparedBy: 'Ana Staff', submittedBy: 'Ana Staff', ownVersion: false })]);
    expect((await as(ana).review.queue())[0]!.ownVersion).toBe(true);

    // Four eyes: Ana cannot approve her own version; the reviewer can send it back with a reason.
    const own = await refusal(as(ana).review.approve({ versionId: draft.versionId, releaseAt: new Date() }));
    expect(own).toEqual({ code: 'FORBIDDEN', messageKey: 'barometer_error_four_eyes' });
    for (const who of [citizen, researcher]) expect((await refusal(as(who).review.approve({ versionId: draft.versionId, releaseAt: new Date() }))).code).toBe('FORBIDDEN');
    await as(ben).review.sendBack({ versionId: draft.versionId, reason: 'Vérifier les poids de Molenbeek.' });
    expect((await db.barometerVersion.findUniqueOrThrow({ where: { id: draft.versionId } })).status).toBe('draft');
    expect((await db.auditLog.findFirstOrThrow({ where: { action: 'barometer.version.send-back', targetId: draft.versionId } })).data).toMatchObject({ reason: 'Vérifier les poids de Molenbeek.' });
    expect((await refusal(as(ben).review.approve({ versionId: draft.versionId, releaseAt: new Date() }))).messageKey).toBe('barometer_error_not_in_review');

    await as(ana).edition.submit({ versionId: draft.versionId });
    const releaseAt = new Date(Date.now() + 3_600_000);
    await as(ben).review.approve({ versionId: draft.versionId, releaseAt });
    const approved = await as(ana).edition.get({ year: 2019 });
    expect(approved.versions[0]).toMatchObject({ status: 'approved', released: false, preparedBy: 'Ana Staff', reviewedBy: 'Ben Admin' });
    expect(approved.versions[0]!.releaseAt).toEqual(releaseAt);
    expect(await as(ana).review.queue()).toEqual([]);
    // Still under embargo: a correction cannot be computed without a note once it is released, and the
    // version itself stays as approved.
    expect(await db.auditLog.count({ where: { action: { startsWith: 'barometer.' }, actorId: { in: [ana.id, ben.id] } } })).toBeGreaterThanOrEqual(8);
  });

  it('bad files give a clear report and store nothing: malformed CSV, wrong delimiter, negative weights, unknown communes, not UTF-8', async () => {
    const db = getDb();
    const { ana, as } = await people(db);
    const e = await as(ana).edition.create({ year: 2018, thresholds: T });
    const cases: [string, string | Uint8Array, string[]][] = [
      ['malformed', 'weight,commune\n1,21001\n1,"21002\n', ['barometer_error_csv_malformed']],
      ['negative', 'weight,commune\n1,21001\n-2,21002\n0,21003\n', ['barometer_error_weight_negative']],
      ['communes', 'weight;commune\n1;21001\n1;99999\n1;Ixelles\n', ['barometer_error_unknown_commune']],
    ];
    for (const [name, text, keys] of cases) {
      const { header, check, run } = await importFile(db, as(ana), e.id, text, `${name}.csv`);
      expect(header.result!.suggested, name).not.toBeNull();
      expect(check!.result!.valid, name).toBe(false);
      expect(Object.keys(check!.result!.report!.counts), name).toEqual(keys);
      expect(run, name).toBeNull();
    }
    // Not UTF-8 (a CSV saved as Latin-1): named at the header step already.
    const latin1 = await importFile(db, as(ana), e.id, Uint8Array.of(...enc('weight,commune\n1,Li'), 0xe8, 0x67, 0x65, 0x0a));
    expect(latin1.header.result).toMatchObject({ problem: 'barometer_error_not_utf8', columns: [] });
    expect(latin1.check).toBeNull();
    const negative = (await importFile(db, as(ana), e.id, 'weight,commune\n1,21001\n-2,21002\n0,21003\n')).check!.result!.report!;
    expect(negative.issues.map((i) => [i.row, i.column, i.value])).toEqual([
      [3, 'weight', '-2'],
      [4, 'weight', '0']
    ]);
    const communes = (await importFile(db, as(ana), e.id, 'weight;commune\n1;21001\n1;99999\n1;Ixelles\n')).check!.result!.report!;
    expect(communes.issues.map((i) => [i.row, i.value])).toEqual([
      [3, '99999'],
      [4, 'Ixelles']
    ]);
    // Wrong delimiter (tabs): no columns to map, and the check refuses it if it is forced.
    const tabs = await importFile(db, as(ana), e.id, 'weight\tcommune\n1\t21001\n');
    expect(tabs.header.result).toMatchObject({ delimiter: null, suggested: null, columns: [], problem: 'barometer_error_csv_delimiter' });
    const forced = await as(ana).edition.startImport({ step: 'check', editionId: e.id, fromTask: tabs.header.id, mapping: { weight: 'weight', variables: {} } });
    await runTask({ db, taskId: forced.id });
    expect(Object.keys((await as(ana).edition.importTask({ id: forced.id })).result!.report!.counts)).toEqual(['barometer_error_csv_delimiter']);
    // The import step checks again: a file that is not valid is never stored, even if asked directly.
    const neg = await importFile(db, as(ana), e.id, 'weight,commune\n-1,21001\n');
    const direct = await as(ana).edition.startImport({ step: 'import', editionId: e.id, fromTask: neg.header.id, mapping: { weight: 'weight', variables: { commune: 'commune' } } });
    await runTask({ db, taskId: direct.id });
    expect((await as(ana).edition.importTask({ id: direct.id })).result).toMatchObject({ step: 'import', stored: false });
    expect(await db.barometerMicrodata.count({ where: { editionId: e.id } })).toBe(0);
    expect(await db.barometerMicrodataChunk.count({ where: { editionId: e.id } })).toBe(0);
    expect((await refusal(as(ana).edition.compute({ editionId: e.id }))).messageKey).toBe('barometer_error_no_microdata');
    expect(await db.barometerVersion.count({ where: { editionId: e.id } })).toBe(0);
  });

  it('aggregates through the procedure; a correction of a released version needs a note in three languages', async () => {
    const db = getDb();
    const { ana, ben, citizen, as } = await people(db);
    const e = await as(ana).edition.create({ year: 2017, thresholds: T });
    const csv = ['indicator,breakdown,level,estimate,ci_low,ci_high,n', 'non_users,overall,all,0.1,0.08,0.12,900', 'non_users,gender,woman,0.11,0.08,0.14,480', 'non_users,gender,man,0.09,0.06,0.12,420'].join('\n');
    expect((await refusal(as(citizen).edition.importAggregates({ editionId: e.id, file: enc(csv), fileName: 'a.csv' }))).code).toBe('FORBIDDEN');
    const bad = await as(ana).edition.importAggregates({ editionId: e.id, file: enc(csv.replace('0.11,0.08', '0.11,0.12')), fileName: 'a.csv' });
    expect(bad).toMatchObject({ stored: false, report: { counts: { barometer_error_aggregate_ci: 1 } } });
    expect(await db.barometerVersion.count({ where: { editionId: e.id } })).toBe(0);
    const ok = await as(ana).edition.importAggregates({ editionId: e.id, file: enc(csv), fileName: 'a.csv' });
    expect(ok).toMatchObject({ stored: true, number: 1 });
    await as(ana).edition.submit({ versionId: ok.versionId! });
    await as(ben).review.approve({ versionId: ok.versionId!, releaseAt: new Date(Date.now() - 1000) });
    const released = await as(ana).edition.get({ year: 2017, breakdown: 'gender' });
    expect(released.versions[0]).toMatchObject({ number: 1, source: 'aggregates', released: true });
    // A correction: a new version, which needs its note.
    expect((await refusal(as(ana).edition.importAggregates({ editionId: e.id, file: enc(csv), fileName: 'a.csv' }))).messageKey).toBe('barometer_error_correction_note');
    expect((await refusal(as(ana).edition.importAggregates({ editionId: e.id, file: enc(csv), fileName: 'a.csv', correctionNote: { fr: 'x', nl: '', en: 'x' } }))).code).toBe('BAD_REQUEST');
    const note = { fr: 'Chiffres par genre corrigés.', nl: 'Cijfers per gender gecorrigeerd.', en: 'Figures by gender corrected.' };
    const v2 = await as(ana).edition.importAggregates({ editionId: e.id, file: enc(csv.replace('0.09,0.06', '0.095,0.06')), fileName: 'a.csv', correctionNote: note });
    expect(v2).toMatchObject({ stored: true, number: 2 });
    const after = await as(ana).edition.get({ year: 2017, breakdown: 'gender' });
    expect(after.versions.map((v) => [v.number, v.status, v.released])).toEqual([
      [2, 'draft', false],
      [1, 'approved', true]
    ]);
    expect(after.versions[0]!.correctionNote).toEqual(note);
    expect(after.preview!.estimates.find((x) => x.level === 'man')!.proportion).toBe(0.095);
    expect((await as(ana).edition.get({ year: 2017, breakdown: 'gender', version: 1 })).preview!.estimates.find((x) => x.level === 'man')!.proportion).toBe(0.09);
  });

  it('a microdata file streamed from its form goes into its task as it arrives; too big or cut short, nothing is left', async () => {
    const db = getDb();
    const { ana, as } = await people(db);
    const e = await as(ana).edition.create({ year: 2016, thresholds: T });
    const csv = enc(microdataCsv(3000));
    // The upload action's path: the form is read as it arrives, its file handed to the procedure as a stream.
    const upload = (parts: TestPart[], { failAt, maxBytes = MICRODATA_MAX_BYTES }: { failAt?: number; maxBytes?: number } = {}) =>
      receiveFile(multipartRequest('http://localhost/fr/barometer/manage/2016/microdata?/upload', parts, failAt === undefined ? {} : { failAt }), { maxBytes, store: (file) => as(ana).edition.startImport({ step: 'header', editionId: e.id, file: file.chunks, fileName: file.name }) });
    const files = async () => Number((await sqlOf(db).query<{ n: string }>('SELECT count(*) AS n FROM "core_task_file"'))[0]!.n);

    const ok = await upload([{ name: 'file', filename: 'enquête 2019.csv', content: csv }]);
    if (!ok.ok) throw new Error('upload refused');
    expect(ok).toMatchObject({ name: 'enquête 2019.csv', size: csv.byteLength });
    expect(await taskFile(db, ok.value.id, 'input')).toMatchObject({ name: 'enquête 2019.csv', size: csv.byteLength });
    await runTask({ db, taskId: ok.value.id });
    expect((await as(ana).edition.importTask({ id: ok.value.id })).result).toMatchObject({ step: 'header', delimiter: ',', problem: null });
    const [tasks, stored] = [await db.task.count(), await files()];

    expect(await upload([{ name: 'file', filename: 'big.csv', content: csv }], { maxBytes: 100_000 })).toMatchObject({ ok: false, reason: 'too_big' });
    await expect(upload([{ name: 'file', filename: 'cut.csv', content: csv }], { failAt: 150_000 })).rejects.toMatchObject({ status: 400 });
    expect(await upload([{ name: 'note', value: 'no file' }])).toMatchObject({ ok: false, reason: 'no_file' });
    expect([await db.task.count(), await files()]).toEqual([tasks, stored]);
  });
});
