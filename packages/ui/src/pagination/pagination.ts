import type { Template } from '../lib/template.ts';

/** Translated texts for Pagination. */
export interface PaginationI18n {
  /** aria-label of the <nav>, e.g. "Pagination" / "Pages". */
  label: string;
  /** "Previous" (a visually hidden "page" can be part of it: "Previous page"). */
  previous: string;
  next: string;
  /** Visible status, e.g. "Page {page} of {total}". */
  pageOf: Template<{ page: number; total: number }>;
  /** Accessible name of a numbered link, e.g. "Page {page}". */
  page: Template<{ page: number }>;
}

export type PaginationItem = { type: 'page'; page: number; current: boolean } | { type: 'ellipsis'; key: string };

/**
 * Page numbers to show: the first, the last, the current one and `siblings` on each side of it,
 * with an ellipsis for each gap of two or more pages (a gap of one shows the page itself).
 */
export function paginationItems(page: number, total: number, siblings = 1): PaginationItem[] {
  if (total < 1) return [];
  const current = Math.min(Math.max(1, Math.trunc(page)), total);
  const shown = new Set<number>([1, total]);
  for (let p = current - siblings; p <= current + siblings; p++) if (p >= 1 && p <= total) shown.add(p);
  const pages = [...shown].sort((a, b) => a - b);
  const items: PaginationItem[] = [];
  let previous = 0;
  for (const p of pages) {
    if (p - previous === 2) items.push({ type: 'page', page: p - 1, current: false });
    else if (p - previous > 2) items.push({ type: 'ellipsis', key: `gap-${previous}` });
    items.push({ type: 'page', page: p, current: p === current });
    previous = p;
  }
  return items;
}
