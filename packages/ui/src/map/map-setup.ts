// The only module that imports maplibre-gl. MapView loads it with import() in onMount, so pages
// without a map ship none of it. maplibre-gl 6 has no default export and needs its worker URL set.
import { Map, Marker, NavigationControl, Popup, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import communesUrl from '../geo/communes.geojson?url';
import 'maplibre-gl/dist/maplibre-gl.css';

setWorkerUrl(new URL(workerUrl, document.baseURI).href);

/** Absolute URL: the worker resolves relative URLs against its own (blob:) location. */
export const communesDataUrl = new URL(communesUrl, document.baseURI).href;

export { Map, Marker, NavigationControl, Popup };
