// Shim: the page belongs to the mobile-epn plugin (plugins/mobile-epn/src/routes/venue.ts).
export { load } from '@passerelle/plugin-mobile-epn/routes/venue';
