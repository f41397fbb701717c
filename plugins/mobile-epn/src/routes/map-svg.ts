import { pickerSvgResponse } from '@passerelle/ui/static-map/pick.ts';
import type { PluginEvent } from '@passerelle/plugin-sdk/server';

/** GET /mobile/manage/map.svg?lat=&lon=&lang=: the communes with a marker, for the no-JavaScript point picker. */
export function GET(event: PluginEvent) {
  return pickerSvgResponse(event.url);
}
