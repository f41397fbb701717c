// Shim: the page belongs to the epn-survey plugin (plugins/epn-survey/src/routes/dashboard.ts).
export { loadRegion as load } from '@passerelle/plugin-epn-survey/routes/dashboard';
