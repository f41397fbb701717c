// Shim: the page belongs to the ideas plugin (plugins/ideas/src/routes/open-data-page.ts).
export { load } from '@passerelle/plugin-ideas/routes/open-data-page';
