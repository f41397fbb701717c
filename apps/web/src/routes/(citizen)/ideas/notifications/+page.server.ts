// Shim: the page belongs to the ideas plugin (plugins/ideas/src/routes/notifications.ts).
export { load, actions } from '@passerelle/plugin-ideas/routes/notifications';
