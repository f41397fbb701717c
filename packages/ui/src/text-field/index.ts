export { default as TextField } from './text-field.svelte';
export type { TextFieldType, TextFieldWidth } from './types.ts';
