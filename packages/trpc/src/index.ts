export * from './roles.ts';
export * from './context.ts';
export * from './errors.ts';
export * from './error-mapping.ts';
export * from './init.ts';
