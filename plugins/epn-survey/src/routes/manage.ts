import { error, redirect } from '@sveltejs/kit';
import { localizeHref, t } from '@passerelle/i18n';
import { field, loginRedirect, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { epnSurveyCaller } from '../server/router.ts';
import { lang } from '../server/locale.ts';
import { isRegionStaff } from '../services/access.ts';
import { blankDefinition } from '../services/builder.ts';

/** The organisations the signed-in person acts for (all of them for staff), by name. */
export async function myOrganisations(event: PluginEvent) {
  const { ctx } = event.locals;
  const ids = isRegionStaff(ctx.actor) ? undefined : ctx.actor!.memberships.map((m) => m.organisationId);
  return ctx.db.organisation.findMany({ where: ids ? { id: { in: ids } } : {}, select: { id: true, name: true }, orderBy: { name: 'asc' } });
}

/** Signed in, and allowed to manage EPNs (association members and staff); else sign-in or 403. */
export function requireManager(event: PluginEvent) {
  const { ctx } = event.locals;
  if (!ctx.actor) loginRedirect(event.url, localizeHref);
  if (!ctx.permissions.has('epn-survey.place.manage')) error(403, t('error_forbidden', undefined, { locale: ctx.locale }));
}

/** /epn/manage: the association's workspace: its EPNs, surveys and latest activity records. */
export async function load(event: PluginEvent) {
  requireManager(event);
  const api = epnSurveyCaller(event);
  const { ctx } = event.locals;
  const [organisations, places, surveys, activity] = await Promise.all([
    myOrganisations(event),
    api.place.mine(),
    ctx.permissions.has('epn-survey.survey.manage') ? api.survey.mine() : [],
    ctx.permissions.has('epn-survey.activity.record') ? api.activity.list({}) : null
  ]);
  const counted = (name: string) => {
    const v = event.url.searchParams.get(name);
    return v && /^\d{1,6}$/.test(v) ? Number(v) : null;
  };
  const placesImported = counted('placesImported');
  return {
    locale: lang(ctx.locale),
    organisations,
    places,
    surveys,
    activity,
    staff: isRegionStaff(ctx.actor),
    created: event.url.searchParams.get('created'),
    placesImported: placesImported === null ? null : { created: placesImported, updated: counted('placesUpdated') ?? 0 }
  };
}

export const actions = {
  /** A new draft survey from an XLSForm file; the page lists what could not be carried over. */
  importXlsForm: async (event: PluginEvent) => {
    requireManager(event);
    const form = await event.request.formData();
    const file = form.get('file');
    const organisationId = field(form, 'organisationId') || null;
    const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    const result = await attempt(form, event.locals.ctx.locale, () => epnSurveyCaller(event).survey.importXlsForm({ organisationId, file: bytes }), { rename: () => 'file' });
    if (!('ok' in result)) return result;
    return { imported: { id: result.value.id, questions: result.value.questions, skipped: result.value.skipped } };
  },
  /** A new survey with a title and one question, written in the builder next. */
  blank: async (event: PluginEvent) => {
    requireManager(event);
    const form = await event.request.formData();
    const locale = event.locals.ctx.locale;
    const organisationId = field(form, 'organisationId') || null;
    const definition = blankDefinition({ title: field(form, 'blankTitle'), question: field(form, 'blankQuestion'), lang: lang(locale) });
    const rename = (path: string) => (path.startsWith('questions') ? 'blankQuestion' : 'blankTitle');
    const result = await attempt(form, locale, () => epnSurveyCaller(event).survey.create({ organisationId, definition }), { rename });
    if (!('ok' in result)) {
      Object.assign(result.data, { blank: true });
      return result;
    }
    redirect(303, localizeHref(`/epn/manage/surveys/${result.value.id}/edit`));
  },
  /** A new survey from the ready visitor-profile template. */
  fromTemplate: async (event: PluginEvent) => {
    requireManager(event);
    const form = await event.request.formData();
    const organisationId = field(form, 'organisationId') || null;
    const result = await attempt(form, event.locals.ctx.locale, () => epnSurveyCaller(event).survey.create({ organisationId, fromTemplate: true }));
    if (!('ok' in result)) return result;
    redirect(303, localizeHref(`/epn/manage/surveys/${result.value.id}`));
  }
};
