// Shim: the public read-only API of the barometer plugin (plugins/barometer/src/routes/open-data-api.ts).
export { indicatorFile as GET } from '@passerelle/plugin-barometer/routes/open-data-api';
