// Enhancing a server-rendered MapView without Svelte in the browser: pages that ship no framework (the
// citizen pages) run a small script that loads maplibre-gl on demand and draws the map in the markup
// MapView rendered (its frame, keyboard help and legend stay hidden until then). Same colours, classes
// and pop-ups as MapView, from the same functions.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { numberFormatter } from '../chart/chart-data.ts';
import { COMMUNES, COMMUNES_ATTRIBUTION, communeName } from '../geo/index.ts';
import { classCount, colorsByNis, finiteValues, paletteFor, quantileBreaks, type ValueMap } from './choropleth.ts';
import { communePopup, communesStyle, createCommunesMap } from './create-map.ts';
import type { MapLib } from './map-lib.ts';
import type { MapI18n } from './types.ts';

/** What MapView was rendered with (JSON-serialisable: texts, not functions). */
export interface StandaloneMapOptions {
  title: string;
  locale: string;
  i18n: Pick<MapI18n, 'zoomIn' | 'zoomOut' | 'attributionToggle' | 'popupClose' | 'gestureHelpDesktop' | 'gestureHelpMac' | 'gestureHelpTouch' | 'noData'>;
  values: ValueMap;
  /** Header of the values, as MapView's table shows it (label and unit). */
  valueHeader: string;
  numberFormat?: Intl.NumberFormatOptions;
  classes?: number;
  attribution?: string;
}

/**
 * Draws the choropleth in the server-rendered MapView `figure`. Returns the map, or null when the device
 * cannot draw it (no WebGL): the figure is then left as it was, with its table.
 */
export function drawMapView(figure: HTMLElement, lib: MapLib, options: StandaloneMapOptions): MapLibreMap | null {
  const part = <T extends HTMLElement>(name: string) => figure.querySelector<T>(`[data-map-${name}]`);
  const frame = part('frame');
  const container = part('canvas');
  const help = part('help');
  if (!frame || !container || !help) return null;
  const bounds = quantileBreaks(finiteValues(options.values), options.classes ?? 5);
  const choropleth = colorsByNis(options.values, bounds, paletteFor(classCount(bounds)));
  const format = numberFormatter(options.locale, options.numberFormat);
  const popup = (nis: string) => {
    const commune = COMMUNES.find((c) => c.nis === nis);
    const value = options.values[nis];
    return communePopup(commune ? communeName(commune, options.locale) : nis, `${options.valueHeader}: ${typeof value === 'number' ? format(value) : options.i18n.noData}`);
  };
  const legend = part('legend');
  const details = part<HTMLDetailsElement>('details');
  frame.hidden = false;
  try {
    const map = createCommunesMap(lib, { container, style: communesStyle(lib, figure, { choropleth }), title: options.title, i18n: options.i18n, attribution: options.attribution ?? COMMUNES_ATTRIBUTION, helpId: help.id, popup });
    help.hidden = false;
    const placeholder = part('placeholder');
    if (placeholder) placeholder.hidden = true;
    if (legend) legend.hidden = false;
    if (details) details.open = false;
    return map;
  } catch (error) {
    // maplibre may have added its canvas before failing (no WebGL): leave the frame as it was.
    container.replaceChildren();
    frame.hidden = true;
    console.error(error);
    return null;
  }
}
