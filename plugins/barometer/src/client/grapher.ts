// The one script of the barometer's citizen pages (the indicator page and its embeddable version), which
// are otherwise server-rendered and complete without JavaScript. A few kilobytes: it shows what needs
// JavaScript (copy the permalink, save the chart as PNG, the interactive map's button) and loads the
// heavy libraries only on demand: chart.js when a pointer reaches the chart, maplibre-gl when someone
// asks for the interactive map. The page's <script data-bar-grapher> tag gives the URLs of those bundles.
import type { StandaloneMapOptions } from '@passerelle/ui/map/standalone.ts';

type ChartModule = typeof import('./chart.ts');
type MapModule = typeof import('./map.ts');

const assets = document.querySelector<HTMLScriptElement>('script[data-bar-grapher]')?.dataset ?? {};
const load = <T>(url: string | undefined): Promise<T> => (url ? import(/* @vite-ignore */ url) : Promise.reject(new Error('no bundle URL')));

for (const el of document.querySelectorAll<HTMLElement>('[data-bar-js]')) el.hidden = false;

// Copy the permalink.
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-bar-copy]')) {
  const status = button.parentElement?.querySelector<HTMLElement>('[data-bar-status]');
  button.addEventListener('click', async () => {
    let ok = true;
    try {
      await navigator.clipboard.writeText(button.dataset.barCopy ?? '');
    } catch {
      ok = false;
    }
    if (status) status.textContent = (ok ? status.dataset.ok : status.dataset.failed) ?? '';
  });
}

// Save the chart as a PNG image, drawn from the SVG (twice its size, for sharp prints).
async function savePng(svg: SVGSVGElement, fileName: string) {
  const { width, height } = svg.viewBox.baseVal;
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
  const a = document.createElement('a');
  a.href = canvas.toDataURL('image/png');
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
}
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-bar-png]')) {
  const svg = button.closest('[data-bar-trend]')?.querySelector<SVGSVGElement>('svg');
  if (svg) button.addEventListener('click', () => void savePng(svg, button.dataset.barPng ?? 'chart.png').catch(console.error));
}

// The interactive chart, once a pointer (mouse, pen or finger) reaches the drawing.
for (const figure of document.querySelectorAll<HTMLElement>('[data-bar-chart]')) {
  const upgrade = () => {
    figure.removeEventListener('pointerenter', upgrade);
    load<ChartModule>(assets.chart)
      .then((m) => m.drawTrend(figure))
      .catch((error) => {
        console.error(error);
        figure.addEventListener('pointerenter', upgrade); // a network blip: the next pointer tries again
      });
  };
  figure.addEventListener('pointerenter', upgrade);
}

// The interactive map, when asked for.
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-bar-map-show]')) {
  const root = button.closest<HTMLElement>('[data-bar-map]');
  const figure = root?.querySelector<HTMLElement>('[data-map-view]');
  const status = button.parentElement?.querySelector<HTMLElement>('[data-bar-status]');
  if (!root || !figure) continue;
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const { showMap } = await load<MapModule>(assets.map);
      const options = JSON.parse(root.dataset.barMap ?? '{}') as StandaloneMapOptions;
      const map = showMap(figure, options, { worker: assets.worker ?? '', communes: assets.communes ?? '' });
      if (!map) throw new Error('the map could not be drawn');
      button.parentElement!.hidden = true;
      map.getCanvas().focus();
    } catch (error) {
      console.error(error);
      button.disabled = false;
      if (status) status.textContent = status.dataset.failed ?? '';
    }
  });
}
