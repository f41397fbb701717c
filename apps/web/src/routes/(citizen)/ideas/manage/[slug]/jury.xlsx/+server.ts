// Shim: the export belongs to the ideas plugin (plugins/ideas/src/routes/jury-export.ts).
export { xlsx as GET } from '@passerelle/plugin-ideas/routes/jury-export';
