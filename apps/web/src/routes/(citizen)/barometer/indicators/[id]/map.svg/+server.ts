// Shim: the static map of an indicator, for pages without JavaScript (plugins/barometer/src/routes/public-indicator.ts).
export { mapSvg as GET } from '@passerelle/plugin-barometer/routes/public-indicator';
