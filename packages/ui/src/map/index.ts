export { default as MapView } from './map-view.svelte';
export {
  SEQUENTIAL_BLUES,
  classify,
  colorsByNis,
  legendClasses,
  paletteFor,
  quantileBreaks,
  type LegendClass,
  type ValueMap,
} from './choropleth.ts';
export { buildMapStyle } from './map-style.ts';
export type { MapI18n, MapPoint, MapTiles } from './types.ts';
