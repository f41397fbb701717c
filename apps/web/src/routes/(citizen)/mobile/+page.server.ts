// Shim: the page belongs to the mobile-epn plugin (plugins/mobile-epn/src/routes/home.ts).
export { load } from '@passerelle/plugin-mobile-epn/routes/home';
