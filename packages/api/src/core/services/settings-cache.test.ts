import { describe, expect, it } from 'vitest';
import type { Db } from '@passerelle/db';
import { SETTINGS_TTL_MS, cached, invalidate } from './settings-cache.ts';

describe('settings cache', () => {
  it('reads once per TTL per database, again after an invalidation or once expired', async () => {
    const db = {} as Db;
    const other = {} as Db;
    let reads = 0;
    const load = async () => ++reads;
    const now = 1_000_000;
    expect(await cached(db, 'k', load, now)).toBe(1);
    expect(await cached(db, 'k', load, now + 10)).toBe(1);
    expect(await cached(other, 'k', load, now + 10)).toBe(2);
    invalidate(db);
    expect(await cached(db, 'k', load, now + 20)).toBe(3);
    expect(await cached(db, 'k', load, now + 20 + SETTINGS_TTL_MS + 1)).toBe(4);
  });

  it('does not keep a failed read', async () => {
    const db = {} as Db;
    await expect(cached(db, 'k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await new Promise((r) => setTimeout(r, 0));
    expect(await cached(db, 'k', async () => 'up')).toBe('up');
  });
});
