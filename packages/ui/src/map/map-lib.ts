// maplibre-gl and the local commune boundaries, for one page. The only module that imports maplibre-gl:
// it is loaded on demand (MapView's import() of map-setup.ts, or a standalone script's own bundle), so
// pages without a map ship none of it, not even its stylesheet (added to the page here, when first used).
// maplibre-gl 6 has no default export and needs its worker URL set.
import { Map, Marker, NavigationControl, Popup, setWorkerUrl } from 'maplibre-gl';
import css from 'maplibre-gl/dist/maplibre-gl.css?inline';

export interface MapLib {
  Map: typeof Map;
  Marker: typeof Marker;
  NavigationControl: typeof NavigationControl;
  Popup: typeof Popup;
  /** Absolute URL of the communes' GeoJSON (the worker resolves relative URLs against its blob: URL). */
  communesDataUrl: string;
}

/** The library with its worker and the commune boundaries at these URLs (relative to the page). */
export function mapLib(workerUrl: string, communesUrl: string): MapLib {
  if (!document.querySelector('style[data-maplibre]')) {
    const style = document.createElement('style');
    style.dataset.maplibre = '';
    style.textContent = css;
    document.head.prepend(style); // first, so that the components' own rules override it
  }
  setWorkerUrl(new URL(workerUrl, document.baseURI).href);
  return { Map, Marker, NavigationControl, Popup, communesDataUrl: new URL(communesUrl, document.baseURI).href };
}
