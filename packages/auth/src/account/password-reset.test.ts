import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { createSession, validateSession } from '../sessions.ts';
import { createUser, expectAppError, PASSWORD, uniqueEmail } from '../test-helpers.ts';
import { login } from './login.ts';
import { requestPasswordReset, resetPassword } from './password-reset.ts';

const NEW_PASSWORD = 'a brand new passphrase';

describeEachDb('password reset', (ctx) => {
  it('never reveals whether an address exists: null for unknown and disabled accounts', async () => {
    expect(await requestPasswordReset({ db: ctx.getDb(), email: uniqueEmail('nobody') })).toBeNull();
    const disabled = await createUser(ctx.getDb(), { disabled: true });
    expect(await requestPasswordReset({ db: ctx.getDb(), email: disabled.email })).toBeNull();
  });

  it('resets the password with the emailed token and logs the user out everywhere', async () => {
    const user = await createUser(ctx.getDb());
    const s1 = await createSession({ db: ctx.getDb(), userId: user.id });
    const s2 = await createSession({ db: ctx.getDb(), userId: user.id });

    const request = await requestPasswordReset({ db: ctx.getDb(), email: ` ${user.email.toUpperCase()}` });
    expect(request).toMatchObject({ userId: user.id, email: user.email, displayName: user.displayName, locale: 'fr' });
    expect(await resetPassword({ db: ctx.getDb(), token: request!.token, password: NEW_PASSWORD })).toEqual({ userId: user.id });

    expect(await validateSession({ db: ctx.getDb(), token: s1.token })).toBeNull();
    expect(await validateSession({ db: ctx.getDb(), token: s2.token })).toBeNull();
    await expectAppError(login({ db: ctx.getDb(), email: user.email, password: PASSWORD }), 'INVALID_CREDENTIALS');
    expect((await login({ db: ctx.getDb(), email: user.email, password: NEW_PASSWORD })).user.id).toBe(user.id);
    // The token is spent.
    await expectAppError(resetPassword({ db: ctx.getDb(), token: request!.token, password: 'yet another passphrase' }), 'TOKEN_INVALID');
  });

  it('keeps the token usable when the new password fails the policy', async () => {
    const user = await createUser(ctx.getDb());
    const request = await requestPasswordReset({ db: ctx.getDb(), email: user.email });
    const error = await expectAppError(resetPassword({ db: ctx.getDb(), token: request!.token, password: 'short' }), 'VALIDATION');
    expect(error.fieldErrors).toEqual({ password: 'error_password_too_short' });
    await expectAppError(resetPassword({ db: ctx.getDb(), token: request!.token, password: user.email }), 'VALIDATION');
    await resetPassword({ db: ctx.getDb(), token: request!.token, password: NEW_PASSWORD });
  });

  it('only the newest link works, and an expired link does not', async () => {
    const user = await createUser(ctx.getDb());
    const first = await requestPasswordReset({ db: ctx.getDb(), email: user.email });
    const second = await requestPasswordReset({ db: ctx.getDb(), email: user.email });
    await expectAppError(resetPassword({ db: ctx.getDb(), token: first!.token, password: NEW_PASSWORD }), 'TOKEN_INVALID');
    await ctx.getDb().authToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expectAppError(resetPassword({ db: ctx.getDb(), token: second!.token, password: NEW_PASSWORD }), 'TOKEN_INVALID');
  });

  it('verifies the address of an unverified account (the link proves the mailbox)', async () => {
    const user = await createUser(ctx.getDb(), { verified: false });
    const request = await requestPasswordReset({ db: ctx.getDb(), email: user.email });
    await resetPassword({ db: ctx.getDb(), token: request!.token, password: NEW_PASSWORD });
    expect((await login({ db: ctx.getDb(), email: user.email, password: NEW_PASSWORD })).user.id).toBe(user.id);
  });

  it('two concurrent resets with one token: exactly one wins', async () => {
    const user = await createUser(ctx.getDb());
    const request = await requestPasswordReset({ db: ctx.getDb(), email: user.email });
    const results = await Promise.allSettled([
      resetPassword({ db: ctx.getDb(), token: request!.token, password: 'first concurrent pass' }),
      resetPassword({ db: ctx.getDb(), token: request!.token, password: 'second concurrent pass' })
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});
