import { describe, expect, it } from 'vitest';
import { LOCALES } from '../locale.ts';
import { MAIL_MESSAGES } from './messages.ts';
import { invitationMail, renderMail, resetPasswordMail, verifyEmailMail } from './templates.ts';

const link = 'https://passerelle.example/fr/verify-email?token=abc_DEF-123';

describe('mail templates', () => {
  it('have the same texts in fr, nl and en, none empty, none left untranslated', () => {
    const shape = (o: unknown): unknown => (typeof o === 'string' ? 'string' : Array.isArray(o) ? o.length : Object.fromEntries(Object.entries(o as object).map(([k, v]) => [k, shape(v)])));
    expect(shape(MAIL_MESSAGES.nl)).toEqual(shape(MAIL_MESSAGES.fr));
    expect(shape(MAIL_MESSAGES.en)).toEqual(shape(MAIL_MESSAGES.fr));
    for (const kind of ['verifyEmail', 'resetPassword', 'invitation'] as const) {
      expect(MAIL_MESSAGES.fr[kind].subject).not.toBe(MAIL_MESSAGES.en[kind].subject);
      expect(MAIL_MESSAGES.nl[kind].subject).not.toBe(MAIL_MESSAGES.en[kind].subject);
    }
  });

  it.each(LOCALES)('verification email in %s holds the link in text and HTML', (locale) => {
    const mail = verifyEmailMail({ to: 'a@b.c', locale, link, displayName: 'Amina' });
    expect(mail.to).toBe('a@b.c');
    expect(mail.subject).toBe(MAIL_MESSAGES[locale].verifyEmail.subject);
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('Amina');
    expect(mail.html).toContain(`href="${link}"`);
  });

  it('falls back to French for an unknown locale', () => {
    expect(resetPasswordMail({ to: 'a@b.c', locale: 'de', link }).subject).toBe(MAIL_MESSAGES.fr.resetPassword.subject);
    expect(resetPasswordMail({ to: 'a@b.c', locale: 'nl-BE', link }).subject).toBe(MAIL_MESSAGES.nl.resetPassword.subject);
  });

  it('escapes names in HTML but not in text, and keeps subjects on one line', () => {
    const mail = invitationMail({ to: 'a@b.c', locale: 'en', link, organisationName: 'EPN <Anderlecht>\r\nBcc: x@y.z', inviterName: 'Jo & "Co"' });
    expect(mail.html).toContain('EPN &lt;Anderlecht&gt;');
    expect(mail.html).toContain('Jo &amp; &quot;Co&quot;');
    expect(mail.html).not.toContain('<Anderlecht>');
    expect(mail.text).toContain('This invitation comes from Jo & "Co".');
    expect(mail.text).toContain('You are invited to join EPN <Anderlecht>');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('renderMail gives subject, text and HTML per kind; the invitation works without an inviter name', () => {
    const verify = renderMail({ kind: 'verify_email', locale: 'en', link });
    expect(verify).toEqual({ subject: 'Confirm your email address', text: expect.stringContaining(link), html: expect.stringContaining(link) });
    expect(verify.text.startsWith('Hello,\n')).toBe(true);
    expect(renderMail({ kind: 'reset_password', locale: 'nl', link, displayName: 'Jan' }).text).toContain('Hallo Jan,');
    const invite = renderMail({ kind: 'invitation', locale: 'fr', link, organisationName: 'EPN Ixelles' });
    expect(invite.subject).toBe('Invitation à rejoindre EPN Ixelles');
    expect(invite.text).not.toContain('{inviter}');
    expect(invite.text).not.toContain('Cette invitation vient de');
  });

  it('refuses relative or non-http links', () => {
    expect(() => verifyEmailMail({ to: 'a@b.c', locale: 'fr', link: '/fr/verify-email?token=x' })).toThrow();
    expect(() => verifyEmailMail({ to: 'a@b.c', locale: 'fr', link: 'javascript:alert(1)' })).toThrow();
  });
});
