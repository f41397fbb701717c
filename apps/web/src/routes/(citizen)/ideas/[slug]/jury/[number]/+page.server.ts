// Shim: the page belongs to the ideas plugin (plugins/ideas/src/routes/jury-idea.ts).
export { load, actions } from '@passerelle/plugin-ideas/routes/jury-idea';
