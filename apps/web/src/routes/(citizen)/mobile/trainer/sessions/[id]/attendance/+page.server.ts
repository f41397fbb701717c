// Shim: the page belongs to the mobile-epn plugin (plugins/mobile-epn/src/routes/attendance.ts).
export { load, actions } from '@passerelle/plugin-mobile-epn/routes/attendance';
