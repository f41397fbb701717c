// Shim: the clickable map of the ideas plugin (plugins/ideas/src/routes/map-svg.ts).
export { GET } from '@passerelle/plugin-ideas/routes/map-svg';
