import { pickerSvgResponse } from '@passerelle/ui/static-map/pick.ts';
import type { PluginEvent } from '@passerelle/plugin-sdk/server';

/** GET /ideas/map.svg?lat=&lon=: the communes, with a marker, for the no-JavaScript point picker. */
export function GET(event: PluginEvent) {
  return pickerSvgResponse(event.url);
}
