// The public pages' data, kept in memory per released version. A released version never changes (the
// database refuses it), so an entry never goes stale and nothing needs invalidating: a new release or a
// correction changes the released version ids, hence the key. The key is computed at each request from
// the versions released at that instant (services/published.ts), so an approved but embargoed version
// can never be part of a key, nor of a cached value. Bounded: the least recently used entries go first.

export interface CacheStats {
  hits: number;
  misses: number;
  size: number;
}

export class PageCache {
  #entries = new Map<string, Promise<unknown>>();
  #hits = 0;
  #misses = 0;
  constructor(readonly maxEntries = 400) {}

  /** The value for `key`, computed once (concurrent requests share the computation; a failure is not kept). */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const found = this.#entries.get(key);
    if (found) {
      this.#hits++;
      // Most recently used goes to the end.
      this.#entries.delete(key);
      this.#entries.set(key, found);
      return found as Promise<T>;
    }
    this.#misses++;
    const value = compute();
    this.#entries.set(key, value);
    value.catch(() => this.#entries.delete(key));
    while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return value;
  }

  keys(): string[] {
    return [...this.#entries.keys()];
  }

  stats(): CacheStats {
    return { hits: this.#hits, misses: this.#misses, size: this.#entries.size };
  }

  clear() {
    this.#entries.clear();
    this.#hits = 0;
    this.#misses = 0;
  }
}

/** The process's cache of published pages' data. */
export const pageCache = new PageCache();

/** The cache key of a view: the ids of the versions released now, then the view. */
export function cacheKey(kind: string, versionIds: readonly string[], view: Readonly<Record<string, string | number | undefined>> = {}): string {
  const parts = Object.keys(view)
    .sort()
    .map((k) => `${k}=${view[k] ?? ''}`);
  return `${kind}|${versionIds.join(',')}|${parts.join('&')}`;
}
