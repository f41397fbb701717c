// Shim: the clickable map of the venue and trainer forms (plugins/mobile-epn/src/routes/map-svg.ts).
export { GET } from '@passerelle/plugin-mobile-epn/routes/map-svg';
