export { default as CountGrid } from './count-grid.svelte';
export type { CountGridAxis } from './types.ts';
