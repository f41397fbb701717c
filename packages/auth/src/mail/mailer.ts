import { createTransport } from 'nodemailer';

/** An email to send: plain text always, HTML optionally. Same shape as the tRPC context's OutgoingMail. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  sendMail(message: MailMessage): Promise<{ messageId: string; accepted: string[] }>;
  /** Closes pooled connections (tests, shutdown). */
  close(): void;
}

/**
 * A mailer over real SMTP. `smtpUrl` is a nodemailer URL: smtp://user:pass@host:587 (STARTTLS when
 * offered), smtps://host:465 (TLS), or smtp://127.0.0.1:2525 for the local catcher.
 * `from` is the sender, e.g. 'Passerelle <no-reply@passerelle.brussels>'.
 */
export function createMailer({ smtpUrl, from }: { smtpUrl: string; from: string }): Mailer {
  const transport = createTransport(smtpUrl, { from });
  return {
    async sendMail({ to, subject, text, html }) {
      const info = await transport.sendMail({ to, subject, text, ...(html ? { html } : {}) });
      return { messageId: info.messageId, accepted: (info.accepted as Array<string | { address: string }>).map((a) => (typeof a === 'string' ? a : a.address)) };
    },
    close() {
      transport.close();
    }
  };
}
