// Shim: the page belongs to the ideas plugin (plugins/ideas/src/routes/consultation.ts).
export { load } from '@passerelle/plugin-ideas/routes/consultation';
