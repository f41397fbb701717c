import type { RequestHandler } from './$types';
import { PLUGINS } from '$lib/plugins.ts';
import { sitemapEntries as barometerPages } from '@passerelle/plugin-barometer/routes/sitemap';
import { sitemapXml, type SitemapPage } from './sitemap.ts';

// /sitemap.xml: the public pages of the app in French, Dutch and English. Switched-off plugins are left
// out. Plugins with pages that depend on their data (the barometer's released editions) list them
// themselves, through their own caller, so that nothing unreleased can appear here.

const CORE_PAGES = ['/', '/accessibility', '/privacy'];

export const GET: RequestHandler = async (event) => {
  const { enabledPlugins, origin } = event.locals.ctx;
  const enabled = PLUGINS.filter((p) => enabledPlugins.has(p.id));
  const pages: SitemapPage[] = [
    ...CORE_PAGES.map((path) => ({ path })),
    ...enabled.flatMap((p) => p.nav.filter((n) => !n.permission).map((n) => ({ path: n.href })))
  ];
  if (enabledPlugins.has('barometer')) pages.push(...(await barometerPages(event)));
  return new Response(sitemapXml(origin, pages), { headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'no-cache' } });
};
