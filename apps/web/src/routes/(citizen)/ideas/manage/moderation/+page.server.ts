// Shim: the page belongs to the ideas plugin (plugins/ideas/src/routes/moderation.ts).
export { load, actions } from '@passerelle/plugin-ideas/routes/moderation';
