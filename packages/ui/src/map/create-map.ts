// Drawing the communes map in an element: the one place that sets maplibre's options (bounds, gestures,
// translated controls, no rotation) and the commune pop-up. Used by MapView and by standalone scripts
// that enhance a server-rendered MapView (standalone.ts).
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { BRUSSELS_BOUNDS } from '../geo/index.ts';
import type { MapLib } from './map-lib.ts';
import { NO_DATA_PATTERN, buildMapStyle, hatchImage } from './map-style.ts';
import type { MapI18n, MapTiles } from './types.ts';

export interface CommunesMapOptions {
  container: HTMLElement;
  style: StyleSpecification;
  /** Accessible name of the map canvas. */
  title: string;
  i18n: Pick<MapI18n, 'zoomIn' | 'zoomOut' | 'attributionToggle' | 'popupClose' | 'gestureHelpDesktop' | 'gestureHelpMac' | 'gestureHelpTouch'>;
  /** Credits shown in the map's attribution control. */
  attribution: string;
  /** Id of the element explaining the keyboard controls (read with the canvas). */
  helpId: string;
  /** Content of the pop-up shown when a commune is clicked (NIS code); no pop-up when absent or null. */
  popup?: (nis: string) => HTMLElement | null;
}

/** The local style of the communes map, in the colours of the element's CSS custom properties. */
export function communesStyle(lib: MapLib, root: Element | undefined, options: { tiles?: MapTiles; choropleth?: Record<string, string> }): StyleSpecification {
  const css = root ? getComputedStyle(root) : undefined;
  const cssVar = (name: string, fallback: string) => css?.getPropertyValue(name).trim() || fallback;
  return buildMapStyle({
    communes: lib.communesDataUrl,
    tiles: options.tiles,
    background: cssVar('--map-background', '#f3f2f1'),
    border: cssVar('--map-border', '#505a5f'),
    plainFill: cssVar('--map-fill', '#ffffff'),
    choropleth: options.choropleth,
  });
}

/** A pop-up's content: the commune's name in bold, then one line. */
export function communePopup(name: string, line: string): HTMLElement {
  const box = document.createElement('div');
  const strong = document.createElement('strong');
  strong.textContent = name;
  const text = document.createElement('span');
  text.textContent = line;
  box.append(strong, document.createElement('br'), text);
  return box;
}

/** Draws the map (throws when the device has no WebGL: callers keep their table or image then). */
export function createCommunesMap(lib: MapLib, options: CommunesMapOptions): MapLibreMap {
  const { i18n } = options;
  const [west, south, east, north] = BRUSSELS_BOUNDS;
  // Room to pan around the region, wide enough that maxBounds never zooms a wide map in past the region
  // (a 3:1 frame fitted to Brussels' height spans ~0.7° of longitude).
  const margin = { lon: 0.35, lat: 0.12 };
  const map = new lib.Map({
    container: options.container,
    style: options.style,
    bounds: [west, south, east, north],
    fitBoundsOptions: { padding: 16 },
    maxBounds: [west - margin.lon, south - margin.lat, east + margin.lon, north + margin.lat],
    attributionControl: { customAttribution: options.attribution },
    maplibreLogo: false,
    cooperativeGestures: true,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    canvasContextAttributes: { antialias: false },
    locale: {
      'Map.Title': options.title,
      'NavigationControl.ZoomIn': i18n.zoomIn,
      'NavigationControl.ZoomOut': i18n.zoomOut,
      'AttributionControl.ToggleAttribution': i18n.attributionToggle,
      'Popup.Close': i18n.popupClose,
      'CooperativeGesturesHandler.WindowsHelpText': i18n.gestureHelpDesktop,
      'CooperativeGesturesHandler.MacHelpText': i18n.gestureHelpMac,
      'CooperativeGesturesHandler.MobileHelpText': i18n.gestureHelpTouch,
    },
  });
  map.keyboard.disableRotation();
  map.touchZoomRotate.disableRotation();
  map.addControl(new lib.NavigationControl({ showCompass: false }), 'top-right');
  map.getCanvas().setAttribute('aria-describedby', options.helpId);
  map.setMissingStyleImageResolver((id) => {
    if (id === NO_DATA_PATTERN && !map.hasImage(id)) map.addImage(id, hatchImage());
  });
  map.on('click', 'communes-fill', (event) => {
    const nis = event.features?.[0]?.properties?.nis;
    const content = typeof nis === 'string' ? options.popup?.(nis) : null;
    if (content) new lib.Popup({ maxWidth: '16rem' }).setLngLat(event.lngLat).setDOMContent(content).addTo(map);
  });
  return map;
}
