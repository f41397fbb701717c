import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { jobQueue, startJobQueue, stopJobQueue } from '@passerelle/jobs';
import { kit, organisation, person, session, trainer, useTestMail, venue } from '../test-support.ts';
import { REMINDER_QUEUE, reminderQueue } from '../server/tasks.ts';
import { runReminders } from './reminders.ts';

// Reminder emails, received by a real SMTP server: exactly once, whoever runs, whatever restarts.

const mail = useTestMail();
const H = 3_600_000;
let n = 0;
const uniq = (what: string) => `${what}-${Date.now().toString(36)}-${++n}@example.org`;

describeEachDb('mobile-epn reminders', ({ getDb }) => {
  let org: { id: string };
  beforeAll(async () => {
    org = await organisation(getDb());
  });

  /** A trainer (in `locale`) and a venue whose contact has an account (in `contactLocale`). */
  async function scene(startsAt: Date, { locale = 'fr', contactLocale = 'en' } = {}) {
    const db = getDb();
    const t = await trainer(db, org.id, { email: uniq('trainer') });
    await db.user.update({ where: { id: t.actor.id }, data: { locale, displayName: 'Samir' } });
    const contactEmail = uniq('contact');
    const contact = await person(db, { email: contactEmail });
    await db.user.update({ where: { id: contact.actor.id }, data: { locale: contactLocale } });
    const v = await venue(db, { name: 'Résidence Soleil', contactEmail, contactUserId: contact.actor.id, street: 'Rue du Soleil 3' });
    const k = await kit(db, org.id, { name: 'Valise B' });
    const s = await session(db, { venueId: v.id, trainerIds: [t.trainer.id], kitId: k.id, startsAt, topic: 'smartphone' });
    return { t, v, s, trainerEmail: t.actor.email, contactEmail };
  }

  it('mails the trainer and the venue contact 24 hours before, each in their language, exactly once', async () => {
    const db = getDb();
    const now = new Date('2030-01-07T09:00:00Z');
    const { s, trainerEmail, contactEmail } = await scene(new Date(now.getTime() + 23 * H), { locale: 'nl', contactLocale: 'en' });
    // Not yet due: a session in 25 hours.
    const later = await scene(new Date(now.getTime() + 25 * H));
    const first = await runReminders({ db, sendMail: mail.sendMail, now });
    expect(first.sent).toBe(2);
    const toTrainer = await mail.catcher.waitForMessage({ to: trainerEmail });
    expect(toTrainer.subject).toContain('Herinnering');
    expect(toTrainer.subject).toContain('Smartphone');
    expect(toTrainer.text).toContain('Rue du Soleil 3');
    expect(toTrainer.text).toContain('Valise B');
    const toContact = await mail.catcher.waitForMessage({ to: contactEmail });
    expect(toContact.subject).toContain('Reminder');
    expect(toContact.text).toContain('at your venue');
    // Again, and again half an hour later: nothing more.
    expect((await runReminders({ db, sendMail: mail.sendMail, now })).sent).toBe(0);
    expect((await runReminders({ db, sendMail: mail.sendMail, now: new Date(now.getTime() + H / 2) })).sent).toBe(0);
    expect(mail.catcher.messages({ to: trainerEmail })).toHaveLength(1);
    expect(mail.catcher.messages({ to: contactEmail })).toHaveLength(1);
    expect(mail.catcher.messages({ to: later.trainerEmail })).toHaveLength(0);
    const rows = await db.mobileReminder.findMany({ where: { sessionId: s.id } });
    expect(rows.map((r) => r.email).sort()).toEqual([trainerEmail, contactEmail].sort());
    expect(rows.every((r) => r.sentAt !== null && r.startsAt.getTime() === s.startsAt.getTime())).toBe(true);
  });

  it('a moved session gets a reminder for its new time; a cancelled one none', async () => {
    const db = getDb();
    const now = new Date('2030-02-04T09:00:00Z');
    const moved = await scene(new Date(now.getTime() + 20 * H));
    const cancelled = await scene(new Date(now.getTime() + 10 * H));
    await db.mobileSession.update({ where: { id: cancelled.s.id }, data: { status: 'cancelled', cancelledAt: now } });
    expect((await runReminders({ db, sendMail: mail.sendMail, now })).sent).toBe(2);
    await mail.catcher.waitForMessage({ to: moved.trainerEmail });
    // Moved two hours later: one new reminder each, for the new time.
    const newStart = new Date(moved.s.startsAt.getTime() + 2 * H);
    await db.mobileSession.update({ where: { id: moved.s.id }, data: { startsAt: newStart, endsAt: new Date(newStart.getTime() + 2 * H), sequence: { increment: 1 } } });
    expect((await runReminders({ db, sendMail: mail.sendMail, now: new Date(now.getTime() + H) })).sent).toBe(2);
    expect((await runReminders({ db, sendMail: mail.sendMail, now: new Date(now.getTime() + 2 * H) })).sent).toBe(0);
    const got = mail.catcher.messages({ to: moved.trainerEmail });
    expect(got).toHaveLength(2);
    expect(got[1]!.subject).not.toBe(got[0]!.subject);
    expect(mail.catcher.messages({ to: cancelled.trainerEmail })).toHaveLength(0);
    expect(mail.catcher.messages({ to: cancelled.contactEmail })).toHaveLength(0);
  });

  it('a failed send is retried by the next run, and then sent once', async () => {
    const db = getDb();
    const now = new Date('2030-03-04T09:00:00Z');
    const { s, trainerEmail } = await scene(new Date(now.getTime() + 12 * H));
    const refused = await runReminders({ db, now, sendMail: async () => Promise.reject(new Error('421 service not available')) });
    expect(refused).toMatchObject({ sent: 0, failed: 2 });
    expect(await db.mobileReminder.count({ where: { sessionId: s.id } })).toBe(0);
    expect((await runReminders({ db, sendMail: mail.sendMail, now: new Date(now.getTime() + 60_000) })).sent).toBe(2);
    expect((await runReminders({ db, sendMail: mail.sendMail, now: new Date(now.getTime() + 120_000) })).sent).toBe(0);
    await mail.catcher.waitForMessage({ to: trainerEmail });
    expect(mail.catcher.messages({ to: trainerEmail })).toHaveLength(1);
  });

  it('workers racing on the same reminders send each one once', async () => {
    const db = getDb();
    const now = new Date('2030-04-01T09:00:00Z');
    const { trainerEmail, contactEmail } = await scene(new Date(now.getTime() + 5 * H));
    const runs = await Promise.all(Array.from({ length: 4 }, () => runReminders({ db, sendMail: mail.sendMail, now })));
    expect(runs.reduce((k, r) => k + r.sent, 0)).toBe(2);
    await mail.catcher.waitForMessage({ to: trainerEmail });
    await mail.catcher.waitForMessage({ to: contactEmail });
    await new Promise((r) => setTimeout(r, 300));
    expect(mail.catcher.messages({ to: trainerEmail })).toHaveLength(1);
    expect(mail.catcher.messages({ to: contactEmail })).toHaveLength(1);
  });

  it('through the job queue: a job scheduled before a restart is run by the next process, and the mail is sent once', async () => {
    const db = getDb();
    // Due now (real time): starts in 3 hours.
    const { trainerEmail, contactEmail } = await scene(new Date(Date.now() + 3 * H));
    const { cron: _everyMinute, ...queue } = reminderQueue;
    // Process 1 schedules a run in 3 seconds, then stops before it is due.
    await startJobQueue({ db, queues: [queue], sendMail: mail.sendMail, pollingIntervalSeconds: 0.5 });
    await jobQueue().send(REMINDER_QUEUE, {}, { startAfter: 3 });
    await stopJobQueue();
    await new Promise((r) => setTimeout(r, 3500));
    expect(mail.catcher.messages({ to: trainerEmail })).toHaveLength(0);
    // Process 2, on the same database: runs the job that was waiting.
    await startJobQueue({ db, queues: [queue], sendMail: mail.sendMail, pollingIntervalSeconds: 0.5 });
    try {
      await mail.catcher.waitForMessage({ to: trainerEmail, timeoutMs: 20_000 });
      await mail.catcher.waitForMessage({ to: contactEmail, timeoutMs: 20_000 });
      // Two more runs (as the every-minute schedule would): nothing more is sent.
      for (let i = 0; i < 2; i++) {
        const id = await jobQueue().send(REMINDER_QUEUE, {});
        for (let w = 0; w < 100; w++) {
          const job = await jobQueue().getJobById(REMINDER_QUEUE, id!);
          if (job?.state === 'completed' || job?.state === 'failed') {
            expect(job.state).toBe('completed');
            break;
          }
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      expect(mail.catcher.messages({ to: trainerEmail })).toHaveLength(1);
      expect(mail.catcher.messages({ to: contactEmail })).toHaveLength(1);
    } finally {
      await stopJobQueue();
    }
  });
});
