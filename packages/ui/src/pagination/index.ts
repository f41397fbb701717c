export { default as Pagination } from './pagination.svelte';
export { paginationItems, type PaginationI18n, type PaginationItem } from './pagination.ts';
