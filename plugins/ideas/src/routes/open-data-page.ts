import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';
import { DATASET_NAMES, codebook } from '../services/open-data.ts';

/** /ideas/[slug]/data: the open data files of a consultation, each with its codebook. */
export async function load(event: PluginEvent<{ slug: string }>) {
  const api = ideasCaller(event);
  const consultation = await orPageError(event, () => api.consultation.get({ slug: event.params.slug }));
  const t = (key: string) => event.locals.ctx.translate(key);
  return {
    consultation,
    datasets: DATASET_NAMES.map((name) => ({ name, available: name !== 'votes' || consultation.resultsPublished, codebook: codebook(name, t) }))
  };
}
