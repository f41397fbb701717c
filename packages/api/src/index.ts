import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root.ts';

export { appRouter, createCaller, type AppRouter } from './root.ts';
export { createContext, permissionDefaults, type CreateContextOptions } from './context.ts';
export { CORE_PERMISSIONS, coreManifest } from './core/permissions.ts';
export * from './core/account/schemas.ts';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
