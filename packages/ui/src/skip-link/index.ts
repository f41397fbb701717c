export { default as SkipLink } from './skip-link.svelte';
