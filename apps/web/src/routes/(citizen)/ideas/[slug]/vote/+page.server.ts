// Shim: the page belongs to the ideas plugin (plugins/ideas/src/routes/vote.ts).
export { load, actions } from '@passerelle/plugin-ideas/routes/vote';
