import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { hashToken } from './crypto.ts';
import { AUTH_TOKEN_TTL_MS, consumeAuthToken, createAuthToken, peekAuthToken } from './tokens.ts';
import { createUser, expectAppError } from './test-helpers.ts';

describeEachDb('one-time email tokens', (ctx) => {
  it('stores the hash with the right lifetime, and is consumed once', async () => {
    const user = await createUser(ctx.getDb());
    const { token, expiresAt } = await createAuthToken({ db: ctx.getDb(), userId: user.id, kind: 'reset_password' });
    const row = await ctx.getDb().authToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(row.kind).toBe('reset_password');
    expect(Math.abs(expiresAt.getTime() - Date.now() - AUTH_TOKEN_TTL_MS.reset_password)).toBeLessThan(60_000);
    expect(AUTH_TOKEN_TTL_MS).toEqual({ verify_email: 48 * 3600_000, reset_password: 3600_000 });

    expect(await peekAuthToken({ db: ctx.getDb(), token, kind: 'reset_password' })).toEqual({ userId: user.id });
    expect(await consumeAuthToken({ db: ctx.getDb(), token, kind: 'reset_password' })).toEqual({ userId: user.id });
    await expectAppError(consumeAuthToken({ db: ctx.getDb(), token, kind: 'reset_password' }), 'TOKEN_INVALID');
    expect(await peekAuthToken({ db: ctx.getDb(), token, kind: 'reset_password' })).toBeNull();
  });

  it('cannot be used twice even concurrently: exactly one of two parallel consumes succeeds', async () => {
    for (let round = 0; round < 5; round++) {
      const user = await createUser(ctx.getDb());
      const { token } = await createAuthToken({ db: ctx.getDb(), userId: user.id, kind: 'verify_email' });
      const results = await Promise.allSettled([
        consumeAuthToken({ db: ctx.getDb(), token, kind: 'verify_email' }),
        consumeAuthToken({ db: ctx.getDb(), token, kind: 'verify_email' })
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.filter((r) => r.status === 'rejected');
      expect(rejected).toHaveLength(1);
      expect((rejected[0] as PromiseRejectedResult).reason.code).toBe('TOKEN_INVALID');
    }
  });

  it('rejects an expired token, a token of another kind, and an unknown token', async () => {
    const user = await createUser(ctx.getDb());
    const { token } = await createAuthToken({ db: ctx.getDb(), userId: user.id, kind: 'verify_email' });
    await expectAppError(consumeAuthToken({ db: ctx.getDb(), token, kind: 'reset_password' }), 'TOKEN_INVALID');
    await ctx.getDb().authToken.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectAppError(consumeAuthToken({ db: ctx.getDb(), token, kind: 'verify_email' }), 'TOKEN_INVALID');
    await expectAppError(consumeAuthToken({ db: ctx.getDb(), token: 'nope'.repeat(11), kind: 'verify_email' }), 'TOKEN_INVALID');
  });

  it('a new token replaces the unused one of the same kind, not the other kind', async () => {
    const user = await createUser(ctx.getDb());
    const first = await createAuthToken({ db: ctx.getDb(), userId: user.id, kind: 'reset_password' });
    const verify = await createAuthToken({ db: ctx.getDb(), userId: user.id, kind: 'verify_email' });
    const second = await createAuthToken({ db: ctx.getDb(), userId: user.id, kind: 'reset_password' });
    await expectAppError(consumeAuthToken({ db: ctx.getDb(), token: first.token, kind: 'reset_password' }), 'TOKEN_INVALID');
    expect(await consumeAuthToken({ db: ctx.getDb(), token: second.token, kind: 'reset_password' })).toEqual({ userId: user.id });
    expect(await consumeAuthToken({ db: ctx.getDb(), token: verify.token, kind: 'verify_email' })).toEqual({ userId: user.id });
  });
});
