// Shim: the day's route map belongs to the mobile-epn plugin (plugins/mobile-epn/src/routes/calendar-pages.ts).
export { dayMap as GET } from '@passerelle/plugin-mobile-epn/routes/calendar-pages';
