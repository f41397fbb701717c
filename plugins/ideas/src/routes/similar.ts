import { json } from '@sveltejs/kit';
import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';

/** GET /ideas/[slug]/similar?text=…: ideas that look like a title being typed (JSON, for suggest.js). */
export async function GET(event: PluginEvent<{ slug: string }>) {
  const text = (event.url.searchParams.get('text') ?? '').slice(0, 300);
  const similar = await orPageError(event, () => ideasCaller(event).idea.similar({ slug: event.params.slug, text }));
  return json(
    similar.map((s) => ({ number: s.number, title: s.title, summary: s.summary })),
    { headers: { 'cache-control': 'no-store' } }
  );
}
