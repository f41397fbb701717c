// Shim: the page belongs to the mobile-epn plugin (plugins/mobile-epn/src/routes/my-requests.ts).
export { load, actions } from '@passerelle/plugin-mobile-epn/routes/my-requests';
