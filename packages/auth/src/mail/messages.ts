import type { Locale } from '../locale.ts';

// The texts of the emails this package sends, in the three languages of the platform. Plain
// language, short. {name} placeholders are filled by templates.ts (and HTML-escaped there).

export interface MailTexts {
  subject: string;
  greeting: string;
  /** Paragraphs before the link. */
  intro: string[];
  action: string;
  /** Paragraphs after the link. */
  outro: string[];
}

export type MailKind = 'verifyEmail' | 'resetPassword' | 'invitation';

export interface LocaleMailMessages extends Record<MailKind, MailTexts> {
  signature: string;
  greetingAnonymous: string;
  /** Added to the invitation when the inviter's name is known. */
  invitedBy: string;
}

export const MAIL_MESSAGES: Record<Locale, LocaleMailMessages> = {
  fr: {
    signature: "L'équipe Passerelle",
    greetingAnonymous: 'Bonjour,',
    invitedBy: 'Cette invitation vient de {inviter}.',
    verifyEmail: {
      subject: 'Confirmez votre adresse e-mail',
      greeting: 'Bonjour {name},',
      intro: ['Merci de vous être inscrit·e sur Passerelle.', 'Cliquez sur ce lien pour confirmer votre adresse e-mail :'],
      action: 'Confirmer mon adresse',
      outro: ['Ce lien est valable 48 heures.', "Si vous n'avez pas créé de compte, ignorez cet e-mail."]
    },
    resetPassword: {
      subject: 'Choisissez un nouveau mot de passe',
      greeting: 'Bonjour {name},',
      intro: ['Vous avez demandé un nouveau mot de passe.', 'Cliquez sur ce lien pour le choisir :'],
      action: 'Choisir un nouveau mot de passe',
      outro: ['Ce lien est valable 1 heure.', "Si vous n'avez rien demandé, ignorez cet e-mail : votre mot de passe ne change pas."]
    },
    invitation: {
      subject: 'Invitation à rejoindre {organisation}',
      greeting: 'Bonjour,',
      intro: ['Vous êtes invité·e à rejoindre {organisation} sur Passerelle.', 'Cliquez sur ce lien pour accepter :'],
      action: "Accepter l'invitation",
      outro: ['Ce lien est valable 7 jours.', "Si vous ne connaissez pas cette organisation, ignorez cet e-mail."]
    }
  },
  nl: {
    signature: 'Het Passerelle-team',
    greetingAnonymous: 'Hallo,',
    invitedBy: 'Deze uitnodiging komt van {inviter}.',
    verifyEmail: {
      subject: 'Bevestig uw e-mailadres',
      greeting: 'Hallo {name},',
      intro: ['Bedankt voor uw registratie op Passerelle.', 'Klik op deze link om uw e-mailadres te bevestigen:'],
      action: 'Mijn adres bevestigen',
      outro: ['Deze link is 48 uur geldig.', 'Hebt u geen account aangemaakt? Dan kunt u deze e-mail negeren.']
    },
    resetPassword: {
      subject: 'Kies een nieuw wachtwoord',
      greeting: 'Hallo {name},',
      intro: ['U hebt een nieuw wachtwoord gevraagd.', 'Klik op deze link om het te kiezen:'],
      action: 'Een nieuw wachtwoord kiezen',
      outro: ['Deze link is 1 uur geldig.', 'Hebt u niets gevraagd? Negeer dan deze e-mail: uw wachtwoord blijft hetzelfde.']
    },
    invitation: {
      subject: 'Uitnodiging om lid te worden van {organisation}',
      greeting: 'Hallo,',
      intro: ['U bent uitgenodigd om lid te worden van {organisation} op Passerelle.', 'Klik op deze link om te aanvaarden:'],
      action: 'De uitnodiging aanvaarden',
      outro: ['Deze link is 7 dagen geldig.', 'Kent u deze organisatie niet? Negeer dan deze e-mail.']
    }
  },
  en: {
    signature: 'The Passerelle team',
    greetingAnonymous: 'Hello,',
    invitedBy: 'This invitation comes from {inviter}.',
    verifyEmail: {
      subject: 'Confirm your email address',
      greeting: 'Hello {name},',
      intro: ['Thank you for signing up to Passerelle.', 'Click this link to confirm your email address:'],
      action: 'Confirm my address',
      outro: ['This link works for 48 hours.', 'If you did not create an account, ignore this email.']
    },
    resetPassword: {
      subject: 'Choose a new password',
      greeting: 'Hello {name},',
      intro: ['You asked for a new password.', 'Click this link to choose it:'],
      action: 'Choose a new password',
      outro: ['This link works for 1 hour.', 'If you did not ask for this, ignore this email: your password stays the same.']
    },
    invitation: {
      subject: 'Invitation to join {organisation}',
      greeting: 'Hello,',
      intro: ['You are invited to join {organisation} on Passerelle.', 'Click this link to accept:'],
      action: 'Accept the invitation',
      outro: ['This link works for 7 days.', 'If you do not know this organisation, ignore this email.']
    }
  }
};
