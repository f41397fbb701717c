// Shim: the CSV of a view (plugins/barometer/src/routes/public-indicator.ts).
export { csv as GET } from '@passerelle/plugin-barometer/routes/public-indicator';
