import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import Table from './table.svelte';
import { elements, find, findAll, textOf } from '../test-utils/html.ts';

type Row = { name: string; visits: number; city: string | null };
const rows: Row[] = [
  { name: 'EPN Molenbeek', visits: 1204, city: 'Molenbeek' },
  { name: 'EPN Ixelles', visits: 87, city: null },
];

describe('Table (SSR)', () => {
  it('has a caption, column headers with scope and row headers', () => {
    const { body } = render(Table<Row>, {
      props: {
        caption: 'Visits per EPN',
        rows,
        columns: [
          { key: 'name', header: 'EPN', rowHeader: true },
          { key: 'visits', header: 'Visits', numeric: true, format: (row) => row.visits.toLocaleString('fr-BE') },
          { key: 'city', header: 'Commune' },
        ],
      },
    });
    const caption = find(body, 'caption');
    expect(textOf(body, caption)).toBe('Visits per EPN');
    // The scrolling wrapper is a named, keyboard-reachable region.
    const region = find(body, 'div', { role: 'region' });
    expect(region?.attrs['aria-labelledby']).toBe(caption?.attrs.id);
    expect(region?.attrs.tabindex).toBe('0');
    expect(findAll(body, 'th', { scope: 'col' }).map((th) => textOf(body, th))).toEqual(['EPN', 'Visits', 'Commune']);
    expect(findAll(body, 'th', { scope: 'row' }).map((th) => textOf(body, th))).toEqual(['EPN Molenbeek', 'EPN Ixelles']);
    const cells = findAll(body, 'td').map((td) => textOf(body, td));
    expect(cells).toEqual(['1 204', 'Molenbeek', '87', '']);
    expect(elements(body, 'a')).toHaveLength(0);
  });

  it('renders sortable headers as links with aria-sort on the sorted column', () => {
    const { body } = render(Table<Row>, {
      props: {
        caption: 'Visits',
        rows,
        columns: [
          { key: 'name', header: 'EPN', rowHeader: true, sort: { href: '?sort=name', direction: 'ascending' } },
          { key: 'visits', header: 'Visits', numeric: true, sort: { href: '?sort=-visits' } },
        ],
      },
    });
    const headers = findAll(body, 'th', { scope: 'col' });
    expect(headers[0]?.attrs['aria-sort']).toBe('ascending');
    expect(headers[1]?.attrs).not.toHaveProperty('aria-sort');
    expect(findAll(body, 'a').map((a) => a.attrs.href)).toEqual(['?sort=name', '?sort=-visits']);
    // The arrow is decoration; the state is in aria-sort.
    expect(find(body, 'span', { 'aria-hidden': 'true' })).toBeDefined();
  });
});
