import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';

/** /ideas/[slug]/map: ideas on a map of the communes (drawn on the server) and the same as a list. */
export async function load(event: PluginEvent<{ slug: string }>) {
  const api = ideasCaller(event);
  const consultation = await orPageError(event, () => api.consultation.get({ slug: event.params.slug }));
  return { consultation, map: await api.idea.map({ slug: consultation.slug }) };
}
