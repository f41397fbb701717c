// Shim: the page belongs to the barometer plugin (plugins/barometer/src/routes/manage-editions.ts).
export { load, actions } from '@passerelle/plugin-barometer/routes/manage-editions';
