import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from './mailer.ts';
import { verifyEmailMail } from './templates.ts';
import { startMailCatcher, type MailCatcher } from './test-server.ts';

describe('mailer + mail catcher (real SMTP)', () => {
  let catcher: MailCatcher;
  let mailer: Mailer;
  beforeAll(async () => {
    catcher = await startMailCatcher({ port: 0, httpPort: 0 });
    mailer = createMailer({ smtpUrl: catcher.smtpUrl, from: 'Passerelle <no-reply@passerelle.test>' });
  });
  afterAll(async () => {
    mailer.close();
    await catcher.close();
  });

  it('delivers a templated email that is read back parsed, with its link', async () => {
    catcher.clear();
    const link = 'https://passerelle.test/nl/verify-email?token=Abc_123-xyz';
    const info = await mailer.sendMail(verifyEmailMail({ to: 'Jan@Example.org', locale: 'nl', link, displayName: 'Jan' }));
    expect(info.accepted.map((a) => a.toLowerCase())).toEqual(['jan@example.org']);
    const mail = await catcher.waitForMessage({ to: 'jan@example.org', subject: 'Bevestig', timeoutMs: 5000 });
    expect(mail.from).toBe('no-reply@passerelle.test');
    expect(mail.subject).toBe('Bevestig uw e-mailadres');
    expect(mail.text).toContain('Hallo Jan,');
    expect(mail.links).toEqual([link]);
    expect(mail.html).toContain(`href="${link}"`);
  });

  it('waitForMessage resolves for a message that arrives later, and only for the matching one', async () => {
    catcher.clear();
    const waiting = catcher.waitForMessage({ to: 'later@example.org', timeoutMs: 5000 });
    await mailer.sendMail({ to: 'other@example.org', subject: 'Not this one', text: 'x' });
    await mailer.sendMail({ to: 'later@example.org', subject: 'This one', text: 'hello' });
    expect((await waiting).subject).toBe('This one');
    expect(catcher.messages().map((m) => m.subject)).toEqual(['Not this one', 'This one']);
    expect(catcher.messages({ to: 'OTHER@example.org' })).toHaveLength(1);
  });

  it('waitForMessage rejects after the timeout', async () => {
    await expect(catcher.waitForMessage({ to: 'nobody@example.org', timeoutMs: 100 })).rejects.toThrow(/no email to nobody@example.org/);
  });

  it('serves the messages as JSON over HTTP, filtered by recipient, and clears them', async () => {
    catcher.clear();
    await mailer.sendMail({ to: 'http@example.org', subject: 'Over HTTP', text: 'see https://passerelle.test/x?token=1' });
    await mailer.sendMail({ to: 'else@example.org', subject: 'Else', text: 'y' });
    const base = `http://127.0.0.1:${catcher.httpPort}`;
    const list = (await (await fetch(`${base}/messages?to=http@example.org`)).json()) as Array<{ subject: string; links: string[] }>;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ subject: 'Over HTTP', links: ['https://passerelle.test/x?token=1'] });
    expect(((await (await fetch(`${base}/messages`)).json()) as unknown[]).length).toBe(2);

    const waited = fetch(`${base}/messages/wait?to=late@example.org&timeoutMs=5000`);
    await mailer.sendMail({ to: 'late@example.org', subject: 'Late', text: 'z' });
    expect(((await (await waited).json()) as { subject: string }).subject).toBe('Late');

    expect((await fetch(`${base}/messages`, { method: 'DELETE' })).status).toBe(200);
    expect(catcher.messages()).toHaveLength(0);
  });
});
