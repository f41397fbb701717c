// Shim: the page belongs to the ideas plugin (plugins/ideas/src/routes/manage-jury.ts).
export { load, actions } from '@passerelle/plugin-ideas/routes/manage-jury';
