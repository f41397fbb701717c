// A local SMTP server that keeps every message in memory: for Vitest, Playwright, and `pnpm start`
// in development (SMTP_URL=smtp://127.0.0.1:<port>). Never for production: no TLS, no auth.
// With `httpPort`, it also serves the messages as JSON for out-of-process tests:
//   GET    /messages?to=a@b.c&subject=word   -> CaughtMail[] (oldest first)
//   GET    /messages/wait?to=a@b.c&subject=word&timeoutMs=10000 -> the first match, or 404 on timeout
//   DELETE /messages                          -> clears them
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: number;
  from: string;
  /** Recipient addresses (envelope), lowercase. */
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** http(s) links found in the text body, in order (the token links of our emails). */
  links: string[];
  receivedAt: string;
}

export interface MessageFilter {
  /** Recipient, case-insensitive. */
  to?: string;
  /** Substring of the subject, or a RegExp. */
  subject?: string | RegExp;
}

export interface MailCatcher {
  /** The SMTP port (useful with port 0). */
  port: number;
  /** smtp://127.0.0.1:<port>, ready for createMailer or SMTP_URL. */
  smtpUrl: string;
  httpPort: number | null;
  /** A copy of the messages received so far, optionally filtered, oldest first. */
  messages(filter?: MessageFilter): CaughtMail[];
  /** The first message (already received or still to come) matching the filter; rejects after timeoutMs. */
  waitForMessage(options: MessageFilter & { timeoutMs?: number }): Promise<CaughtMail>;
  clear(): void;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_MESSAGES = 1000;

function matches(mail: CaughtMail, { to, subject }: MessageFilter): boolean {
  if (to && !mail.to.includes(to.trim().toLowerCase())) return false;
  if (subject instanceof RegExp) return subject.test(mail.subject);
  if (subject && !mail.subject.includes(subject)) return false;
  return true;
}

function addressText(a: AddressObject | AddressObject[] | undefined): string {
  if (!a) return '';
  return (Array.isArray(a) ? a : [a]).map((x) => x.text).join(', ');
}

export async function startMailCatcher({ port = 0, httpPort }: { port?: number; httpPort?: number } = {}): Promise<MailCatcher> {
  const store: CaughtMail[] = [];
  const waiters = new Set<{ filter: MessageFilter; resolve: (m: CaughtMail) => void }>();
  let nextId = 1;

  const smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    banner: 'Passerelle mail catcher',
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const text = parsed.text ?? '';
          const mail: CaughtMail = {
            id: nextId++,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : addressText(parsed.from),
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text,
            html: typeof parsed.html === 'string' ? parsed.html : null,
            links: text.match(/https?:\/\/[^\s<>"')]+/g) ?? [],
            receivedAt: new Date().toISOString()
          };
          store.push(mail);
          if (store.length > MAX_MESSAGES) store.shift();
          for (const w of waiters) {
            if (matches(mail, w.filter)) {
              waiters.delete(w);
              w.resolve(mail);
            }
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    }
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(port, HOST, () => {
      smtp.off('error', reject);
      resolve();
    });
  });
  // A client error (e.g. a dropped connection) must not crash the test process.
  smtp.on('error', () => {});
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const messages = (filter: MessageFilter = {}) => store.filter((m) => matches(m, filter)).map((m) => ({ ...m, to: [...m.to], links: [...m.links] }));

  const waitForMessage = ({ timeoutMs = 10_000, ...filter }: MessageFilter & { timeoutMs?: number }) => {
    const found = store.find((m) => matches(m, filter));
    if (found) return Promise.resolve({ ...found });
    return new Promise<CaughtMail>((resolve, reject) => {
      const waiter = {
        filter,
        resolve: (m: CaughtMail) => {
          clearTimeout(timer);
          resolve({ ...m });
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`no email${filter.to ? ` to ${filter.to}` : ''}${filter.subject ? ` with subject ${String(filter.subject)}` : ''} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.add(waiter);
    });
  };

  let http: Server | null = null;
  let boundHttpPort: number | null = null;
  if (httpPort !== undefined) {
    http = createServer((req, res) => {
      const url = new URL(req.url ?? '/', `http://${HOST}`);
      const filter: MessageFilter = {};
      const to = url.searchParams.get('to');
      const subject = url.searchParams.get('subject');
      if (to) filter.to = to;
      if (subject) filter.subject = subject;
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(JSON.stringify(body));
      };
      if (url.pathname === '/messages' && req.method === 'GET') return json(200, messages(filter));
      if (url.pathname === '/messages' && req.method === 'DELETE') {
        store.length = 0;
        return json(200, { cleared: true });
      }
      if (url.pathname === '/messages/wait' && req.method === 'GET') {
        const timeoutMs = Math.min(Number(url.searchParams.get('timeoutMs')) || 10_000, 60_000);
        waitForMessage({ ...filter, timeoutMs }).then(
          (m) => json(200, m),
          (e: Error) => json(404, { error: e.message })
        );
        return;
      }
      json(404, { error: 'not found' });
    });
    await new Promise<void>((resolve, reject) => {
      http!.once('error', reject);
      http!.listen(httpPort, HOST, () => {
        http!.off('error', reject);
        resolve();
      });
    });
    boundHttpPort = (http.address() as AddressInfo).port;
  }

  return {
    port: smtpPort,
    smtpUrl: `smtp://${HOST}:${smtpPort}`,
    httpPort: boundHttpPort,
    messages,
    waitForMessage,
    clear() {
      store.length = 0;
    },
    async close() {
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        http
          ? new Promise<void>((resolve) => {
              http!.closeAllConnections();
              http!.close(() => resolve());
            })
          : Promise.resolve()
      ]);
    }
  };
}
