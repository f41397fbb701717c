import { localizeHref, locales } from '@passerelle/i18n';

// The sitemap's XML: one <url> per page and language, each listing its other languages
// (xhtml:link hreflang), as search engines expect for a multilingual site.

export interface SitemapPage {
  /** Path without the language prefix, possibly with a query. */
  path: string;
  lastmod?: string;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function sitemapXml(origin: string, pages: readonly SitemapPage[]): string {
  const seen = new Set<string>();
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'];
  for (const page of pages) {
    if (seen.has(page.path)) continue;
    seen.add(page.path);
    const hrefs = locales.map((locale) => [locale, `${origin}${localizeHref(page.path, { locale })}`] as const);
    for (const [, href] of hrefs) {
      out.push('  <url>', `    <loc>${escapeXml(href)}</loc>`);
      if (page.lastmod) out.push(`    <lastmod>${escapeXml(page.lastmod)}</lastmod>`);
      for (const [l, alt] of hrefs) out.push(`    <xhtml:link rel="alternate" hreflang="${l}" href="${escapeXml(alt)}"/>`);
      out.push('  </url>');
    }
  }
  out.push('</urlset>', '');
  return out.join('\n');
}
