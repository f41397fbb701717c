import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { field, loginRedirect, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';
import { communeOptions } from './consultation.ts';
import { attempt, attemptService, ideaFieldsFromForm, imageFromForm, pickPoint } from './forms.ts';
import { attachImage } from '../services/images.ts';

/** /ideas/[slug]/new: the idea form (signed-in people, during the submission phase). */
export async function load(event: PluginEvent<{ slug: string }>) {
  if (!event.locals.ctx.actor) loginRedirect(event.url, localizeHref);
  const consultation = await orPageError(event, () => ideasCaller(event).consultation.get({ slug: event.params.slug }));
  return { consultation, communes: communeOptions(event.locals.ctx.locale), locale: event.locals.ctx.locale };
}

export const actions = {
  /** Without JavaScript, "check for similar ideas" posts the form and shows them, keeping what was typed. */
  check: async (event: PluginEvent<{ slug: string }>) => {
    const form = await event.request.formData();
    const similar = await ideasCaller(event).idea.similar({ slug: event.params.slug, text: field(form, 'title').slice(0, 300) });
    const values: Record<string, string> = {};
    for (const [k, v] of form) if (typeof v === 'string') values[k] = v;
    return { checked: true, similar, values };
  },
  /** A click on the map: the form comes back with the point set (or removed), as typed otherwise. */
  pick: async (event: PluginEvent<{ slug: string }>) => {
    return { picked: true, values: pickPoint(await event.request.formData()) };
  },
  submit: async (event: PluginEvent<{ slug: string }>) => {
    const form = await event.request.formData();
    const api = ideasCaller(event);
    const consultation = await api.consultation.get({ slug: event.params.slug });
    // The picture is checked first, so that a bad file refuses the whole form and nothing is stored.
    const image = await attemptService(form, event.locals.ctx.locale, () => imageFromForm(form));
    if (!('ok' in image)) return image;
    const result = await attempt(form, event.locals.ctx.locale, () => api.idea.submit({ consultationId: consultation.id, fields: ideaFieldsFromForm(form) }));
    if (!('ok' in result)) return result;
    if (image.value) {
      const { bytes, processed, alt } = image.value;
      await attachImage({ db: event.locals.ctx.db, actor: event.locals.ctx.actor!, ideaId: result.value.id, file: bytes, processed, alt });
    }
    redirect(303, localizeHref(`/ideas/${consultation.slug}/${result.value.number}?submitted=1`));
  }
};
