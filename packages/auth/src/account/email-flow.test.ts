import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { resetPasswordMail, verifyEmailMail } from '../mail/templates.ts';
import { startMailCatcher, type MailCatcher } from '../mail/test-server.ts';
import { createSession, validateSession } from '../sessions.ts';
import { expectAppError, PASSWORD, uniqueEmail } from '../test-helpers.ts';
import { login } from './login.ts';
import { requestPasswordReset, resetPassword } from './password-reset.ts';
import { signUp } from './sign-up.ts';
import { verifyEmail } from './verify-email.ts';

const ORIGIN = 'http://passerelle.test';

/** The token in the first link of an email, as a user clicking it would send it. */
function tokenFromMail(links: string[]): string {
  const token = new URL(links[0]!).searchParams.get('token');
  if (!token) throw new Error('no token in the email');
  return token;
}

describeEachDb('account flows through real email', (ctx) => {
  let catcher: MailCatcher;
  let mailer: Mailer;
  beforeAll(async () => {
    catcher = await startMailCatcher();
    mailer = createMailer({ smtpUrl: catcher.smtpUrl, from: 'Passerelle <no-reply@passerelle.test>' });
  });
  afterAll(async () => {
    mailer.close();
    await catcher?.close();
  });

  it('sign up -> verification email over SMTP -> click the link -> log in', async () => {
    const email = uniqueEmail('mail');
    const { user, token } = await signUp({ db: ctx.getDb(), email, password: PASSWORD, displayName: 'Sam', locale: 'fr' });
    await mailer.sendMail(verifyEmailMail({ to: user.email, locale: user.locale, displayName: user.displayName, link: `${ORIGIN}/fr/verify-email?token=${token}` }));

    const mail = await catcher.waitForMessage({ to: email, subject: 'Confirmez', timeoutMs: 5000 });
    expect(mail.text).toContain('Bonjour Sam,');
    await verifyEmail({ db: ctx.getDb(), token: tokenFromMail(mail.links) });
    const { user: loggedIn } = await login({ db: ctx.getDb(), email, password: PASSWORD });
    const { token: sessionToken } = await createSession({ db: ctx.getDb(), userId: loggedIn.id });
    expect((await validateSession({ db: ctx.getDb(), token: sessionToken }))?.user.email).toBe(email);
  });

  it('forgot password -> reset email -> new password; old sessions and password stop working', async () => {
    const email = uniqueEmail('reset');
    const { token } = await signUp({ db: ctx.getDb(), email, password: PASSWORD, displayName: 'Noor', locale: 'en' });
    await verifyEmail({ db: ctx.getDb(), token });
    const { user } = await login({ db: ctx.getDb(), email, password: PASSWORD });
    const before = await createSession({ db: ctx.getDb(), userId: user.id });

    const request = await requestPasswordReset({ db: ctx.getDb(), email });
    await mailer.sendMail(resetPasswordMail({ to: request!.email, locale: request!.locale, link: `${ORIGIN}/en/reset-password?token=${request!.token}` }));
    const mail = await catcher.waitForMessage({ to: email, subject: 'Choose a new password', timeoutMs: 5000 });
    await resetPassword({ db: ctx.getDb(), token: tokenFromMail(mail.links), password: 'my new long passphrase' });

    expect(await validateSession({ db: ctx.getDb(), token: before.token })).toBeNull();
    await expectAppError(login({ db: ctx.getDb(), email, password: PASSWORD }), 'INVALID_CREDENTIALS');
    await login({ db: ctx.getDb(), email, password: 'my new long passphrase' });
  });
});
