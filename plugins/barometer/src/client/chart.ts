// The interactive trend chart (chart.js): loaded by grapher.ts only when a pointer reaches the chart,
// it replaces the server's SVG drawing with the same lines, bands and scale, plus tooltips that give
// each figure with its confidence interval. Bundled on its own (scripts/build-client.mjs).
import { Chart } from '@passerelle/ui/chart/chart-setup.ts';
import { ciRuns, trendScale, trendStyle } from '../components/trend-svg.ts';
import type { TrendLine } from '../components/types.ts';

export interface TrendChartData {
  years: number[];
  lines: TrendLine[];
  locale: string;
  /** Accessible name: the title and a one-sentence summary per line. */
  label: string;
}

/** Draws the chart in a TrendChart figure; the SVG stays in the page (hidden) for the PNG download. */
export function drawTrend(figure: HTMLElement): Chart<'line'> | null {
  const drawing = figure.querySelector<HTMLElement>('[data-bar-chart-draw]');
  const raw = figure.dataset.barChart;
  if (!drawing || !raw) return null;
  const { years, lines, locale, label } = JSON.parse(raw) as TrendChartData;
  const { max, step } = trendScale(lines);
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const box = document.createElement('div');
  box.style.position = 'relative';
  box.style.height = `${Math.max(drawing.getBoundingClientRect().height, 240)}px`;
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  box.append(canvas);

  const bands = {
    id: 'barometer-ci-bands',
    // One band per run of consecutive years with an interval, as on the SVG.
    beforeDatasetsDraw(c: Chart<'line'>) {
      const { ctx, scales } = c;
      lines.forEach((line, i) => {
        for (const run of ciRuns(line.values)) {
          const at = run.map((k) => ({ x: scales.x!.getPixelForValue(k), low: scales.y!.getPixelForValue(line.values[k]!.low!), high: scales.y!.getPixelForValue(line.values[k]!.high!) }));
          ctx.save();
          ctx.globalAlpha = 0.18;
          ctx.fillStyle = trendStyle(i).color;
          ctx.beginPath();
          if (at.length === 1) ctx.rect(at[0]!.x - 6, at[0]!.high, 12, at[0]!.low - at[0]!.high);
          else {
            at.forEach((p, k) => (k === 0 ? ctx.moveTo(p.x, p.high) : ctx.lineTo(p.x, p.high)));
            [...at].reverse().forEach((p) => ctx.lineTo(p.x, p.low));
            ctx.closePath();
          }
          ctx.fill();
          ctx.restore();
        }
      });
    }
  };

  drawing.after(box);
  drawing.hidden = true;
  try {
    const chart = new Chart(canvas, {
      type: 'line',
      data: {
        labels: years.map(String),
        datasets: lines.map((l, i) => {
          const { color, dash } = trendStyle(i);
          return { label: l.label, data: l.values.map((v) => (v ? v.p : null)), borderColor: color, backgroundColor: color, borderDash: dash, borderWidth: 3, pointRadius: 4.5, spanGaps: true };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        layout: { padding: { left: 8, right: 8 } },
        scales: { x: { offset: true }, y: { min: 0, max, ticks: { stepSize: step, callback: (v) => pct.format(Number(v)) } } },
        plugins: {
          legend: { display: lines.length > 1, position: 'bottom' },
          tooltip: {
            callbacks: {
              label: (item) => {
                const v = lines[item.datasetIndex]?.values[item.dataIndex];
                if (!v) return '';
                return `${lines[item.datasetIndex]!.label}: ${pct.format(v.p)}${v.low !== null && v.high !== null ? ` (${pct.format(v.low)} – ${pct.format(v.high)})` : ''}`;
              }
            }
          }
        }
      },
      plugins: [bands]
    });
    return chart;
  } catch (error) {
    box.remove();
    drawing.hidden = false;
    console.error(error);
    return null;
  }
}
