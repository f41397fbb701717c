export { default as Container } from './container.svelte';
