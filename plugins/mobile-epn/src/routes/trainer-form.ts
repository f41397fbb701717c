import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { field, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { mobileEpnCaller } from '../server/router.ts';
import { LANGUAGES, TOPICS } from '../services/lists.ts';
import { ZAbsence, ZAvailability, ZCreateTrainer, ZTrainerFields } from '../services/trainers.ts';
import { explain, num, pickAction, requireCoordinatorPage, ticked, withLists } from './dir-common.ts';

// /mobile/manage/trainers/new (a member becomes a trainer) and /mobile/manage/trainers/[id] (profile,
// weekly availability, absences, deactivation), each part its own form.

export function profileFromForm(form: FormData) {
  return {
    languages: ticked(form, 'languages') as (typeof LANGUAGES)[number][],
    topics: ticked(form, 'topics') as (typeof TOPICS)[number][],
    homeLatitude: num(form, 'latitude'),
    homeLongitude: num(form, 'longitude'),
    homeLabel: field(form, 'homeLabel'),
    travelMode: field(form, 'travelMode') as never
  };
}

/** The availability grid: a.<weekday>.<row>.start / .end; returns the windows and the form name of each. */
export function windowsFromForm(form: FormData) {
  const windows: { weekday: number; start: string; end: string }[] = [];
  const names: string[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let row = 0; row < 10; row++) {
      const [start, end] = [field(form, `a.${weekday}.${row}.start`), field(form, `a.${weekday}.${row}.end`)];
      if (!start && !end) continue;
      windows.push({ weekday, start, end });
      names.push(`a.${weekday}.${row}`);
    }
  }
  return { windows, names };
}

const renameProfile = (path: string) => path.replace(/^trainer\./, '').replace(/^homeLatitude$/, 'latitude').replace(/^homeLongitude$/, 'longitude');
const LISTS = ['languages', 'topics'];

export async function load(event: PluginEvent<{ id?: string }>) {
  requireCoordinatorPage(event);
  const api = mobileEpnCaller(event);
  const trainer = event.params.id ? await orPageError(event, () => api.trainer.get({ id: event.params.id! })) : null;
  const organisations = trainer ? [] : await orPageError(event, () => api.kit.owners());
  return { trainer, organisations, locale: event.locals.ctx.locale, saved: event.url.searchParams.get('saved') ?? '' };
}

/** Which of the page's forms a refusal belongs to (each keeps its own values). */
function mark<T extends { data: object }>(result: T, form: 'profile' | 'availability' | 'absence'): T {
  Object.assign(result.data, { form });
  return result;
}

const back = (id: string, what: string) => redirect(303, `${localizeHref(`/mobile/manage/trainers/${id}`)}?saved=${what}`);

export const actions = {
  pick: async (event: PluginEvent<{ id?: string }>) => {
    requireCoordinatorPage(event);
    return { ...(await pickAction(event)), form: 'profile' };
  },
  create: async (event: PluginEvent) => {
    requireCoordinatorPage(event);
    const form = await event.request.formData();
    const { locale } = event.locals.ctx;
    const trainer = { ...profileFromForm(form), email: field(form, 'email'), organisationId: field(form, 'organisationId') || null };
    const result = await attempt(form, locale, () => mobileEpnCaller(event).trainer.create({ trainer }), { rename: renameProfile });
    if (!('ok' in result)) return withLists(explain(result, ZCreateTrainer, trainer, locale, renameProfile), form, LISTS);
    back(result.value.id, 'created');
  },
  save: async (event: PluginEvent<{ id?: string }>) => {
    requireCoordinatorPage(event);
    const id = event.params.id ?? error(404);
    const form = await event.request.formData();
    const { locale } = event.locals.ctx;
    const trainer = profileFromForm(form);
    const result = await attempt(form, locale, () => mobileEpnCaller(event).trainer.update({ id, trainer }), { rename: renameProfile });
    if (!('ok' in result)) return mark(withLists(explain(result, ZTrainerFields, trainer, locale, renameProfile), form, LISTS), 'profile');
    back(id, 'profile');
  },
  availability: async (event: PluginEvent<{ id?: string }>) => {
    requireCoordinatorPage(event);
    const id = event.params.id ?? error(404);
    const form = await event.request.formData();
    const { locale } = event.locals.ctx;
    const { windows, names } = windowsFromForm(form);
    // "windows.3.end" -> the form's "a.2.1.end".
    const rename = (path: string) => path.replace(/^(?:windows\.)?(\d+)(\.(start|end|weekday))?$/, (_m, i: string, rest?: string) => `${names[Number(i)] ?? 'availability'}${rest && rest !== '.weekday' ? rest : '.start'}`);
    const result = await attempt(form, locale, () => mobileEpnCaller(event).trainer.setAvailability({ id, windows }), { rename });
    if (!('ok' in result)) return mark(explain(result, ZAvailability, windows, locale, rename), 'availability');
    back(id, 'availability');
  },
  addAbsence: async (event: PluginEvent<{ id?: string }>) => {
    requireCoordinatorPage(event);
    const id = event.params.id ?? error(404);
    const form = await event.request.formData();
    const { locale } = event.locals.ctx;
    const absence = { from: field(form, 'from'), to: field(form, 'to'), reason: field(form, 'reason') };
    const rename = (path: string) => path.replace(/^absence\./, '');
    const result = await attempt(form, locale, () => mobileEpnCaller(event).trainer.addAbsence({ id, absence }), { rename });
    if (!('ok' in result)) return mark(explain(result, ZAbsence, absence, locale), 'absence');
    back(id, 'absence');
  },
  removeAbsence: async (event: PluginEvent<{ id?: string }>) => {
    requireCoordinatorPage(event);
    const id = event.params.id ?? error(404);
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => mobileEpnCaller(event).trainer.removeAbsence({ id, absenceId: field(form, 'absenceId') }));
    if (!('ok' in result)) return result;
    back(id, 'absence');
  },
  active: async (event: PluginEvent<{ id?: string }>) => {
    requireCoordinatorPage(event);
    const id = event.params.id ?? error(404);
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => mobileEpnCaller(event).trainer.deactivate({ id, active: field(form, 'active') === '1' }));
    if (!('ok' in result)) return result;
    back(id, 'active');
  }
};
