import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { field, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { formValues } from '@passerelle/plugin-sdk/forms';
import { fail } from '@sveltejs/kit';
import { t } from '@passerelle/i18n';
import { mobileEpnCaller } from '../server/router.ts';
import { explainConflict, explainTravel, label, scheduleFailure, slotFromForm, wallClock } from './schedule-shared.ts';

type Event = PluginEvent<{ id: string }>;

/** /mobile/manage/requests/[id]: the request, its suggestions, and a manual slot form checked before saving. */
export async function load(event: Event) {
  const api = mobileEpnCaller(event);
  const locale = event.locals.ctx.locale;
  const plan = await orPageError(event, () => api.session.planning({ requestId: event.params.id }));
  const request = plan.request!;
  const found = request.status === 'new' || request.status === 'scheduled' ? await orPageError(event, () => api.session.suggest({ requestId: request.id })) : { suggestions: [], blockers: [] };
  return {
    locale,
    request: {
      ...request,
      topicLabel: label('topic', request.topic, locale),
      languageLabel: label('language', request.language, locale),
      windows: request.windows.map((w) => ({ from: wallClock(w.from), to: wallClock(w.to) })),
      sessions: request.sessions.map((s) => ({ id: s.id, when: `${wallClock(s.startsAt)}–${wallClock(s.endsAt).slice(11)}` })),
      communeName: locale === 'nl' ? request.venue.commune.nameNl : locale === 'en' ? request.venue.commune.nameEn : request.venue.commune.nameFr
    },
    suggestions: found.suggestions.map((s) => ({
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      when: `${wallClock(s.startsAt)}–${wallClock(s.endsAt).slice(11)}`,
      trainerId: s.trainerId,
      trainerName: s.trainerName,
      kitId: s.kitId,
      kitName: s.kitName,
      extraTravelMinutes: s.extraTravelMinutes,
      travel: explainTravel(s.travel, locale)
    })),
    blockers: found.blockers.map((c) => explainConflict(c, locale)),
    trainers: plan.trainers.map((t) => ({ id: t.id, name: t.name, fits: t.topics.includes(request.topic) && t.languages.includes(request.language) })),
    kits: plan.kits.map((k) => ({ id: k.id, name: k.name, devices: k.devices, inRepair: k.status !== 'available' })),
    booked: event.url.searchParams.get('booked')
  };
}

const created = (ids: string[]) => redirect(303, localizeHref(`/mobile/manage/sessions/${ids[0]}?created=${ids.length}`));

export const actions = {
  /** "Book this slot": a suggestion, saved through the same checks as any session. */
  book: async (event: Event) => {
    const form = await event.request.formData();
    const locale = event.locals.ctx.locale;
    const api = mobileEpnCaller(event);
    const plan = await orPageError(event, () => api.session.planning({ requestId: event.params.id }));
    const kitId = field(form, 'kitId');
    let ids: string[];
    try {
      ids = (await api.session.create({ requestId: event.params.id, startsAt: new Date(field(form, 'startsAt')), endsAt: new Date(field(form, 'endsAt')), trainerIds: [field(form, 'trainerId')], kitId: kitId || null, seats: plan.request!.participants, repeat: null })).sessionIds;
    } catch (e) {
      return scheduleFailure(e, form, locale);
    }
    created(ids);
  },
  /** "Check": the conflicts of the typed slot, explained, nothing saved. */
  check: async (event: Event) => {
    const form = await event.request.formData();
    const locale = event.locals.ctx.locale;
    const { slot, errors } = slotFromForm(form);
    if (Object.keys(errors).length) return scheduleFailure(null, form, locale, errors);
    try {
      const r = await mobileEpnCaller(event).session.check({ requestId: event.params.id, ...slot });
      const plan = await mobileEpnCaller(event).session.planning({ requestId: null });
      const name = (id: string) => plan.trainers.find((t) => t.id === id)?.name ?? id;
      const first = r.occurrences[0];
      return {
        values: formValues(form),
        lists: { trainerIds: slot.trainerIds },
        checked: true,
        conflicts: r.conflicts.map((c) => explainConflict(c, locale)),
        dates: r.occurrences.map((o) => `${wallClock(o.startsAt)}–${wallClock(o.endsAt).slice(11)}`),
        travel: first ? Object.entries(first.travel).map(([id, x]) => ({ trainer: name(id), text: explainTravel(x, locale) })) : []
      };
    } catch (e) {
      return scheduleFailure(e, form, locale);
    }
  },
  /** "Decline": the request leaves the queue; the person who asked is told why, by email. */
  decline: async (event: Event) => {
    const form = await event.request.formData();
    const locale = event.locals.ctx.locale;
    const reason = field(form, 'reason').trim();
    if (reason.length < 3 || reason.length > 1000) {
      const message = t('mobile_epn_dir_error_reason', undefined, { locale });
      return fail(400, { values: formValues(form), declineErrors: { reason: message }, message, conflicts: [] });
    }
    try {
      await mobileEpnCaller(event).request.decline({ id: event.params.id, reason });
    } catch (e) {
      return scheduleFailure(e, form, locale);
    }
    redirect(303, localizeHref('/mobile/manage?declined=1'));
  },
  /** "Save": refused, with the same explanations, when anything conflicts. */
  create: async (event: Event) => {
    const form = await event.request.formData();
    const locale = event.locals.ctx.locale;
    const { slot, errors } = slotFromForm(form);
    if (Object.keys(errors).length) return scheduleFailure(null, form, locale, errors);
    let ids: string[];
    try {
      ids = (await mobileEpnCaller(event).session.create({ requestId: event.params.id, ...slot })).sessionIds;
    } catch (e) {
      return scheduleFailure(e, form, locale);
    }
    created(ids);
  }
};
