// Shim: the endpoint belongs to the ideas plugin (plugins/ideas/src/routes/similar.ts).
export { GET } from '@passerelle/plugin-ideas/routes/similar';
