export { default as Table } from './table.svelte';
export type { TableColumn, SortDirection } from './types.ts';
