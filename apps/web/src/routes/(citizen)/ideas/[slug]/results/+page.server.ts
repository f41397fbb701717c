// Shim: the page belongs to the ideas plugin (plugins/ideas/src/routes/results.ts).
export { load } from '@passerelle/plugin-ideas/routes/results';
