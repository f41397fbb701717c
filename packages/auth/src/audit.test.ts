import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { audit, listAuditLog } from './audit.ts';
import { createUser } from './test-helpers.ts';

describeEachDb('audit log', (ctx) => {
  it('records an action with its actor, target and data', async () => {
    const actor = await createUser(ctx.getDb(), { displayName: 'Admin Ada' });
    const { id } = await audit({ db: ctx.getDb(), actorId: actor.id, action: 'user.disable', targetType: 'user', targetId: 'u1', data: { reason: 'spam', count: 2, tags: ['a', null] } });
    const row = await ctx.getDb().auditLog.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ actorId: actor.id, action: 'user.disable', targetType: 'user', targetId: 'u1', data: { reason: 'spam', count: 2, tags: ['a', null] } });
    const minimal = await audit({ db: ctx.getDb(), actorId: null, action: 'system.cleanup' });
    expect(await ctx.getDb().auditLog.findUniqueOrThrow({ where: { id: minimal.id } })).toMatchObject({ actorId: null, targetType: null, targetId: null, data: null });
  });

  it('joins a transaction when given its client, and rolls back with it', async () => {
    const action = `tx.${randomUUID()}`;
    await ctx.getDb()
      .$transaction(async (tx) => {
        await audit({ db: tx, actorId: null, action });
        throw new Error('rollback');
      })
      .catch(() => {});
    expect(await ctx.getDb().auditLog.count({ where: { action } })).toBe(0);
  });

  it('lists newest first, pages with a cursor without gaps or repeats, and filters by action', async () => {
    const actor = await createUser(ctx.getDb(), { displayName: 'Pager' });
    const ns = `page${randomUUID().slice(0, 6)}`;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await audit({ db: ctx.getDb(), actorId: actor.id, action: `${ns}.${i % 2 ? 'odd' : 'even'}`, data: { i } })).id);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listAuditLog>> = await listAuditLog({ db: ctx.getDb(), cursor, limit: 3, action: `${ns}.*` });
      expect(page.entries.length).toBeLessThanOrEqual(3);
      seen.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());

    const odd = await listAuditLog({ db: ctx.getDb(), limit: 50, action: `${ns}.odd` });
    expect(odd.entries.map((e) => (e.data as { i: number }).i)).toEqual([5, 3, 1]);
    expect(odd.entries[0]?.actor).toEqual({ id: actor.id, displayName: 'Pager', email: actor.email });
    expect(odd.nextCursor).toBeNull();
  });

  it('clamps the page size', async () => {
    const page = await listAuditLog({ db: ctx.getDb(), limit: 0 });
    expect(page.entries.length).toBeLessThanOrEqual(1);
  });
});
