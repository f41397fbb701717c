// Shim: the page belongs to the barometer plugin (plugins/barometer/src/routes/edition-page.ts).
export { load } from '@passerelle/plugin-barometer/routes/edition-page';
