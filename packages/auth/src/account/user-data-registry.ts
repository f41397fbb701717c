import type { DbClient } from '../db-client.ts';

// Plugins contribute to the data export and to account deletion (GDPR) through these hooks.
// Kept on globalThis so that two copies of this module (e.g. Vite SSR and Node) share one list.

/** Returns the plugin's data about the user; must be JSON-serialisable (Dates become ISO strings). */
export type UserDataExporter = (options: { db: DbClient; userId: string }) => Promise<unknown>;
/**
 * Runs inside the deletion transaction, before the user row is deleted: anonymise the user's public
 * contributions (keep the content, drop the link to the person) and delete private data.
 * `db` is the transaction client: do not open another transaction.
 */
export type UserDataEraser = (options: { db: DbClient; userId: string }) => Promise<void>;

interface Registry {
  exporters: Map<string, UserDataExporter>;
  erasers: Map<string, UserDataEraser>;
}

const registry = ((globalThis as Record<symbol, unknown>)[Symbol.for('passerelle.auth.user-data')] ??= {
  exporters: new Map(),
  erasers: new Map()
}) as Registry;

/** Adds (or replaces) the exporter named `name` (the plugin id). Returns a function that removes it. */
export function registerUserDataExporter(name: string, fn: UserDataExporter): () => void {
  registry.exporters.set(name, fn);
  return () => {
    if (registry.exporters.get(name) === fn) registry.exporters.delete(name);
  };
}

/** Adds (or replaces) the eraser named `name` (the plugin id). Returns a function that removes it. */
export function registerUserDataEraser(name: string, fn: UserDataEraser): () => void {
  registry.erasers.set(name, fn);
  return () => {
    if (registry.erasers.get(name) === fn) registry.erasers.delete(name);
  };
}

export function userDataExporters(): ReadonlyMap<string, UserDataExporter> {
  return registry.exporters;
}

export function userDataErasers(): ReadonlyMap<string, UserDataEraser> {
  return registry.erasers;
}
