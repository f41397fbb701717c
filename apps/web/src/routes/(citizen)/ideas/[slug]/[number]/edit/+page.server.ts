// Shim: the page belongs to the ideas plugin (plugins/ideas/src/routes/edit-idea.ts).
export { load, actions } from '@passerelle/plugin-ideas/routes/edit-idea';
