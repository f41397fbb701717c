import { getDb, closeDb } from '@passerelle/db';
import { createTestActor } from '@passerelle/plugin-sdk/testing';
import { approve, computeDraft, createEdition, importMicrodata, submitForReview } from './src/services/editions.ts';
import { syntheticRespondents } from './src/services/synthetic.ts';
import { VARIABLES } from './src/services/variables.ts';

const db = getDb();
const ana = await createTestActor(db, { roles: ['staff'] });
const ben = await createTestActor(db, { roles: ['staff'] });
const cols = ['weight', 'stratum', 'psu', ...VARIABLES.map((v) => v.id)];
const mapping = { weight: 'weight', stratum: 'stratum', psu: 'psu', variables: Object.fromEntries(VARIABLES.map((v) => [v.id, v.id])) };
async function release(year: number, releaseAt: Date, correctAt?: Date) {
  const lines = [cols.join(',')];
  let small = 0;
  for (const r of syntheticRespondents({ year, respondents: 3000 })) {
    if (r.commune === '21013' && ++small > 14) continue;
    lines.push(cols.map((c) => r[c] ?? '').join(','));
  }
  const e = await createEdition({ db, actor: ana, year, synthetic: true, crossings: ['commune×gender'] });
  await importMicrodata({ db, actor: ana, editionId: e.id, upload: new TextEncoder().encode(lines.join('\n')), mapping, fileName: 's.csv' });
  const v = await computeDraft({ db, actor: ana, editionId: e.id });
  await submitForReview({ db, actor: ana, versionId: v.versionId });
  await approve({ db, actor: ben, versionId: v.versionId, releaseAt });
  if (correctAt) {
    const v2 = await computeDraft({ db, actor: ana, editionId: e.id, correctionNote: { fr: 'Les poids de Saint-Gilles ont été corrigés.', nl: 'De gewichten van Sint-Gillis werden gecorrigeerd.', en: 'The weights of Saint-Gilles were corrected.' } });
    await submitForReview({ db, actor: ana, versionId: v2.versionId });
    await approve({ db, actor: ben, versionId: v2.versionId, releaseAt: correctAt });
  }
}
await release(2023, new Date('2024-03-01T09:00:00Z'));
await release(2025, new Date(Date.now() - 120_000), new Date(Date.now() - 60_000));
await release(2027, new Date(Date.now() + 30 * 86_400_000));
await closeDb();
console.log('populated');
