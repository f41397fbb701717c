// Shim: the private calendar feed belongs to the mobile-epn plugin (plugins/mobile-epn/src/routes/calendar-pages.ts).
export { feedIcs as GET } from '@passerelle/plugin-mobile-epn/routes/calendar-pages';
