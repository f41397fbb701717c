// Shim: the page belongs to the barometer plugin (plugins/barometer/src/routes/public-indicator.ts).
export { load } from '@passerelle/plugin-barometer/routes/public-indicator';
