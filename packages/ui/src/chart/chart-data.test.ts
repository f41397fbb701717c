import { describe, expect, it } from 'vitest';
import { buildChartConfig, chartTable, numberFormatter, DEFAULT_CHART_COLORS } from './chart-data.ts';

describe('chart-data', () => {
  const format = numberFormatter('nl-BE', { maximumFractionDigits: 1 });

  it('formats with the locale', () => {
    expect(format(1234.56)).toBe('1.234,6');
  });

  it('builds one table row per label', () => {
    const table = chartTable({ labels: ['a', 'b'], datasets: [{ label: 'S', data: [1, Number.NaN] }], format, noData: '—' });
    expect(table.headers).toEqual(['S']);
    expect(table.rows).toEqual([
      { label: 'a', cells: [{ text: '1', missing: false }] },
      { label: 'b', cells: [{ text: '—', missing: true }] },
    ]);
  });

  it('makes a chart.js config with formatted ticks, distinct line styles and room for error bars', () => {
    const config = buildChartConfig({
      type: 'line',
      labels: ['2024', '2025'],
      datasets: [
        { label: 'A', data: [1, 2] },
        { label: 'B', data: [3, 4], errorBars: [{ low: 2, high: 9 }, null], errorBarsLabel: 'CI' },
      ],
      format,
      unit: '%',
      categoryLabel: 'Year',
      colors: [...DEFAULT_CHART_COLORS],
      textColor: '#0b0c0c',
      gridColor: '#b1b4b6',
      locale: 'nl-BE',
    });
    const [a, b] = config.data.datasets as Array<{ pointStyle?: unknown; borderDash?: number[] }>;
    expect(a?.pointStyle).not.toBe(b?.pointStyle);
    expect(a?.borderDash).not.toEqual(b?.borderDash);
    const y = config.options?.scales?.y as { suggestedMax?: number; ticks: { callback: (v: number) => string }; title: { text: string } };
    expect(y.suggestedMax).toBe(9);
    expect(y.title.text).toBe('%');
    expect(y.ticks.callback(2500)).toBe('2.500');
    expect(config.options?.animation).toBe(false);
    expect(config.options?.plugins?.legend?.display).toBe(true);
  });

  it('puts the value axis on x for horizontal bars', () => {
    const config = buildChartConfig({
      type: 'bar',
      labels: ['x'],
      datasets: [{ label: 'A', data: [1] }],
      format,
      categoryLabel: 'Commune',
      horizontal: true,
      colors: ['#000000'],
      textColor: '#000000',
      gridColor: '#cccccc',
      locale: 'fr-BE',
    });
    expect(config.options?.indexAxis).toBe('y');
    expect((config.options?.scales?.x as { beginAtZero?: boolean }).beginAtZero).toBe(true);
    expect(config.options?.plugins?.legend?.display).toBe(false);
  });
});
