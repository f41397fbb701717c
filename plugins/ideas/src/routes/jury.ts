import { error } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { loginRedirect, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';

/** /ideas/[slug]/jury: a juror's list of ideas, with what they scored or declared. */
export async function load(event: PluginEvent<{ slug: string }>) {
  if (!event.locals.ctx.actor) loginRedirect(event.url, localizeHref);
  const api = ideasCaller(event);
  const consultation = await orPageError(event, () => api.consultation.get({ slug: event.params.slug }));
  const work = await orPageError(event, () => api.jury.mine({ consultationId: consultation.id }));
  if (!work) error(404);
  return { consultation, work };
}
