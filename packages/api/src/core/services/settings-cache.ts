import type { Db } from '@passerelle/db';

// Role-grant overrides and plugin switches are read on every request but change rarely (an admin
// action). They are kept per database client for a short time: a change made on this server is seen
// at once (the writer invalidates), a change made on another app server within SETTINGS_TTL_MS.

export const SETTINGS_TTL_MS = Number(process.env.SETTINGS_CACHE_MS ?? 2000);

type Entry = { value: Promise<unknown>; expires: number };
const caches = new WeakMap<object, Map<string, Entry>>();

export function cached<T>(db: Db, key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  const value = load();
  cache.set(key, { value, expires: now + SETTINGS_TTL_MS });
  value.catch(() => cache!.delete(key));
  return value;
}

/** After a write: the next request reads the database again. */
export function invalidate(db: Db, key?: string): void {
  if (key) caches.get(db)?.delete(key);
  else caches.delete(db);
}
