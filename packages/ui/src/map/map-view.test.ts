import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import MapView from './map-view.svelte';
import { mapI18n } from './test-fixtures.ts';
import { COMMUNES_ATTRIBUTION } from '../geo/index.ts';
import { elements, find, findAll, inner, text, textOf } from '../test-utils/html.ts';

const values: Record<string, number | null> = {};
for (let i = 1; i <= 19; i++) values[`210${String(i).padStart(2, '0')}`] = i * 1.5;
values['21013'] = null; // Saint-Gilles: no data
delete values['21019']; // Woluwe-Saint-Pierre: missing

describe('MapView choropleth (SSR, no JavaScript)', () => {
  const { body } = render(MapView, {
    props: {
      title: 'Huishoudens zonder internet',
      locale: 'nl-BE',
      i18n: mapI18n,
      values,
      valueLabel: 'Aandeel',
      unit: '%',
      numberFormat: { maximumFractionDigits: 1 },
      classes: 4,
    },
  });

  it('renders a commune/value table with names in the page language', () => {
    expect(textOf(body, find(body, 'caption'))).toBe('Huishoudens zonder internet');
    expect(findAll(body, 'th', { scope: 'col' }).map((th) => textOf(body, th))).toEqual(['Gemeente', 'Aandeel (%)']);
    const names = findAll(body, 'th', { scope: 'row' }).map((th) => textOf(body, th));
    expect(names).toHaveLength(19);
    expect(names).toContain('Sint-Jans-Molenbeek');
    expect(names).toContain('Brussel');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl-BE')));
    const rows = findAll(body, 'tr').map((tr) => text(inner(body, tr)));
    expect(rows).toContain('Elsene 13,5');
    expect(rows).toContain('Sint-Gillis Geen gegevens');
    expect(rows).toContain('Sint-Pieters-Woluwe Geen gegevens');
  });

  it('shows the boundary credits in the HTML', () => {
    const credits = findAll(body, 'p').find((p) => p.attrs.class?.includes('map-attribution'));
    expect(textOf(body, credits)).toBe(`Kaartgegevens: ${COMMUNES_ATTRIBUTION}`);
    expect(COMMUNES_ATTRIBUTION).toBe(
      'Commune boundaries: © Statbel (Statistics Belgium), statistical sectors 2011, via BelgiumMaps.StatBel (BNOSAC), CC BY 2.0; simplified.',
    );
  });

  it('has a legend with value ranges in words, not only colours, and a no-data entry', () => {
    const list = findAll(body, 'ul').find((ul) => ul.attrs.class?.includes('map-legend-list'));
    const title = elements(body).find((el) => el.attrs.id === list?.attrs['aria-labelledby']);
    expect(textOf(body, title)).toBe('Aandeel (%)');
    const items = text(inner(body, list!));
    // 17 values (Saint-Gilles and Woluwe-Saint-Pierre have none): quartiles at sorted positions 0, 4, 8, 12, 16.
    expect(items).toBe('1,5 tot 7,5 7,5 tot 13,5 13,5 tot 21 21 tot 27 Geen gegevens');
  });

  it('keeps the map area hidden (it needs JavaScript and WebGL) with keyboard help for later', () => {
    const frame = findAll(body, 'div').find((d) => d.attrs.class?.includes('map-frame'));
    expect(frame && 'hidden' in frame.attrs).toBe(true);
    expect(textOf(body, findAll(body, 'p').find((p) => p.attrs.class?.includes('map-help')))).toBe(mapI18n.keyboardHelp);
  });
});

describe('MapView points (SSR, no JavaScript)', () => {
  it('lists the points as links, labelled by the map title', () => {
    const { body } = render(MapView, {
      props: {
        title: 'EPN',
        locale: 'fr-BE',
        i18n: mapI18n,
        points: [
          { id: 'a', lon: 4.33, lat: 50.85, label: 'EPN Molenbeek', href: '/epn/a' },
          { id: 'b', lon: 4.37, lat: 50.83, label: 'EPN Ixelles', href: '/epn/b' },
          { id: 'c', lon: 4.4, lat: 50.86, label: 'Bus EPN (pas de page)' },
        ],
        tiles: { type: 'raster', url: 'https://tiles.example.test/{z}/{x}/{y}.png', attribution: '© Example tiles' },
        listDisplay: 'details',
      },
    });
    const list = find(body, 'ul', { class: true });
    const titleEl = elements(body).find((el) => el.attrs.id === list?.attrs['aria-labelledby']);
    expect(textOf(body, titleEl)).toBe('EPN');
    expect(findAll(body, 'a').map((a) => [a.attrs.href, textOf(body, a)])).toEqual([
      ['/epn/a', 'EPN Molenbeek'],
      ['/epn/b', 'EPN Ixelles'],
    ]);
    expect(text(inner(body, list!))).toContain('Bus EPN (pas de page)');
    expect(find(body, 'table')).toBeUndefined();
    const details = find(body, 'details');
    expect(details && 'open' in details.attrs).toBe(true);
    expect(textOf(body, find(body, 'summary'))).toBe('Toon als lijst');
    const credits = findAll(body, 'p').find((p) => p.attrs.class?.includes('map-attribution'));
    expect(textOf(body, credits)).toBe(`Kaartgegevens: ${COMMUNES_ATTRIBUTION} · © Example tiles`);
  });
});
