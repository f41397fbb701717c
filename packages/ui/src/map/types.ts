import type { LayerSpecification } from 'maplibre-gl';
import type { Template } from '../lib/template.ts';

export interface MapPoint {
  id: string;
  lon: number;
  lat: number;
  /** Accessible name of the marker and text of the list item. */
  label: string;
  /** Where the marker and the list link go. Without it, the marker is a button calling onpointselect. */
  href?: string;
}

/** A deployment's own base map (never a third-party service by default). */
export type MapTiles =
  | {
      type: 'raster';
      /** Tile URL template, e.g. "https://tiles.example.brussels/{z}/{x}/{y}.png". */
      url: string;
      tileSize?: number;
      maxzoom?: number;
      /** Credit line required by the tiles' licence; shown in the control and the HTML. */
      attribution: string;
    }
  | {
      type: 'vector';
      /** Tile URL template of vector tiles (MVT). */
      url: string;
      maxzoom?: number;
      attribution: string;
      /** Layers drawing source "basemap" (no symbol layers: this style has no glyphs). */
      layers: LayerSpecification[];
    };

/** Translated texts for MapView. */
export interface MapI18n {
  /** Summary of the <details> holding the table/list when listDisplay is 'details', e.g. "Show as a list". */
  showList: string;
  /** Prefix of the credits line, e.g. "Map data:" / "Sources :". */
  attributionLabel: string;
  /** Shown under the map and read with it, e.g. "Use the arrow keys to move the map and + or − to zoom." */
  keyboardHelp: string;
  zoomIn: string;
  zoomOut: string;
  /** Button that shows or hides the credits in the map, e.g. "Show or hide map credits". */
  attributionToggle: string;
  popupClose: string;
  /** Shown when someone scrolls over the map: "Use Ctrl + scroll to zoom the map". */
  gestureHelpDesktop: string;
  /** Same on macOS: "Use ⌘ + scroll to zoom the map". */
  gestureHelpMac: string;
  /** Touch screens: "Use two fingers to move the map". */
  gestureHelpTouch: string;
  /** Header of the commune column, e.g. "Commune" / "Gemeente". */
  commune: string;
  /** Text for a commune without a value (table, legend, pop-up), e.g. "No data". */
  noData: string;
  /** Legend class label, e.g. "{from} to {to}" / "de {from} à {to}". */
  range: Template<{ from: string; to: string }>;
}
