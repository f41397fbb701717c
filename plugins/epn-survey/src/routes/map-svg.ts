import { pickerSvgResponse } from '@passerelle/ui/static-map/pick.ts';
import type { PluginEvent } from '@passerelle/plugin-sdk/server';

/** GET /epn/map.svg?lat=&lon=&lang=: the communes with the EPN's marker, for the no-JavaScript point picker. */
export function GET(event: PluginEvent) {
  return pickerSvgResponse(event.url);
}
