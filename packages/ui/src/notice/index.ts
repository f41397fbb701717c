export { default as Notice } from './notice.svelte';
export type { NoticeVariant } from './types.ts';
