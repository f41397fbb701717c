export { default as StaticMap } from './static-map.svelte';
export { communeShapes, pathOf, project, WIDTH, HEIGHT } from './project.ts';
