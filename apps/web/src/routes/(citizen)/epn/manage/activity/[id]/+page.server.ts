// Shim: the page belongs to the epn-survey plugin (plugins/epn-survey/src/routes/activity-edit.ts).
export { load, actions } from '@passerelle/plugin-epn-survey/routes/activity-edit';
