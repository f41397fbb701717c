// Shim: the page belongs to the epn-survey plugin (plugins/epn-survey/src/routes/activity-list.ts).
export { load } from '@passerelle/plugin-epn-survey/routes/activity-list';
