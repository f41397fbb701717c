import { hash } from '@node-rs/argon2';
import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { ARGON2_OPTIONS, passwordNeedsRehash, passwordVerifications } from '../password.ts';
import { createSession, invalidateSession, validateSession } from '../sessions.ts';
import { createUser, expectAppError, PASSWORD, uniqueEmail } from '../test-helpers.ts';
import { login } from './login.ts';

describeEachDb('login', (ctx) => {
  it('gives the same INVALID_CREDENTIALS for a wrong password and for an unknown email', async () => {
    const user = await createUser(ctx.getDb());
    const wrong = await expectAppError(login({ db: ctx.getDb(), email: user.email, password: 'not the password' }), 'INVALID_CREDENTIALS');
    const unknown = await expectAppError(login({ db: ctx.getDb(), email: uniqueEmail('ghost'), password: PASSWORD }), 'INVALID_CREDENTIALS');
    expect(unknown.message).toBe(wrong.message);
    expect(await ctx.getDb().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('runs one argon2 verification for an unknown email, as for a wrong password (no timing oracle)', async () => {
    const user = await createUser(ctx.getDb());
    const verificationsFor = async (email: string) => {
      const before = passwordVerifications.count;
      await expectAppError(login({ db: ctx.getDb(), email, password: 'not the password' }), 'INVALID_CREDENTIALS');
      return passwordVerifications.count - before;
    };
    // The cost of a login attempt is the argon2 verification (tens of ms); both paths pay exactly one, so
    // response times do not tell whether an address has an account.
    expect(await verificationsFor(user.email)).toBe(1);
    expect(await verificationsFor(uniqueEmail('ghost'))).toBe(1);
  });

  it('returns the user (never the hash) and opens no session itself: the caller rotates it', async () => {
    const user = await createUser(ctx.getDb(), { displayName: 'Lina' });
    const result = await login({ db: ctx.getDb(), email: ` ${user.email.toUpperCase()} `, password: PASSWORD });
    expect(result.user).toMatchObject({ id: user.id, email: user.email, displayName: 'Lina' });
    expect(result.user).not.toHaveProperty('passwordHash');
    expect(await ctx.getDb().session.count({ where: { userId: user.id } })).toBe(0);
    // Rotation as the API does it: end the old cookie's session, open a new one.
    const old = await createSession({ db: ctx.getDb(), userId: user.id });
    await invalidateSession({ db: ctx.getDb(), sessionId: old.sessionId });
    const fresh = await createSession({ db: ctx.getDb(), userId: result.user.id });
    expect(fresh.token).not.toBe(old.token);
    expect(await validateSession({ db: ctx.getDb(), token: old.token })).toBeNull();
    expect((await validateSession({ db: ctx.getDb(), token: fresh.token }))?.user.id).toBe(user.id);
  });

  it('refuses a disabled account (FORBIDDEN, only with the right password) and an unverified one', async () => {
    const disabled = await createUser(ctx.getDb(), { disabled: true });
    await expectAppError(login({ db: ctx.getDb(), email: disabled.email, password: 'not the password' }), 'INVALID_CREDENTIALS');
    await expectAppError(login({ db: ctx.getDb(), email: disabled.email, password: PASSWORD }), 'FORBIDDEN');
    const unverified = await createUser(ctx.getDb(), { verified: false });
    await expectAppError(login({ db: ctx.getDb(), email: unverified.email, password: PASSWORD }), 'EMAIL_NOT_VERIFIED');
    expect(await ctx.getDb().session.count({ where: { userId: { in: [disabled.id, unverified.id] } } })).toBe(0);
  });

  it('upgrades a hash made with weaker parameters', async () => {
    const user = await createUser(ctx.getDb());
    await ctx.getDb().user.update({ where: { id: user.id }, data: { passwordHash: await hash(PASSWORD, { ...ARGON2_OPTIONS, memoryCost: 4096, timeCost: 1 }) } });
    await login({ db: ctx.getDb(), email: user.email, password: PASSWORD });
    const { passwordHash } = await ctx.getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(passwordNeedsRehash(passwordHash)).toBe(false);
    await login({ db: ctx.getDb(), email: user.email, password: PASSWORD });
  });
});
