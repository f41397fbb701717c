export { default as RadioGroup } from './radio-group.svelte';
