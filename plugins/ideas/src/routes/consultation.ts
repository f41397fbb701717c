import { COMMUNES, communeName } from '@passerelle/db/communes';
import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';

const SORTS = ['newest', 'oldest', 'comments'] as const;

/** /ideas/[slug]: the consultation, where it stands, and its ideas with filters (all in the URL). */
export async function load(event: PluginEvent<{ slug: string }>) {
  const api = ideasCaller(event);
  const { url, locals } = event;
  const consultation = await orPageError(event, () => api.consultation.get({ slug: event.params.slug }));
  const q = url.searchParams.get('q')?.trim().slice(0, 100) || undefined;
  const categoryId = consultation.categories.find((c) => c.id === url.searchParams.get('category'))?.id;
  const communeNis = COMMUNES.find((c) => c.nis === url.searchParams.get('commune'))?.nis;
  const sortParam = url.searchParams.get('sort');
  const sort = SORTS.find((s) => s === sortParam) ?? 'newest';
  const finalists = url.searchParams.get('finalists') === '1';
  const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
  const ideas = await api.idea.list({ slug: consultation.slug, page, pageSize: 20, sort, ...(q ? { q } : {}), ...(categoryId ? { categoryId } : {}), ...(communeNis ? { communeNis } : {}), ...(finalists ? { finalists } : {}) });
  return {
    consultation,
    ideas,
    filters: { q: q ?? '', category: categoryId ?? '', commune: communeNis ?? '', sort, finalists },
    communes: communeOptions(locals.ctx.locale),
    signedIn: locals.ctx.actor !== null,
    canSubmit: locals.ctx.permissions.has('ideas.idea.submit'),
    canMediate: locals.ctx.permissions.has('ideas.mediation.record'),
    canManage: locals.ctx.permissions.has('ideas.consultation.manage'),
    isJuror: locals.ctx.actor ? (await locals.ctx.db.ideasJuror.count({ where: { consultationId: consultation.id, userId: locals.ctx.actor.id } })) > 0 : false
  };
}

/** The 19 communes as select options, in the visitor's language and alphabetical order. */
const communeOptionsByLocale = new Map<string, { value: string; label: string }[]>();
export function communeOptions(locale: string) {
  let options = communeOptionsByLocale.get(locale);
  if (!options) communeOptionsByLocale.set(locale, (options = sortedCommunes(locale)));
  return options;
}
function sortedCommunes(locale: string) {
  return COMMUNES.map((c) => ({ value: c.nis, label: communeName(c.nis, locale) ?? c.nameFr })).sort((a, b) => a.label.localeCompare(b.label, locale));
}
