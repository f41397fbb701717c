// Shim: the page belongs to the mobile-epn plugin (plugins/mobile-epn/src/routes/calendar-pages.ts).
export { loadDay as load } from '@passerelle/plugin-mobile-epn/routes/calendar-pages';
