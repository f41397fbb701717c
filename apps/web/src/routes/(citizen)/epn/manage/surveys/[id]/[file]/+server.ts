// Shim: the export belongs to the epn-survey plugin (plugins/epn-survey/src/routes/responses-file.ts).
export { GET } from '@passerelle/plugin-epn-survey/routes/responses-file';
