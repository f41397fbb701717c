// Shim: the page belongs to the epn-survey plugin (plugins/epn-survey/src/routes/activity-month.ts).
export { load, actions } from '@passerelle/plugin-epn-survey/routes/activity-month';
