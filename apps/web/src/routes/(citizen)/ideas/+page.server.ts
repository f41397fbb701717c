// Shim: the page belongs to the ideas plugin (plugins/ideas/src/routes/consultations.ts).
export { load } from '@passerelle/plugin-ideas/routes/consultations';
