import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { createTestActor } from '@passerelle/plugin-sdk/testing';
import { AppError } from '@passerelle/trpc';
import { isHidden, type CellStatus } from './disclosure.ts';
import { approve, computeDraft, createEdition, importMicrodata, releasedVersion, submitForReview } from './editions.ts';
import type { Mapping } from './microdata.ts';
import { syntheticRespondents } from './synthetic.ts';
import { VARIABLES } from './variables.ts';

const cols = ['weight', 'stratum', 'psu', ...VARIABLES.map((v) => v.id)];
const mapping: Mapping = { weight: 'weight', stratum: 'stratum', psu: 'psu', variables: Object.fromEntries(VARIABLES.map((v) => [v.id, v.id])) };
function csv(year: number, respondents = 2500) {
  const lines = [cols.join(',')];
  for (const r of syntheticRespondents({ year, respondents })) lines.push(cols.map((c) => r[c] ?? '').join(','));
  return new TextEncoder().encode(lines.join('\n'));
}
const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describeEachDb('barometer editions', ({ getDb }) => {
  it('import, compute, four-eyes review, embargoed release, immutability, correction', async () => {
    const db = getDb();
    const [ana, ben, citizen] = [await createTestActor(db, { roles: ['staff'] }), await createTestActor(db, { roles: ['staff'] }), await createTestActor(db)];
    const year = 2000 + Math.floor(Math.random() * 900);
    expect(await code(createEdition({ db, actor: citizen, year }))).toBe('FORBIDDEN');
    const edition = await createEdition({ db, actor: ana, year, crossings: ['commune×age_band'], synthetic: true });
    expect(await code(createEdition({ db, actor: ana, year }))).toBe('CONFLICT');
    expect(await code(createEdition({ db, actor: ana, year: year + 1000, thresholds: { minN: 5, reliableN: 50 } }))).not.toBe('ok');

    // A bad file stores nothing; a good one is stored.
    const bad = await importMicrodata({ db, actor: ana, editionId: edition.id, upload: new TextEncoder().encode('weight,commune\n-1,21004\n2,99999\n'), mapping: { weight: 'weight', variables: { commune: 'commune' } }, fileName: 'bad.csv' });
    expect(bad).toMatchObject({ stored: false, report: { issueCount: 2 } });
    expect(await db.barometerMicrodata.count({ where: { editionId: edition.id } })).toBe(0);
    const good = await importMicrodata({ db, actor: ana, editionId: edition.id, upload: csv(2023), mapping, fileName: 'synthetic-2023.csv' });
    expect(good.stored).toBe(true);

    const draft = await computeDraft({ db, actor: ana, editionId: edition.id });
    expect(draft.number).toBe(1);
    const rows = await db.barometerEstimate.findMany({ where: { versionId: draft.versionId } });
    expect(rows.length).toBe(draft.estimates);
    // Small cells hidden, and a crossing row never has a lone hidden cell while its commune is shown.
    const statuses = new Map(rows.map((r) => [`${r.indicatorId}|${r.breakdown}|${r.level}`, r.status as CellStatus]));
    const small = rows.filter((r) => r.n > 0 && r.n < 20);
    expect(small.length).toBeGreaterThan(0);
    for (const r of small) expect(isHidden(r.status as CellStatus)).toBe(true);
    for (const r of rows.filter((x) => x.breakdown === 'commune' && !isHidden(x.status as CellStatus))) {
      const line = ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74'].map((g) => rows.find((x) => x.indicatorId === r.indicatorId && x.breakdown === 'commune×age_band' && x.level === `${r.level}×${g}`)!);
      const hidden = line.filter((x) => x.n > 0 && isHidden(statuses.get(`${x.indicatorId}|${x.breakdown}|${x.level}`)!));
      expect(hidden.length === 1 && line.filter((x) => x.n > 0).length > 1).toBe(false);
    }

    await submitForReview({ db, actor: ana, versionId: draft.versionId });
    // Four eyes: the author cannot approve their own edition; a citizen cannot either.
    expect(await code(approve({ db, actor: ana, versionId: draft.versionId, releaseAt: new Date() }))).toBe('FORBIDDEN');
    expect(await code(approve({ db, actor: citizen, versionId: draft.versionId, releaseAt: new Date() }))).toBe('FORBIDDEN');
    const releaseAt = new Date(Date.now() + 3_600_000);
    await approve({ db, actor: ben, versionId: draft.versionId, releaseAt });
    expect(await releasedVersion(db, year)).toBeNull();
    expect((await releasedVersion(db, year, releaseAt))?.id).toBe(draft.versionId);

    // Released (release time moved into the past): the database refuses any change.
    await db.barometerVersion.update({ where: { id: draft.versionId }, data: { releaseAt: new Date(Date.now() - 1000) } });
    const before = await db.barometerEstimate.findMany({ where: { versionId: draft.versionId }, orderBy: [{ indicatorId: 'asc' }, { breakdown: 'asc' }, { level: 'asc' }] });
    await expect(db.barometerEstimate.updateMany({ where: { versionId: draft.versionId }, data: { proportion: 0.5 } })).rejects.toThrow();
    await expect(db.barometerEstimate.deleteMany({ where: { versionId: draft.versionId } })).rejects.toThrow();
    await expect(db.barometerVersion.update({ where: { id: draft.versionId }, data: { status: 'draft' } })).rejects.toThrow();
    await expect(db.barometerEdition.delete({ where: { id: edition.id } })).rejects.toThrow();

    // A correction is a new version, with a note; the released one stays as it was.
    expect(await code(computeDraft({ db, actor: ana, editionId: edition.id }))).toBe('BAD_REQUEST');
    const v2 = await computeDraft({ db, actor: ana, editionId: edition.id, correctionNote: { fr: 'Poids corrigés.', nl: 'Gewichten gecorrigeerd.', en: 'Weights corrected.' } });
    expect(v2.number).toBe(2);
    expect(await db.barometerEstimate.findMany({ where: { versionId: draft.versionId }, orderBy: [{ indicatorId: 'asc' }, { breakdown: 'asc' }, { level: 'asc' }] })).toEqual(before);
    expect((await releasedVersion(db, year))?.number).toBe(1);
    expect(await db.auditLog.count({ where: { action: { startsWith: 'barometer.' }, targetId: { in: [edition.id, draft.versionId, v2.versionId] } } })).toBeGreaterThanOrEqual(5);
  });
});
