import type { PluginEvent } from '@passerelle/plugin-sdk/server';
import { load as indicatorLoad } from './public-indicator.ts';

/** /barometer/embed/[id]?year=&by=&level=&tab=chart|map|table: a compact version other sites may frame. */
export async function load(event: PluginEvent<{ id: string }>) {
  const data = await indicatorLoad(event);
  const tab = (['chart', 'map', 'table'] as const).find((t) => t === data.page.view.tab) ?? 'chart';
  return { ...data, page: { ...data.page, view: { ...data.page.view, tab } } };
}
