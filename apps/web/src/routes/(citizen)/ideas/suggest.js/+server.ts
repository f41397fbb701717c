// Shim: the endpoint belongs to the ideas plugin (plugins/ideas/src/routes/suggest-script.ts).
export { GET } from '@passerelle/plugin-ideas/routes/suggest-script';
