// Shim: the clickable map of the EPN form (plugins/epn-survey/src/routes/map-svg.ts).
export { GET } from '@passerelle/plugin-epn-survey/routes/map-svg';
