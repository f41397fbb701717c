// Shim: the picture endpoint belongs to the ideas plugin (plugins/ideas/src/routes/image.ts).
export { GET } from '@passerelle/plugin-ideas/routes/image';
