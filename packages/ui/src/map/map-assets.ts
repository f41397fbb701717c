// The map's files as assets of the app's build (Vite ?url): maplibre-gl's worker and the commune
// boundaries. MapView's map-setup.ts uses them; a page that draws its map with a standalone script
// (standalone.ts) hands these URLs to it.
import worker from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import communes from '../geo/communes.geojson?url';

export const MAP_ASSETS = { worker, communes } as const;
