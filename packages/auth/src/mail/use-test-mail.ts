import { afterAll, beforeAll } from 'vitest';
import { createMailer } from './mailer.ts';
import { startMailCatcher, type MailCatcher } from './test-server.ts';

/**
 * A real SMTP server for the tests of one file (started before, stopped after): `mail.sendMail` goes
 * into callers' contexts, `mail.catcher` reads what arrived.
 */
export function useTestMail() {
  const mail = {} as { catcher: MailCatcher; sendMail: (m: { to: string; subject: string; text: string; html?: string }) => Promise<void> };
  beforeAll(async () => {
    mail.catcher = await startMailCatcher({ port: 0 });
    const mailer = createMailer({ smtpUrl: mail.catcher.smtpUrl, from: 'Passerelle <test@passerelle.brussels>' });
    mail.sendMail = (m) => mailer.sendMail(m).then(() => undefined);
  });
  afterAll(() => mail.catcher.close());
  return mail;
}
