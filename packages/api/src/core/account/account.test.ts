import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { permissionDefaults } from '../../context.ts';
import { createTestUser, startTestMail, testCaller, TEST_PASSWORD, type TestMail } from '../../testing.ts';

const defaults = permissionDefaults([]);
let mail: TestMail;
beforeAll(async () => {
  mail = await startTestMail();
});
afterAll(async () => {
  await mail.close();
});

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describeEachDb('account procedures', ({ getDb }) => {
  const call = (opts: { userId?: string | null; ip?: string; locale?: string } = {}) => testCaller({ db: getDb(), sendMail: mail.sendMail, permissionDefaults: defaults, ...opts });

  it('signs up, emails a working verification link, logs in with a new session cookie, and logs out', async () => {
    const email = `new-${Date.now()}@example.org`;
    const { caller } = await call({ ip: '198.51.100.1' });
    await expect(caller.account.signUp({ email: ` ${email.toUpperCase()} `, password: 'correct horse battery', displayName: 'Nadia', locale: 'nl' })).resolves.toEqual({ email });

    const message = await mail.catcher.waitForMessage({ to: email, timeoutMs: 10_000 });
    expect(message.subject).toMatch(/bevestig/i);
    const link = message.links.find((l) => l.includes('/nl/verify-email?token='));
    expect(link).toBeDefined();
    const token = new URL(link!).searchParams.get('token')!;

    // Not verified yet.
    const early = await refusal((await call()).caller.account.login({ email, password: 'correct horse battery' }));
    expect(early.code).toBe('FORBIDDEN');

    await (await call()).caller.account.verifyEmail({ token });
    const { caller: loginCaller, ctx } = await call();
    const result = await loginCaller.account.login({ email, password: 'correct horse battery' });
    expect(result.locale).toBe('nl');
    expect(ctx.cookie.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const user = await getDb().user.findUniqueOrThrow({ where: { email } });
    const { caller: signedIn } = await call({ userId: user.id });
    const me = await signedIn.account.me();
    expect(me.actor?.email).toBe(email);
    expect(me.actor?.roles).toEqual(['citizen']);
    await signedIn.account.logout();
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(1); // the login session above remains
  });

  it('refuses a wrong password with the same message as an unknown email, in the caller’s language', async () => {
    const user = await createTestUser(getDb());
    const wrong = await refusal((await call({ locale: 'fr', ip: '198.51.100.2' })).caller.account.login({ email: user.email, password: 'not the password' }));
    const unknown = await refusal((await call({ locale: 'fr', ip: '198.51.100.3' })).caller.account.login({ email: 'nobody@example.org', password: 'not the password' }));
    expect(wrong.code).toBe('BAD_REQUEST');
    expect(wrong.cause).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(unknown.cause).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('rate-limits login attempts per email and address', async () => {
    const user = await createTestUser(getDb());
    const ip = '198.51.100.4';
    for (let i = 0; i < 5; i++) await refusal((await call({ ip })).caller.account.login({ email: user.email, password: 'wrong password!' }));
    const limited = await refusal((await call({ ip })).caller.account.login({ email: user.email, password: TEST_PASSWORD }));
    expect(limited.code).toBe('TOO_MANY_REQUESTS');
    // Another address is not blocked.
    await expect((await call({ ip: '198.51.100.5' })).caller.account.login({ email: user.email, password: TEST_PASSWORD })).resolves.toMatchObject({ userId: user.id });
  });

  it('resets a password by email, ending every session, and the link works once', async () => {
    const user = await createTestUser(getDb());
    await call({ userId: user.id }); // an open session
    await (await call({ ip: '198.51.100.6' })).caller.account.requestPasswordReset({ email: user.email });
    const message = await mail.catcher.waitForMessage({ to: user.email, timeoutMs: 10_000 });
    const token = new URL(message.links.find((l) => l.includes('reset-password'))!).searchParams.get('token')!;
    await (await call()).caller.account.resetPassword({ token, password: 'a brand new passphrase' });
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(0);
    const again = await refusal((await call()).caller.account.resetPassword({ token, password: 'yet another passphrase' }));
    expect(again.cause).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('asks for a reset of an unknown address without saying so, and sends nothing', async () => {
    const { caller } = await call({ ip: '198.51.100.8' });
    await expect(caller.account.requestPasswordReset({ email: 'ghost@example.org' })).resolves.toEqual({ sent: true });
    expect(mail.catcher.messages({ to: 'ghost@example.org' })).toEqual([]);
  });

  it('exports the caller’s data and deletes the account after checking the password', async () => {
    const user = await createTestUser(getDb());
    const { caller } = await call({ userId: user.id });
    const data = (await caller.account.exportData()) as Record<string, unknown>;
    expect(JSON.stringify(data)).toContain(user.email);
    expect(JSON.stringify(data)).not.toContain(user.passwordHash);
    const wrong = await refusal(caller.account.deleteAccount({ password: 'not it at all' }));
    expect(wrong.code).toBe('BAD_REQUEST');
    expect(await getDb().user.count({ where: { id: user.id } })).toBe(1);
    const { caller: again } = await call({ userId: user.id });
    await expect(again.account.deleteAccount({ password: TEST_PASSWORD })).resolves.toEqual({ deleted: true });
    expect(await getDb().user.count({ where: { id: user.id } })).toBe(0);
  });

  it('updates the profile of the caller only', async () => {
    const user = await createTestUser(getDb());
    const other = await createTestUser(getDb());
    const { caller } = await call({ userId: user.id });
    await caller.account.updateProfile({ displayName: 'Mohamed', locale: 'en' });
    expect(await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ displayName: 'Mohamed', locale: 'en' });
    expect(await getDb().user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ displayName: 'Test User', locale: 'fr' });
  });
});

describe('account inputs', () => {
  it('normalises the email and refuses malformed ones before any service runs', async () => {
    const { ZSignUpInput } = await import('./schemas.ts');
    expect(ZSignUpInput.parse({ email: ' A@B.BE ', password: 'x', displayName: ' n ' })).toMatchObject({ email: 'a@b.be', displayName: 'n', locale: 'fr' });
    expect(ZSignUpInput.safeParse({ email: 'nope', password: 'x', displayName: 'n' }).success).toBe(false);
  });
});
