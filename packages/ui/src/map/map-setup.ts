// MapView's lazily imported map library: maplibre-gl with its worker and the commune boundaries as
// assets of the app's own build.
import { MAP_ASSETS } from './map-assets.ts';
import { mapLib } from './map-lib.ts';

export const lib = mapLib(MAP_ASSETS.worker, MAP_ASSETS.communes);
