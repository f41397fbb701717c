import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';

/** /ideas/[slug]/results: winners and votes per finalist, once published. */
export async function load(event: PluginEvent<{ slug: string }>) {
  const api = ideasCaller(event);
  const consultation = await orPageError(event, () => api.consultation.get({ slug: event.params.slug }));
  const results = consultation.resultsPublished ? await api.results.get({ slug: consultation.slug }) : null;
  return { consultation, results };
}
