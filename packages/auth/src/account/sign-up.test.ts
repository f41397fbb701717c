import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { hashToken } from '../crypto.ts';
import { verifyPassword } from '../password.ts';
import { createSession, validateSession } from '../sessions.ts';
import { expectAppError, PASSWORD, uniqueEmail } from '../test-helpers.ts';
import { login } from './login.ts';
import { resendVerification } from './resend-verification.ts';
import { signUp } from './sign-up.ts';
import { verifyEmail } from './verify-email.ts';

describeEachDb('sign-up, email verification and login', (ctx) => {
  it('signs up (normalised email, hashed password), verifies, then logs in', async () => {
    const email = uniqueEmail('Flow');
    const { user, token } = await signUp({ db: ctx.getDb(), email: `  ${email.toUpperCase()} `, password: PASSWORD, displayName: '  Amina ', locale: 'nl' });
    expect(user).toMatchObject({ email: email.toLowerCase(), displayName: 'Amina', locale: 'nl' });
    const row = await ctx.getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.emailVerifiedAt).toBeNull();
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword({ hash: row.passwordHash, password: PASSWORD })).toBe(true);
    const tokenRow = await ctx.getDb().authToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(tokenRow).toMatchObject({ userId: user.id, kind: 'verify_email', usedAt: null });

    // Unverified accounts may not log in, and only learn it with the right password.
    const notVerified = await expectAppError(login({ db: ctx.getDb(), email, password: PASSWORD }), 'EMAIL_NOT_VERIFIED');
    expect(notVerified.params).toEqual({ email: email.toLowerCase() });
    await expectAppError(login({ db: ctx.getDb(), email, password: 'wrong password!' }), 'INVALID_CREDENTIALS');

    expect(await verifyEmail({ db: ctx.getDb(), token })).toEqual({ userId: user.id, email: email.toLowerCase() });
    expect((await ctx.getDb().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeInstanceOf(Date);
    await expectAppError(verifyEmail({ db: ctx.getDb(), token }), 'TOKEN_INVALID');

    const { user: loggedIn } = await login({ db: ctx.getDb(), email: email.toUpperCase(), password: PASSWORD });
    expect(loggedIn.id).toBe(user.id);
    const session = await createSession({ db: ctx.getDb(), userId: loggedIn.id });
    expect((await validateSession({ db: ctx.getDb(), token: session.token }))?.user.id).toBe(user.id);
  });

  it('refuses a taken email, whatever its case, with EMAIL_TAKEN', async () => {
    const email = uniqueEmail('taken');
    await signUp({ db: ctx.getDb(), email, password: PASSWORD, displayName: 'First' });
    const error = await expectAppError(signUp({ db: ctx.getDb(), email: email.toUpperCase(), password: 'another passphrase', displayName: 'Second' }), 'EMAIL_TAKEN');
    expect(error.fieldErrors).toEqual({ email: 'error_email_taken' });
    expect(await ctx.getDb().user.count({ where: { email } })).toBe(1);
  });

  it('reports every invalid field at once and creates nothing', async () => {
    const email = uniqueEmail('invalid');
    const error = await expectAppError(signUp({ db: ctx.getDb(), email, password: 'short', displayName: '   ' }), 'VALIDATION');
    expect(error.fieldErrors).toEqual({ password: 'error_password_too_short', displayName: 'error_field_too_short' });
    await expectAppError(signUp({ db: ctx.getDb(), email, password: email, displayName: 'X' }), 'VALIDATION');
    const tooLong = await expectAppError(signUp({ db: ctx.getDb(), email: `${'a'.repeat(250)}@example.org`, password: PASSWORD, displayName: 'x'.repeat(81) }), 'VALIDATION');
    expect(tooLong.fieldErrors).toEqual({ email: 'error_field_too_long', displayName: 'error_field_too_long' });
    expect(await ctx.getDb().user.count({ where: { email } })).toBe(0);
  });

  it('falls back to French for an unsupported locale', async () => {
    const { user } = await signUp({ db: ctx.getDb(), email: uniqueEmail('locale'), password: PASSWORD, displayName: 'L', locale: 'de' });
    expect(user.locale).toBe('fr');
  });

  it('resends a verification link that replaces the first one; nothing for unknown or verified addresses', async () => {
    const email = uniqueEmail('resend');
    const first = await signUp({ db: ctx.getDb(), email, password: PASSWORD, displayName: 'R' });
    const again = await resendVerification({ db: ctx.getDb(), email: email.toUpperCase() });
    expect(again).toMatchObject({ userId: first.user.id, email, displayName: 'R', locale: 'fr' });
    await expectAppError(verifyEmail({ db: ctx.getDb(), token: first.token }), 'TOKEN_INVALID');
    await verifyEmail({ db: ctx.getDb(), token: again!.token });
    expect(await resendVerification({ db: ctx.getDb(), email })).toBeNull();
    expect(await resendVerification({ db: ctx.getDb(), email: uniqueEmail('nobody') })).toBeNull();
  });
});
