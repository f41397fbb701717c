import { COMMUNES, communeName } from '@passerelle/db/communes';
import type { PluginEvent } from '@passerelle/plugin-sdk/server';
import { epnSurveyCaller } from '../server/router.ts';
import { lang } from '../server/locale.ts';
import { LANGUAGES, SERVICES } from '../services/lists.ts';

/** /epn: the public directory, with filters in the URL (a GET form: works without JavaScript). */
export async function load(event: PluginEvent) {
  const { url, locals } = event;
  const locale = lang(locals.ctx.locale);
  const q = url.searchParams.get('q')?.trim().slice(0, 100) || undefined;
  const communeNis = COMMUNES.find((c) => c.nis === url.searchParams.get('commune'))?.nis;
  const service = SERVICES.find((s) => s === url.searchParams.get('service'));
  const language = LANGUAGES.find((l) => l === url.searchParams.get('language'));
  const openNow = url.searchParams.get('open') === '1';
  const places = await epnSurveyCaller(event).place.list({ ...(q ? { q } : {}), ...(communeNis ? { communeNis } : {}), ...(service ? { service } : {}), ...(language ? { language } : {}), ...(openNow ? { openNow } : {}) });
  const counts: Record<string, number> = {};
  for (const p of places) counts[p.commune.nis] = (counts[p.commune.nis] ?? 0) + 1;
  return {
    locale,
    places,
    counts,
    filters: { q: q ?? '', commune: communeNis ?? '', service: service ?? '', language: language ?? '', open: openNow },
    communes: COMMUNES.map((c) => ({ value: c.nis, label: communeName(c.nis, locale) ?? c.nameFr })).sort((a, b) => a.label.localeCompare(b.label, locale))
  };
}
