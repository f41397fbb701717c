// The interactive commune map (maplibre-gl): loaded by grapher.ts when someone asks for it, it draws the
// choropleth in the map that CommuneMap rendered on the server (same classes, colours, legend, pop-ups:
// @passerelle/ui's standalone MapView). Bundled on its own (scripts/build-client.mjs); maplibre's worker,
// stylesheet and the commune boundaries are assets of the app, whose URLs the page gives.
import { mapLib } from '@passerelle/ui/map/map-lib.ts';
import { drawMapView, type StandaloneMapOptions } from '@passerelle/ui/map/standalone.ts';

export interface MapAssets {
  worker: string;
  communes: string;
}

/** Draws the map in `figure` (a server-rendered MapView); null when the device cannot (no WebGL). */
export function showMap(figure: HTMLElement, options: StandaloneMapOptions, assets: MapAssets) {
  return drawMapView(figure, mapLib(assets.worker, assets.communes), options);
}
