export * from './queue.ts';
export * from './files.ts';
export * from './tasks.ts';
