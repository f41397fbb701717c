// Shim: the page belongs to the mobile-epn plugin (plugins/mobile-epn/src/routes/trainer-form.ts).
export { load, actions } from '@passerelle/plugin-mobile-epn/routes/trainer-form';
