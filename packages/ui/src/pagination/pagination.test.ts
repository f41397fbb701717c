import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import Pagination from './pagination.svelte';
import { paginationItems } from './pagination.ts';
import { find, findAll, textOf } from '../test-utils/html.ts';

const i18n = {
  label: 'Pagination',
  previous: 'Précédent',
  next: 'Suivant',
  pageOf: 'Page {page} sur {total}',
  page: (v: { page: number }) => `Page ${v.page}`,
};

function pages(page: number, total: number): string {
  return paginationItems(page, total)
    .map((item) => (item.type === 'ellipsis' ? '…' : item.current ? `[${item.page}]` : String(item.page)))
    .join(' ');
}

describe('paginationItems', () => {
  it('keeps first, last and neighbours, with ellipses for real gaps', () => {
    expect(pages(1, 1)).toBe('[1]');
    expect(pages(1, 3)).toBe('[1] 2 3');
    expect(pages(5, 10)).toBe('1 … 4 [5] 6 … 10');
    expect(pages(3, 10)).toBe('1 2 [3] 4 … 10');
    expect(pages(10, 10)).toBe('1 … 9 [10]');
    expect(pages(99, 4)).toBe('1 2 3 [4]');
    expect(pages(1, 0)).toBe('');
  });
});

describe('Pagination (SSR)', () => {
  it('is a labelled nav of plain links with rel prev/next and the current page marked', () => {
    const { body } = render(Pagination, { props: { page: 3, total: 7, href: (p: number) => `/ideas?page=${p}`, i18n } });
    const nav = find(body, 'nav');
    expect(nav?.attrs['aria-label']).toBe('Pagination');
    expect(textOf(body, find(body, 'p'))).toBe('Page 3 sur 7');
    expect(find(body, 'a', { rel: 'prev' })?.attrs.href).toBe('/ideas?page=2');
    expect(find(body, 'a', { rel: 'next' })?.attrs.href).toBe('/ideas?page=4');
    expect(textOf(body, find(body, 'a', { rel: 'next' }))).toBe('Suivant →');
    const current = find(body, 'a', { 'aria-current': 'page' });
    expect(current?.attrs).toMatchObject({ href: '/ideas?page=3', 'aria-label': 'Page 3' });
    expect(findAll(body, 'a', { 'aria-label': true }).map((a) => a.attrs.href)).toEqual(
      [1, 2, 3, 4, 7].map((p) => `/ideas?page=${p}`),
    );
  });

  it('has no previous link on the first page, no next link on the last, nothing for one page', () => {
    const first = render(Pagination, { props: { page: 1, total: 2, href: (p: number) => `?page=${p}`, i18n } }).body;
    expect(find(first, 'a', { rel: 'prev' })).toBeUndefined();
    expect(find(first, 'a', { rel: 'next' })?.attrs.href).toBe('?page=2');
    const last = render(Pagination, { props: { page: 2, total: 2, href: (p: number) => `?page=${p}`, i18n } }).body;
    expect(find(last, 'a', { rel: 'next' })).toBeUndefined();
    const single = render(Pagination, { props: { page: 1, total: 1, href: (p: number) => `?page=${p}`, i18n } }).body;
    expect(find(single, 'nav')).toBeUndefined();
  });
});
