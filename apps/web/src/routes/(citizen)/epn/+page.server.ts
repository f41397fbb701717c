// Shim: the page belongs to the epn-survey plugin (plugins/epn-survey/src/routes/directory.ts).
export { load } from '@passerelle/plugin-epn-survey/routes/directory';
