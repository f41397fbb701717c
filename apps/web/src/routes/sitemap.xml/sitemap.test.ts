import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import type { Db } from '@passerelle/db';
import { createTestActor, pluginTestContext } from '@passerelle/plugin-sdk/testing';
import { barometerManifest } from '@passerelle/plugin-barometer';
import { approve, computeDraft, createEdition, importMicrodata, submitForReview } from '@passerelle/plugin-barometer/services/editions';
import { syntheticRespondents } from '@passerelle/plugin-barometer/services/synthetic';
import { VARIABLES } from '@passerelle/plugin-barometer/services/variables';
import { PLUGIN_IDS } from '$lib/plugins.ts';
import { GET as sitemap } from './+server.ts';
import { GET as robots } from '../robots.txt/+server.ts';

const ORIGIN = 'http://passerelle.test';

function event(db: Db, enabled: readonly string[]) {
  const ctx = { ...pluginTestContext({ db, actor: null, manifest: barometerManifest, sendMail: async () => {} }), pluginIds: new Set(PLUGIN_IDS), enabledPlugins: new Set(enabled) };
  const url = new URL(`${ORIGIN}/sitemap.xml`);
  return { locals: { ctx }, url, params: {}, request: new Request(url), setHeaders: () => {}, cookies: { get: () => undefined, set: () => {}, delete: () => {} } } as unknown as Parameters<typeof sitemap>[0];
}

async function release(db: Db, year: number, releaseAt: Date) {
  const [ana, ben] = [await createTestActor(db, { roles: ['staff'] }), await createTestActor(db, { roles: ['staff'] })];
  const cols = ['weight', 'stratum', 'psu', ...VARIABLES.map((v) => v.id)];
  const lines = [cols.join(','), ...[...syntheticRespondents({ year, respondents: 2300 })].map((r) => cols.map((c) => r[c] ?? '').join(','))];
  const e = await createEdition({ db, actor: ana, year, synthetic: true });
  await importMicrodata({ db, actor: ana, editionId: e.id, upload: new TextEncoder().encode(lines.join('\n')), mapping: { weight: 'weight', stratum: 'stratum', psu: 'psu', variables: Object.fromEntries(VARIABLES.map((v) => [v.id, v.id])) }, fileName: 'synthetic.csv' });
  const v = await computeDraft({ db, actor: ana, editionId: e.id });
  await submitForReview({ db, actor: ana, versionId: v.versionId });
  await approve({ db, actor: ben, versionId: v.versionId, releaseAt });
}

describeEachDb('sitemap.xml and robots.txt', ({ getDb }) => {
  it('lists the public pages of switched-on plugins and the released barometer editions, in three languages', async () => {
    const db = getDb();
    await release(db, 2031, new Date(Date.now() - 1000));
    await release(db, 2033, new Date(Date.now() + 3_600_000));
    const res = await sitemap(event(db, [...PLUGIN_IDS]));
    expect(res.headers.get('content-type')).toContain('application/xml');
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9"/);
    for (const loc of ['/fr/', '/nl/accessibility', '/en/ideas', '/fr/epn', '/nl/mobile', '/fr/barometer', '/nl/barometer/editions/2031', '/en/barometer/indicators/non_users?year=2031']) expect(xml).toContain(`<loc>${ORIGIN}${loc}</loc>`);
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="nl" href="${ORIGIN}/nl/barometer/editions/2031"/>`);
    expect(xml).not.toContain('2033');
    expect(xml).not.toContain('/manage');
    expect(xml.match(/<url>/g)?.length).toBe(new Set(xml.match(/<loc>[^<]+<\/loc>/g)).size);

    const off = await (await sitemap(event(db, ['ideas']))).text();
    expect(off).toContain(`<loc>${ORIGIN}/en/ideas</loc>`);
    expect(off).not.toContain('/barometer');
    expect(off).not.toContain('/epn');

    const r = await robots(event(db, []) as unknown as Parameters<typeof robots>[0]);
    expect(await r.text()).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });
});
