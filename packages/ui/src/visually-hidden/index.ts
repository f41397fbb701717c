export { default as VisuallyHidden } from './visually-hidden.svelte';
