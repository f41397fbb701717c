export * from './manifest.ts';
export { listProcedures } from './contract.ts';
