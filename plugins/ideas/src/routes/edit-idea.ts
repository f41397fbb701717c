import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { loginRedirect, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';
import { communeOptions } from './consultation.ts';
import { attempt, attemptService, ideaFieldsFromForm, imageFromForm, pickPoint } from './forms.ts';
import { attachImage } from '../services/images.ts';

type Params = { slug: string; number: string };

function ideaNumber(params: Params): number {
  const n = Number(params.number);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) error(404);
  return n;
}

/** /ideas/[slug]/[number]/edit: the author changes their idea while submissions are open. */
export async function load(event: PluginEvent<Params>) {
  if (!event.locals.ctx.actor) loginRedirect(event.url, localizeHref);
  const api = ideasCaller(event);
  const consultation = await orPageError(event, () => api.consultation.get({ slug: event.params.slug }));
  const idea = await orPageError(event, () => api.idea.get({ slug: consultation.slug, number: ideaNumber(event.params) }));
  if (!idea.mine) error(403, event.locals.ctx.translate('ideas_error_not_author'));
  return { consultation, idea, communes: communeOptions(event.locals.ctx.locale), locale: event.locals.ctx.locale };
}

export const actions = {
  pick: async (event: PluginEvent<Params>) => {
    return { picked: true, values: pickPoint(await event.request.formData()) };
  },
  save: async (event: PluginEvent<Params>) => {
    const form = await event.request.formData();
    const api = ideasCaller(event);
    const idea = await orPageError(event, () => api.idea.get({ slug: event.params.slug, number: ideaNumber(event.params) }));
    const image = await attemptService(form, event.locals.ctx.locale, () => imageFromForm(form));
    if (!('ok' in image)) return image;
    const result = await attempt(form, event.locals.ctx.locale, () => api.idea.update({ ideaId: idea.id, fields: ideaFieldsFromForm(form) }));
    if (!('ok' in result)) return result;
    if (image.value) {
      const { bytes, processed, alt } = image.value;
      await attachImage({ db: event.locals.ctx.db, actor: event.locals.ctx.actor!, ideaId: idea.id, file: bytes, processed, alt });
    }
    redirect(303, localizeHref(`/ideas/${event.params.slug}/${idea.number}?saved=1`));
  }
};

export { ideaNumber };
