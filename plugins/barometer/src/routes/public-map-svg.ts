import communesGeojson from '@passerelle/ui/geo/communes.geojson?raw';
import { communeShapes, HEIGHT, WIDTH } from '@passerelle/ui/static-map/project.ts';
import { classCount, colorsByNis, finiteValues, legendClasses, paletteFor, quantileBreaks, type ValueMap } from '@passerelle/ui/map/choropleth.ts';
import { bcp47 } from '../components/labels.ts';

// A server-drawn choropleth of the 19 communes (SVG), for pages without JavaScript: the same quantile
// classes and colours as the interactive map, communes without a figure hatched, and a legend.

let shapes: ReturnType<typeof communeShapes> | null = null;
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function choroplethSvg({ values, locale, title, noData, levelLabel }: { values: ValueMap; locale: string; title: string; noData: string; breakdownLabel?: string; levelLabel: (nis: string) => string }): string {
  shapes ??= communeShapes(communesGeojson);
  const bounds = quantileBreaks(finiteValues(values), 5);
  const palette = paletteFor(classCount(bounds));
  const colors = colorsByNis(values, bounds, palette);
  const format = new Intl.NumberFormat(bcp47(locale), { style: 'percent', maximumFractionDigits: 1 });
  const paths = shapes
    .map((s) => {
      const v = values[s.nis];
      const label = `${levelLabel(s.nis)}: ${typeof v === 'number' ? format.format(v) : noData}`;
      return `<path d="${s.d}" fill="${colors[s.nis] ?? 'url(#nodata)'}" stroke="#505a5f" stroke-width="1.2"><title>${escape(label)}</title></path>`;
    })
    .join('');
  const legend = legendClasses(bounds, palette).map((c) => ({ color: c.color, text: c.from === c.to ? format.format(c.from) : `${format.format(c.from)} – ${format.format(c.to)}` }));
  const hasNoData = shapes.some((s) => typeof values[s.nis] !== 'number');
  if (hasNoData) legend.push({ color: 'url(#nodata)', text: noData });
  const legendTop = HEIGHT + 16;
  const items = legend.map((l, i) => `<rect x="16" y="${legendTop + 28 + i * 26}" width="28" height="18" fill="${l.color}" stroke="#505a5f"/><text x="54" y="${legendTop + 42 + i * 26}" font-family="sans-serif" font-size="15" fill="#0b0c0c">${escape(l.text)}</text>`).join('');
  const height = legendTop + 40 + legend.length * 26;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img"><title>${escape(title)}</title><defs><pattern id="nodata" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="8" stroke="#505a5f" stroke-width="2"/></pattern></defs><rect width="100%" height="100%" fill="#ffffff"/>${paths}<text x="16" y="${legendTop + 16}" font-family="sans-serif" font-size="15" font-weight="700" fill="#0b0c0c">${escape(title)}</text>${items}</svg>`;
}
