// Shim: the page belongs to the mobile-epn plugin (plugins/mobile-epn/src/routes/travel-settings.ts).
export { load, actions } from '@passerelle/plugin-mobile-epn/routes/travel-settings';
