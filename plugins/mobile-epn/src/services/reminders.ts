import type { Db } from '@passerelle/db';
import { t } from '@passerelle/i18n';
import type { OutgoingMail } from '@passerelle/trpc';
import { brusselsParts } from '@passerelle/plugin-sdk/time';
import { SESSION_INCLUDE, communeLabel, fullAddress, type SessionWithPeople } from './schedule-read.ts';
import { lang, topicLabel } from './labels.ts';

// Reminder emails 24 hours before a session, to each assigned trainer and to the venue's contact, in
// the recipient's language where known (their account's), French otherwise.
//
// The job queue (pg-boss) runs runReminders every minute (server/tasks.ts); jobs are rows in
// PostgreSQL, so a restart loses nothing: the next run, in any process, picks up what is due.
//
// Never twice: before sending, a run CLAIMS the reminder by inserting (sessionId, email, startsAt) into
// mobile_reminder, whose unique key lets exactly one worker win, whichever process it is in. Only the
// winner sends. A session moved to another time has a different startsAt, hence a new reminder; a
// cancelled session (status cancelled) is never selected.
//
// A failed send (the SMTP server refused or could not be reached, so the message was not accepted)
// releases the claim: the next run, a minute later, tries again, as long as the session has not
// started. A process that dies between the claim and the send leaves a claim without sentAt that is
// never retried: losing that one reminder is better than sending it twice.

export const REMINDER_HOURS = 24;

export interface ReminderRecipient {
  email: string;
  locale: 'fr' | 'nl' | 'en';
  role: 'trainer' | 'contact';
  name: string;
}

/** Who gets the reminder of a session (one per address). */
export function reminderRecipients(s: SessionWithPeople & { venue: { contactUser?: { email: string; locale: string } | null } }): ReminderRecipient[] {
  const out = new Map<string, ReminderRecipient>();
  for (const x of s.trainers) {
    const email = x.trainer.user.email.trim().toLowerCase();
    if (email && !out.has(email)) out.set(email, { email, locale: lang(x.trainer.user.locale), role: 'trainer', name: x.trainer.user.displayName });
  }
  const contact = s.venue.contactEmail.trim().toLowerCase();
  if (contact && !out.has(contact)) {
    const user = s.venue.contactUser;
    out.set(contact, { email: contact, locale: lang(user && user.email.toLowerCase() === contact ? user.locale : null), role: 'contact', name: s.venue.contactName });
  }
  return [...out.values()];
}

function dateText(d: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : `${locale}-BE`, { timeZone: 'Europe/Brussels', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(d);
}

/** The reminder email of a session for one recipient. */
export function reminderMail(s: SessionWithPeople, r: ReminderRecipient): OutgoingMail {
  const locale = r.locale;
  const tr = (key: string, params: Record<string, string | number> = {}) => t(key, params, { locale });
  const when = dateText(s.startsAt, locale);
  const end = brusselsParts(s.endsAt).minute;
  const until = `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
  // Both recipients may see the address: the trainer is assigned, the contact is the venue's own.
  const where = `${s.venue.name}, ${fullAddress(s.venue, locale)}`;
  const topic = topicLabel(s.topic, locale);
  const lines = [
    tr('mobile_epn_rem_greeting', { name: r.name || r.email }),
    '',
    tr(r.role === 'trainer' ? 'mobile_epn_rem_intro_trainer' : 'mobile_epn_rem_intro_contact', { topic, when, until }),
    '',
    tr('mobile_epn_rem_where', { where }),
    s.venue.accessNotes && r.role === 'trainer' ? tr('mobile_epn_rem_access', { notes: s.venue.accessNotes }) : null,
    tr('mobile_epn_rem_trainers', { names: s.trainers.map((x) => x.trainer.user.displayName).join(', ') }),
    s.kit ? tr('mobile_epn_rem_kit', { name: s.kit.name, contents: s.kit.contents.join(', ') }) : null,
    tr('mobile_epn_rem_seats', { seats: s.seats }),
    '',
    tr('mobile_epn_rem_signature')
  ].filter((l): l is string => l !== null);
  return { to: r.email, subject: tr('mobile_epn_rem_subject', { topic, when, commune: communeLabel(s.venue.commune, locale) }).replace(/[\r\n]+/g, ' ').slice(0, 200), text: lines.join('\n') };
}

export interface ReminderRun {
  sent: number;
  failed: number;
  skipped: number;
}

/** Sends the reminders now due (sessions starting within the next 24 hours), each at most once. */
export async function runReminders({ db, sendMail, now = new Date() }: { db: Db; sendMail: (m: OutgoingMail) => Promise<void>; now?: Date }): Promise<ReminderRun> {
  const until = new Date(now.getTime() + REMINDER_HOURS * 3_600_000);
  const due = await db.mobileSession.findMany({
    where: { status: 'scheduled', startsAt: { gt: now, lte: until } },
    include: { ...SESSION_INCLUDE, venue: { include: { commune: true, contactUser: { select: { email: true, locale: true } } } }, reminders: { select: { email: true, startsAt: true } } },
    orderBy: { startsAt: 'asc' }
  });
  const run: ReminderRun = { sent: 0, failed: 0, skipped: 0 };
  for (const s of due) {
    for (const r of reminderRecipients(s)) {
      if (s.reminders.some((x) => x.email === r.email && x.startsAt.getTime() === s.startsAt.getTime())) continue;
      // The claim: one row per (session, address, start); a second insert, anywhere, does nothing.
      const claimed = await db.mobileReminder.createMany({ data: [{ sessionId: s.id, email: r.email, startsAt: s.startsAt }], skipDuplicates: true });
      if (claimed.count !== 1) {
        run.skipped++;
        continue;
      }
      // Changed since it was read (cancelled or moved): not this reminder.
      const still = await db.mobileSession.findFirst({ where: { id: s.id, status: 'scheduled', startsAt: s.startsAt }, select: { id: true } });
      if (!still) {
        await db.mobileReminder.deleteMany({ where: { sessionId: s.id, email: r.email, startsAt: s.startsAt, sentAt: null } });
        run.skipped++;
        continue;
      }
      try {
        await sendMail(reminderMail(s, r));
      } catch {
        // Not accepted by the SMTP server: release the claim, the next run tries again.
        await db.mobileReminder.deleteMany({ where: { sessionId: s.id, email: r.email, startsAt: s.startsAt, sentAt: null } });
        run.failed++;
        continue;
      }
      await db.mobileReminder.updateMany({ where: { sessionId: s.id, email: r.email, startsAt: s.startsAt }, data: { sentAt: new Date() } });
      run.sent++;
    }
  }
  return run;
}
