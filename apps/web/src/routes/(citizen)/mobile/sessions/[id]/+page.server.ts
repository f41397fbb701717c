// Shim: the page belongs to the mobile-epn plugin (plugins/mobile-epn/src/routes/session-page.ts).
export { load, actions } from '@passerelle/plugin-mobile-epn/routes/session-page';
