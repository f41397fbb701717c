// Shim: the page belongs to the mobile-epn plugin (plugins/mobile-epn/src/routes/venue-session.ts).
export { load, actions } from '@passerelle/plugin-mobile-epn/routes/venue-session';
