import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { isUniqueViolation } from './db-client.ts';
import { createUser } from './test-helpers.ts';

describeEachDb('isUniqueViolation', (ctx) => {
  it('recognises a duplicate key on this database, and nothing else', async () => {
    const user = await createUser(ctx.getDb());
    const duplicate = await createUser(ctx.getDb(), { email: user.email }).catch((e: unknown) => e);
    expect(isUniqueViolation(duplicate)).toBe(true);
    const other = await ctx.getDb().user.update({ where: { id: 'missing' }, data: { displayName: 'x' } }).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(Error);
    expect(isUniqueViolation(other)).toBe(false);
    expect(isUniqueViolation(new Error('duplicate'))).toBe(false);
  });
});
