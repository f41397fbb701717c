// Shim: the page belongs to the ideas plugin (plugins/ideas/src/routes/new-idea.ts).
export { load, actions } from '@passerelle/plugin-ideas/routes/new-idea';
