import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { field, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { isCoordinator } from '../services/access.ts';
import { mobileEpnCaller } from '../server/router.ts';
import { explainTravel, label, scheduleFailure, slotFromForm, wallClock } from './schedule-shared.ts';

type Event = PluginEvent<{ id: string }>;

/** /mobile/manage/sessions/[id]: a session's details; coordinators edit or cancel it. */
export async function load(event: Event) {
  const api = mobileEpnCaller(event);
  const locale = event.locals.ctx.locale;
  const s = await orPageError(event, () => api.session.get({ id: event.params.id }));
  const coordinator = isCoordinator(event.locals.ctx.actor);
  const plan = coordinator ? await orPageError(event, () => api.session.planning({ requestId: null })) : { trainers: [], kits: [] };
  const local = (d: Date) => wallClock(d);
  return {
    locale,
    coordinator,
    session: {
      ...s,
      when: `${local(s.startsAt)}–${local(s.endsAt).slice(11)}`,
      date: local(s.startsAt).slice(0, 10),
      start: local(s.startsAt).slice(11, 16),
      end: local(s.endsAt).slice(11, 16),
      topicLabel: label('topic', s.topic, locale),
      languageLabel: label('language', s.language, locale),
      communeName: locale === 'nl' ? s.venue.commune.nameNl : locale === 'en' ? s.venue.commune.nameEn : s.venue.commune.nameFr,
      trainers: s.trainers.map((x) => ({ id: x.id, name: x.name, travel: explainTravel(x.travel, locale) }))
    },
    trainers: plan.trainers.map((t) => ({ id: t.id, name: t.name })),
    kits: plan.kits.map((k) => ({ id: k.id, name: k.name, devices: k.devices, inRepair: k.status !== 'available' })),
    created: event.url.searchParams.get('created'),
    saved: event.url.searchParams.has('saved'),
    cancelled: event.url.searchParams.has('cancelled')
  };
}

export const actions = {
  update: async (event: Event) => {
    const form = await event.request.formData();
    const locale = event.locals.ctx.locale;
    const { slot, errors } = slotFromForm(form);
    if (Object.keys(errors).length) return scheduleFailure(null, form, locale, errors);
    try {
      await mobileEpnCaller(event).session.update({ id: event.params.id, venueId: field(form, 'venueId'), startsAt: slot.startsAt, endsAt: slot.endsAt, trainerIds: slot.trainerIds, kitId: slot.kitId, seats: slot.seats });
    } catch (e) {
      return scheduleFailure(e, form, locale);
    }
    redirect(303, localizeHref(`/mobile/manage/sessions/${event.params.id}?saved=1`));
  },
  cancel: async (event: Event) => {
    const form = await event.request.formData();
    const locale = event.locals.ctx.locale;
    try {
      await mobileEpnCaller(event).session.cancel({ id: event.params.id, reason: field(form, 'reason') });
    } catch (e) {
      const f = scheduleFailure(e, form, locale);
      return fail(f.status, { ...f.data, cancelForm: true });
    }
    redirect(303, localizeHref(`/mobile/manage/sessions/${event.params.id}?cancelled=1`));
  }
};
