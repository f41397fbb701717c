import { error } from '@sveltejs/kit';
import { localizeHref, t } from '@passerelle/i18n';
import { loginRedirect, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { epnSurveyCaller } from '../server/router.ts';
import { lang } from '../server/locale.ts';
import { myOrganisations } from './manage.ts';

function year(url: URL): number {
  const now = new Date().getUTCFullYear();
  const y = Number.parseInt(url.searchParams.get('year') ?? '', 10);
  return Number.isInteger(y) && y >= 2015 && y <= now ? y : now;
}

const years = () => Array.from({ length: 6 }, (_, i) => new Date().getUTCFullYear() - i);

/** /epn/manage/dashboard: an organisation's (or one EPN's) year. */
export async function load(event: PluginEvent) {
  const { ctx } = event.locals;
  if (!ctx.actor) loginRedirect(event.url, localizeHref);
  if (!ctx.permissions.has('epn-survey.place.manage')) error(403, t('error_forbidden', undefined, { locale: ctx.locale }));
  const api = epnSurveyCaller(event);
  const organisations = await myOrganisations(event);
  const places = (await api.place.mine()).map((p) => ({ id: p.id, name: p.name }));
  const organisationId = organisations.find((o) => o.id === event.url.searchParams.get('organisation'))?.id;
  // One EPN's year, or the organisation's (all its EPNs).
  const placeId = places.find((p) => p.id === event.url.searchParams.get('place'))?.id;
  const y = year(event.url);
  const dashboard = await api.dashboard.workspace({ year: y, ...(placeId ? { placeId } : organisationId ? { organisationId } : {}) });
  return { region: false as const, locale: lang(ctx.locale), year: y, years: years(), organisations, organisationId: organisationId ?? '', places, placeId: placeId ?? '', dashboard, placesByCommune: null };
}

/** /epn/region: the same across the region, for staff and researchers. */
export async function loadRegion(event: PluginEvent) {
  const { ctx } = event.locals;
  if (!ctx.actor) loginRedirect(event.url, localizeHref);
  if (!ctx.permissions.has('epn-survey.dashboard.region')) error(403, t('error_forbidden', undefined, { locale: ctx.locale }));
  const y = year(event.url);
  const { placesByCommune, ...dashboard } = await epnSurveyCaller(event).dashboard.region({ year: y });
  return { region: true as const, locale: lang(ctx.locale), year: y, years: years(), organisations: [], organisationId: '', places: [], placeId: '', dashboard, placesByCommune };
}
