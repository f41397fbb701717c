// Shim: the page belongs to the ideas plugin (plugins/ideas/src/routes/unsubscribe.ts).
export { load, actions } from '@passerelle/plugin-ideas/routes/unsubscribe';
