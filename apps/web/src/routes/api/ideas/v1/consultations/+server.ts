// Shim: the public read-only API of the ideas plugin (plugins/ideas/src/routes/open-data-api.ts).
export { catalogue as GET } from '@passerelle/plugin-ideas/routes/open-data-api';
