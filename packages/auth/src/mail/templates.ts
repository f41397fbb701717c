import { normaliseLocale } from '../locale.ts';
import type { MailMessage } from './mailer.ts';
import { MAIL_MESSAGES, type MailKind } from './messages.ts';

// Builds the emails (text + simple HTML) from MAIL_MESSAGES. The caller gives the locale and an
// absolute link that already contains the token.

type Params = Record<string, string>;
export type RenderedMail = Omit<MailMessage, 'to'> & { html: string };

function fill(template: string, params: Params, escape: (s: string) => string): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? escape(params[name]!) : whole));
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const plain = (s: string) => s;
// No line breaks in a subject (header injection) and no runaway length.
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').slice(0, 200);

function assertAbsoluteLink(link: string): void {
  const url = new URL(link); // throws on a relative link
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`email links must be http(s): ${link}`);
}

function build({ kind, locale, link, params, anonymousGreeting, extra = [] }: { kind: MailKind; locale: string | null | undefined; link: string; params: Params; anonymousGreeting: boolean; extra?: string[] }): RenderedMail {
  assertAbsoluteLink(link);
  const all = MAIL_MESSAGES[normaliseLocale(locale)];
  const m = all[kind];
  const greeting = anonymousGreeting ? all.greetingAnonymous : m.greeting;
  const intro = [...m.intro.slice(0, 1), ...extra, ...m.intro.slice(1)];
  const text = [
    fill(greeting, params, plain),
    '',
    ...intro.map((p) => fill(p, params, plain)),
    '',
    link,
    '',
    ...m.outro.map((p) => fill(p, params, plain)),
    '',
    all.signature
  ].join('\n');
  const p = (s: string) => `<p>${s}</p>`;
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;max-width:40em">',
    p(fill(greeting, params, escapeHtml)),
    ...intro.map((s) => p(fill(s, params, escapeHtml))),
    p(`<a href="${escapeHtml(link)}">${escapeHtml(m.action)}</a>`),
    p(`<small>${escapeHtml(link)}</small>`),
    ...m.outro.map((s) => p(fill(s, params, escapeHtml))),
    p(escapeHtml(all.signature)),
    '</body></html>'
  ].join('\n');
  return { subject: oneLine(fill(m.subject, params, plain)), text, html };
}

export type RenderMailInput =
  | { kind: 'verify_email'; locale?: string | null; link: string; displayName?: string | null }
  | { kind: 'reset_password'; locale?: string | null; link: string; displayName?: string | null }
  | { kind: 'invitation'; locale?: string | null; link: string; organisationName: string; inviterName?: string | null };

/** Subject, text and HTML of one of this package's emails; add `to` and send. */
export function renderMail(input: RenderMailInput): RenderedMail {
  const { locale, link } = input;
  switch (input.kind) {
    case 'verify_email':
    case 'reset_password': {
      const name = input.displayName?.trim() ?? '';
      return build({ kind: input.kind === 'verify_email' ? 'verifyEmail' : 'resetPassword', locale, link, params: { name }, anonymousGreeting: !name });
    }
    case 'invitation': {
      const inviter = input.inviterName?.trim() ?? '';
      const extra = inviter ? [MAIL_MESSAGES[normaliseLocale(locale)].invitedBy] : [];
      return build({ kind: 'invitation', locale, link, params: { organisation: input.organisationName, inviter }, anonymousGreeting: false, extra });
    }
  }
}

/** "Confirm your email address", with the verification link. */
export function verifyEmailMail({ to, locale, link, displayName }: { to: string; locale?: string | null; link: string; displayName?: string | null }): MailMessage {
  return { to, ...renderMail({ kind: 'verify_email', locale, link, displayName }) };
}

/** "Choose a new password", with the reset link. */
export function resetPasswordMail({ to, locale, link, displayName }: { to: string; locale?: string | null; link: string; displayName?: string | null }): MailMessage {
  return { to, ...renderMail({ kind: 'reset_password', locale, link, displayName }) };
}

/** "Invitation to join <organisation>", with the acceptance link. */
export function invitationMail({ to, locale, link, organisationName, inviterName }: { to: string; locale?: string | null; link: string; organisationName: string; inviterName?: string | null }): MailMessage {
  return { to, ...renderMail({ kind: 'invitation', locale, link, organisationName, inviterName }) };
}
