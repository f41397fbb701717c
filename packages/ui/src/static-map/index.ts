export { default as StaticMap } from './static-map.svelte';
export { communeShapes, pathOf, project, unproject, WIDTH, HEIGHT } from './project.ts';
export { mapSvg } from './svg.ts';
