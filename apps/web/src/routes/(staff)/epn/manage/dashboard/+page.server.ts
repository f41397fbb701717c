// Shim: the page belongs to the epn-survey plugin (plugins/epn-survey/src/routes/dashboard.ts).
export { load } from '@passerelle/plugin-epn-survey/routes/dashboard';
