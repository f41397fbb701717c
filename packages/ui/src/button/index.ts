export { default as Button } from './button.svelte';
export type { ButtonVariant } from './types.ts';
