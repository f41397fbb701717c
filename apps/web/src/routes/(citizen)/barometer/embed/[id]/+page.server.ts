// Shim: the embeddable version of an indicator (plugins/barometer/src/routes/public-embed.ts).
export { load } from '@passerelle/plugin-barometer/routes/public-embed';
