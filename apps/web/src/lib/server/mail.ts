import { createMailer } from '@passerelle/auth';
import type { OutgoingMail } from '@passerelle/trpc';
import { log } from './log.ts';

// Real SMTP through nodemailer. SMTP_URL points at the relay (production) or at the local catcher
// that `pnpm start` and the tests start. MAIL_FROM is the sender.

let mailer: ReturnType<typeof createMailer> | null = null;

export async function sendMail(message: OutgoingMail): Promise<void> {
  const smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) {
    log.warn({ to: message.to, subject: message.subject }, 'SMTP_URL is not set: email not sent');
    return;
  }
  mailer ??= createMailer({ smtpUrl, from: process.env.MAIL_FROM ?? 'Passerelle <no-reply@passerelle.brussels>' });
  await mailer.sendMail(message);
}
