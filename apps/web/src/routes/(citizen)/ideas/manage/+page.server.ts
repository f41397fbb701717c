// Shim: the page belongs to the ideas plugin (plugins/ideas/src/routes/manage.ts).
export { load } from '@passerelle/plugin-ideas/routes/manage';
