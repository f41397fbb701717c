import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import Chart from './chart.svelte';
import type { ChartDataset } from './types.ts';
import { find, findAll, inner, text, textOf } from '../test-utils/html.ts';

const i18n = {
  showTable: 'Afficher sous forme de tableau',
  noData: 'Pas de données',
  rangeSummary: '{series} : minimum {minLabel} ({min}), maximum {maxLabel} ({max})',
};
const datasets: ChartDataset[] = [
  { label: 'Ménages sans internet', data: [12.5, 8.25, null] },
  {
    label: 'Moyenne régionale',
    data: [10, 10, 10],
    errorBars: [{ low: 9.1, high: 10.9 }, null, { low: 9, high: 11 }],
    errorBarsLabel: 'intervalle de confiance à 95 %',
  },
];

describe('Chart (SSR, no JavaScript)', () => {
  const { body } = render(Chart, {
    props: {
      type: 'bar',
      title: 'Fracture numérique',
      labels: ['Anderlecht', 'Ixelles', 'Uccle'],
      datasets,
      categoryLabel: 'Commune',
      unit: '%',
      locale: 'fr-BE',
      numberFormat: { maximumFractionDigits: 2 },
      i18n,
    },
  });

  it('renders the data as a table with headers, row headers and locale-formatted numbers', () => {
    const table = find(body, 'table');
    expect(table).toBeDefined();
    expect(textOf(body, find(body, 'caption'))).toBe('Fracture numérique');
    expect(findAll(body, 'th', { scope: 'col' }).map((th) => textOf(body, th))).toEqual([
      'Commune',
      'Ménages sans internet (%)',
      'Moyenne régionale (%)',
      'Moyenne régionale: intervalle de confiance à 95 %',
    ]);
    expect(findAll(body, 'th', { scope: 'row' }).map((th) => textOf(body, th))).toEqual(['Anderlecht', 'Ixelles', 'Uccle']);
    const rows = findAll(body, 'tr').slice(1).map((tr) => text(inner(body, tr)));
    expect(rows).toEqual([
      'Anderlecht 12,5 10 9,1 – 10,9',
      'Ixelles 8,25 10 Pas de données',
      'Uccle Pas de données 10 9 – 11',
    ]);
  });

  it('puts the table in an open "Show as table" disclosure until the chart is drawn', () => {
    const details = find(body, 'details');
    expect(details && 'open' in details.attrs).toBe(true);
    expect(textOf(body, find(body, 'summary'))).toBe('Afficher sous forme de tableau');
    expect(inner(body, details!)).toContain('<table');
  });

  it('gives the canvas role="img" and a summary, and hides the empty drawing area', () => {
    const canvas = find(body, 'canvas');
    expect(canvas?.attrs.role).toBe('img');
    expect(canvas?.attrs['aria-label']).toBe(
      'Fracture numérique. Ménages sans internet : minimum Ixelles (8,25), maximum Anderlecht (12,5). ' +
        'Moyenne régionale : minimum Anderlecht (10), maximum Anderlecht (10).',
    );
    const area = find(body, 'div', { class: 'chart-canvas' }) ?? findAll(body, 'div').find((d) => d.attrs.class?.includes('chart-canvas'));
    expect(area && 'hidden' in area.attrs).toBe(true);
    expect(textOf(body, find(body, 'h3'))).toBe('Fracture numérique');
  });

  it('can show the table always and prefers the author description', () => {
    const always = render(Chart, {
      props: {
        type: 'line',
        title: 'Visits',
        description: 'Visits doubled in 2025',
        labels: ['2024', '2025'],
        datasets: [{ label: 'Visits', data: [1000, 2000] }],
        categoryLabel: 'Year',
        locale: 'en-GB',
        tableDisplay: 'always',
        headingLevel: null,
        i18n,
      },
    }).body;
    expect(find(always, 'details')).toBeUndefined();
    expect(find(always, 'table')).toBeDefined();
    expect(find(always, 'canvas')?.attrs['aria-label']).toBe('Visits. Visits doubled in 2025.');
    expect(findAll(always, 'td').map((td) => textOf(always, td))).toEqual(['1,000', '2,000']);
  });
});
