// Shim: the page belongs to the ideas plugin (plugins/ideas/src/routes/jury.ts).
export { load } from '@passerelle/plugin-ideas/routes/jury';
