import { field, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { mobileEpnCaller } from '../server/router.ts';
import { AGE_BANDS, GENDERS } from '../services/lists.ts';
import { requireSignedIn } from './registration-forms.ts';

/** The walk-in grid: fields "w.<band>.<gender>"; empty = 0, anything else not a count is kept for the check. */
function walkInsFromForm(form: FormData) {
  const out: Record<string, Record<string, unknown>> = {};
  for (const band of AGE_BANDS)
    for (const g of GENDERS) {
      const raw = field(form, `w.${band}.${g}`);
      if (raw !== '') (out[band] ??= {})[g] = /^\d+$/.test(raw) ? Number(raw) : raw;
    }
  return out;
}

/** Input paths -> form fields, for the error summary. */
const rename = (path: string) =>
  path
    .replace(/^attendance\./, '')
    .replace(/^present\.([^.]+)\.ageBand$/, 'age.$1')
    .replace(/^present\.([^.]+)\.gender$/, 'gender.$1')
    .replace(/^walkIns(\..*)?$/, 'walkIns')
    .replace(/^topics(\..*)?$/, 'topics');

/** /mobile/trainer/sessions/[id]/attendance: who came, walk-ins, topics, a note. */
export async function load(event: PluginEvent<{ id: string }>) {
  requireSignedIn(event);
  const data = await orPageError(event, () => mobileEpnCaller(event).attendance.get({ sessionId: event.params.id }));
  return { locale: event.locals.ctx.locale, ...data };
}

export const actions = {
  default: async (event: PluginEvent<{ id: string }>) => {
    requireSignedIn(event);
    const form = await event.request.formData();
    const present = form
      .getAll('present')
      .filter((v): v is string => typeof v === 'string')
      .map((registrationId) => ({ registrationId, ageBand: field(form, `age.${registrationId}`) || null, gender: field(form, `gender.${registrationId}`) || null }));
    const attendance = { present, walkIns: walkInsFromForm(form), topics: form.getAll('topics').filter((v): v is string => typeof v === 'string'), note: field(form, 'note') };
    const result = await attempt(form, event.locals.ctx.locale, () => mobileEpnCaller(event).attendance.record({ sessionId: event.params.id, attendance }), { rename });
    if (!('ok' in result)) {
      Object.assign(result.data, { present: present.map((p) => p.registrationId), topics: attendance.topics });
      return result;
    }
    return { done: 'recorded' as const, total: result.value.total, activity: result.value.activity };
  }
};
