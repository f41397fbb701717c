// Shim: the page belongs to the ideas plugin (plugins/ideas/src/routes/map.ts).
export { load } from '@passerelle/plugin-ideas/routes/map';
