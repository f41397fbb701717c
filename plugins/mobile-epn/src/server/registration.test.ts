import { describe, expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { t } from '@passerelle/i18n';
import { describeError } from '@passerelle/trpc';
import { callerFor, organisation, person, refusal, session, trainer, useTestMail, venue } from '../test-support.ts';

const mail = useTestMail();
const HOUR = 3_600_000;
const inDays = (d: number) => new Date(Date.now() + d * 24 * HOUR);

describeEachDb('mobile-epn: registrations and the waiting list', ({ getDb }) => {
  async function setup(opts: { seats?: number; type?: string; group?: boolean; startsAt?: Date } = {}) {
    const db = getDb();
    const org = await organisation(db);
    const tr = await trainer(db, org.id);
    const contact = await person(db, { displayName: 'Claire Contact' }, { sendMail: mail.sendMail });
    const v = await venue(db, { contactUserId: contact.actor.id, type: opts.type ?? 'care_home', street: 'Rue Secrète 99', name: `Résidence Test ${Math.random().toString(36).slice(2, 8)}` });
    const s = await session(db, { venueId: v.id, trainerIds: [tr.trainer.id], startsAt: opts.startsAt ?? inDays(3), seats: opts.seats ?? 10, group: opts.group ?? true });
    const staff = await person(db, { roles: ['staff'] }, { sendMail: mail.sendMail });
    return { db, org, tr, contact, v, s, staff };
  }

  it('50 parallel registrations for 10 seats: exactly 10 seats and 40 waiting, in queue order', async () => {
    const { db, contact, s } = await setup({ seats: 10 });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => contact.caller.registration.register({ sessionId: s.id, resident: { name: `Résident ${i}` } })));
    expect(results.filter((r) => r.status === 'registered')).toHaveLength(10);
    expect(results.filter((r) => r.status === 'waiting')).toHaveLength(40);
    const rows = await db.mobileRegistration.findMany({ where: { sessionId: s.id }, orderBy: { queuedAt: 'asc' } });
    expect(rows).toHaveLength(50);
    // The first ten in queue order have the seats; queue times are all distinct.
    expect(rows.slice(0, 10).every((r) => r.status === 'registered')).toBe(true);
    expect(rows.slice(10).every((r) => r.status === 'waiting')).toBe(true);
    expect(new Set(rows.map((r) => r.queuedAt.getTime())).size).toBe(50);
    // Positions given back are the waiting list, 1 to 40, each once.
    expect(results.filter((r) => r.status === 'waiting').map((r) => r.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const list = await contact.caller.registration.forSession({ sessionId: s.id });
    expect(list.registered.map((r) => r.id)).toEqual(rows.slice(0, 10).map((r) => r.id));
    expect(list.waiting.map((r) => r.id)).toEqual(rows.slice(10).map((r) => r.id));
    expect(list.session).toMatchObject({ seats: 10, seatsTaken: 10, seatsLeft: 0, waiting: 40 });
  });

  it('each cancellation promotes exactly the first waiting person, also with parallel cancellations', async () => {
    const { db, contact, s } = await setup({ seats: 10 });
    for (let i = 0; i < 20; i++) await contact.caller.registration.register({ sessionId: s.id, resident: { name: `Personne ${i}` } });
    const before = await contact.caller.registration.forSession({ sessionId: s.id });

    const one = await contact.caller.registration.cancel({ registrationId: before.registered[3]!.id });
    expect(one.promoted.map((p) => p.id)).toEqual([before.waiting[0]!.id]);
    const after1 = await contact.caller.registration.forSession({ sessionId: s.id });
    expect(after1.registered).toHaveLength(10);
    expect(after1.waiting.map((w) => w.id)).toEqual(before.waiting.slice(1).map((w) => w.id));
    expect(after1.registered.find((r) => r.id === before.waiting[0]!.id)?.promotedAt).toBeInstanceOf(Date);

    // Five seats cancelled at once (and one of them twice): five promotions, the next five in order.
    const targets = after1.registered.slice(0, 5).map((r) => r.id);
    const outcomes = await Promise.all([...targets, targets[0]!].map((registrationId) => contact.caller.registration.cancel({ registrationId })));
    expect(outcomes.flatMap((o) => o.promoted.map((p) => p.id)).sort()).toEqual(before.waiting.slice(1, 6).map((w) => w.id).sort());
    expect(outcomes.filter((o) => o.cancelled)).toHaveLength(5);
    const after2 = await contact.caller.registration.forSession({ sessionId: s.id });
    expect(after2.registered).toHaveLength(10);
    expect(after2.waiting.map((w) => w.id)).toEqual(before.waiting.slice(6).map((w) => w.id));
    expect(await db.mobileRegistration.count({ where: { sessionId: s.id, status: 'cancelled' } })).toBe(6);

    // Cancelling a place on the waiting list frees no seat: nobody is promoted.
    const w = await contact.caller.registration.cancel({ registrationId: after2.waiting[0]!.id });
    expect(w.promoted).toEqual([]);
    expect(await db.mobileRegistration.count({ where: { sessionId: s.id, status: 'registered' } })).toBe(10);
  });

  it('parallel registrations and cancellations keep seats and the waiting list consistent', async () => {
    const { db, contact, s } = await setup({ seats: 5 });
    const first = await Promise.all(Array.from({ length: 8 }, (_, i) => contact.caller.registration.register({ sessionId: s.id, resident: { name: `A${i}` } })));
    const seated = first.filter((r) => r.status === 'registered').map((r) => r.id);
    await Promise.all([
      ...seated.slice(0, 3).map((registrationId) => contact.caller.registration.cancel({ registrationId })),
      ...Array.from({ length: 6 }, (_, i) => contact.caller.registration.register({ sessionId: s.id, resident: { name: `B${i}` } }))
    ]);
    const rows = await db.mobileRegistration.findMany({ where: { sessionId: s.id } });
    expect(rows.filter((r) => r.status === 'registered')).toHaveLength(5);
    expect(rows.filter((r) => r.status === 'waiting')).toHaveLength(14 - 3 - 5);
    // Nobody waits while someone queued after them has a seat they did not get by being first.
    const firstWaiting = Math.min(...rows.filter((r) => r.status === 'waiting').map((r) => r.queuedAt.getTime()));
    const promotedLater = rows.filter((r) => r.status === 'registered' && r.promotedAt && r.queuedAt.getTime() > firstWaiting);
    expect(promotedLater).toEqual([]);
  });

  it('the promoted person gets exactly one email, in their language; a resident without an account: their contact', async () => {
    const { db, contact, s } = await setup({ seats: 2 });
    const seat1 = await contact.caller.registration.register({ sessionId: s.id, resident: { name: 'Jeanne' } });
    const seat2 = await contact.caller.registration.register({ sessionId: s.id, resident: { name: 'Marc' } });
    const nl = await person(db, { email: `nl-${Date.now()}@example.org`, displayName: 'Els Peeters' }, { sendMail: mail.sendMail });
    await db.user.update({ where: { id: nl.actor.id }, data: { locale: 'nl' } });
    const other = await person(db, { email: `other-${Date.now()}@example.org`, displayName: 'Ahmed B.' });
    const waitingNl = await nl.caller.registration.registerSelf({ sessionId: s.id });
    const waitingOther = await other.caller.registration.registerSelf({ sessionId: s.id });
    expect([waitingNl.status, waitingNl.position, waitingOther.position]).toEqual(['waiting', 1, 2]);

    await contact.caller.registration.cancel({ registrationId: seat1.id });
    const message = await mail.catcher.waitForMessage({ to: nl.actor.email, timeoutMs: 10_000 });
    expect(message.subject).toContain('Els Peeters');
    expect(message.text).toContain('wachtlijst');
    expect(message.text).toContain(`/nl/mobile/sessions/${s.id}`);
    // A second cancellation goes to the next one; the first gets nothing more.
    await contact.caller.registration.cancel({ registrationId: seat2.id });
    await mail.catcher.waitForMessage({ to: other.actor.email, timeoutMs: 10_000 });
    await new Promise((r) => setTimeout(r, 300));
    expect(mail.catcher.messages({ to: nl.actor.email })).toHaveLength(1);
    expect(mail.catcher.messages({ to: other.actor.email })).toHaveLength(1);
    expect((await nl.caller.registration.mine()).map((r) => [r.session.id, r.status])).toEqual([[s.id, 'registered']]);

    // A resident without an account: the contact who registered them is told.
    const seat3 = await nl.caller.registration.session({ sessionId: s.id });
    const waitingResident = await contact.caller.registration.register({ sessionId: s.id, resident: { name: 'Résidente Zoé' } });
    expect(waitingResident.status).toBe('waiting');
    await nl.caller.registration.cancel({ registrationId: seat3.mine!.id });
    const toContact = await mail.catcher.waitForMessage({ to: contact.actor.email, subject: 'Zoé', timeoutMs: 10_000 });
    expect(toContact.text).toContain(`/mobile/venue/sessions/${s.id}`);
  });

  it('refuses cancelled, past and one-to-one sessions, strangers, and a home visit for self-registration', async () => {
    const { db, contact, s, v, tr } = await setup();
    const stranger = await person(db);
    expect((await refusal(stranger.caller.registration.register({ sessionId: s.id, resident: { name: 'X' } }))).code).toBe('FORBIDDEN');
    expect((await refusal(callerFor(db, null).registration.register({ sessionId: s.id, resident: { name: 'X' } }))).code).toBe('UNAUTHORIZED');
    expect((await refusal(stranger.caller.registration.forSession({ sessionId: s.id }))).code).toBe('FORBIDDEN');

    const cancelled = await session(db, { venueId: v.id, trainerIds: [tr.trainer.id], startsAt: inDays(4) });
    await db.mobileSession.update({ where: { id: cancelled.id }, data: { status: 'cancelled', cancelledAt: new Date() } });
    const past = await session(db, { venueId: v.id, trainerIds: [tr.trainer.id], startsAt: new Date(Date.now() - HOUR) });
    const individual = await session(db, { venueId: v.id, trainerIds: [tr.trainer.id], startsAt: inDays(5), group: false });
    for (const [sessionId, key] of [
      [cancelled.id, 'mobile_epn_reg_error_cancelled'],
      [past.id, 'mobile_epn_reg_error_past'],
      [individual.id, 'mobile_epn_reg_error_not_group']
    ] as const) {
      const e = await refusal(contact.caller.registration.register({ sessionId, resident: { name: 'Y' } }));
      expect(e.code).toBe('CONFLICT');
      expect(describeError(e).messageKey).toBe(key);
      expect((await refusal(stranger.caller.registration.registerSelf({ sessionId }))).code).toBe('CONFLICT');
    }

    const home = await venue(db, { type: 'private_home', contactUserId: contact.actor.id });
    const atHome = await session(db, { venueId: home.id, trainerIds: [tr.trainer.id], startsAt: inDays(6) });
    const e = await refusal(stranger.caller.registration.registerSelf({ sessionId: atHome.id }));
    expect([e.code, describeError(e).messageKey]).toEqual(['FORBIDDEN', 'mobile_epn_reg_error_private']);
    // Someone registered cannot register a second time.
    await stranger.caller.registration.registerSelf({ sessionId: s.id });
    expect(describeError(await refusal(stranger.caller.registration.registerSelf({ sessionId: s.id }))).messageKey).toBe('mobile_epn_reg_error_already');
    expect(await db.mobileRegistration.count({ where: { sessionId: { in: [cancelled.id, past.id, individual.id, atHome.id] } } })).toBe(0);
  });

  it('explains a bad resident field by field, in each language, and stores nothing', async () => {
    const { db, contact, s } = await setup();
    const e = await refusal(contact.caller.registration.register({ sessionId: s.id, resident: { name: '   ', ageBand: '12-15', gender: 'robot' } }));
    expect(e.code).toBe('BAD_REQUEST');
    expect(describeError(e).fieldErrors).toEqual({ name: 'mobile_epn_reg_error_name', ageBand: 'mobile_epn_reg_error_age_band', gender: 'mobile_epn_reg_error_gender' });
    for (const locale of ['fr', 'nl', 'en']) expect(t('mobile_epn_reg_error_name', undefined, { locale })).not.toBe('mobile_epn_reg_error_name');
    expect(await db.mobileRegistration.count({ where: { sessionId: s.id } })).toBe(0);
  });

  it('cancels: the person themself, the contact, a coordinator; not a stranger', async () => {
    const { db, contact, s, staff } = await setup();
    const citizen = await person(db);
    const stranger = await person(db);
    const own = await citizen.caller.registration.registerSelf({ sessionId: s.id });
    const resident = await contact.caller.registration.register({ sessionId: s.id, resident: { name: 'R' } });
    expect((await refusal(stranger.caller.registration.cancel({ registrationId: own.id }))).code).toBe('FORBIDDEN');
    expect((await refusal(citizen.caller.registration.cancel({ registrationId: resident.id }))).code).toBe('FORBIDDEN');
    expect((await citizen.caller.registration.cancel({ registrationId: own.id })).cancelled).toBe(true);
    expect((await staff.caller.registration.cancel({ registrationId: resident.id })).cancelled).toBe(true);
    expect(await db.auditLog.count({ where: { action: 'mobile-epn.registration.cancel', targetId: resident.id } })).toBe(1);
    // Coordinators register too.
    expect((await staff.caller.registration.register({ sessionId: s.id, resident: { name: 'Via staff' } })).status).toBe('registered');
  });

  it("never shows a private home's address in public answers; its contact, trainer and staff see it", async () => {
    const { db, contact, tr, staff } = await setup();
    const home = await venue(db, { type: 'private_home', contactUserId: contact.actor.id, street: 'Rue du Domicile Privé 7', name: 'Chez Mme Privée' });
    const atHome = await session(db, { venueId: home.id, trainerIds: [tr.trainer.id], startsAt: inDays(2) });
    const stranger = await person(db);
    for (const caller of [callerFor(db, null), stranger.caller]) {
      const text = JSON.stringify([await caller.registration.upcoming(), await caller.registration.session({ sessionId: atHome.id })]);
      expect(text).toContain(atHome.id);
      expect(text).not.toContain('Domicile Privé');
      expect(text).not.toContain('Mme Privée');
    }
    for (const caller of [contact.caller, tr.caller, staff.caller]) expect((await caller.registration.forSession({ sessionId: atHome.id })).session.venue.street).toBe('Rue du Domicile Privé 7');
    // Other venues show their name and street publicly.
    const listed = (await callerFor(db, null).registration.upcoming()).filter((x) => x.venue.type === 'care_home');
    expect(listed.some((x) => x.venue.street === 'Rue Secrète 99')).toBe(true);
  });

  it('lists the sessions at my venues and my own registrations', async () => {
    const { db, contact, s, v } = await setup({ seats: 1 });
    const citizen = await person(db);
    await citizen.caller.registration.registerSelf({ sessionId: s.id });
    await contact.caller.registration.register({ sessionId: s.id, resident: { name: 'Second' } });
    const mine = await citizen.caller.registration.mine();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: 'registered', session: { id: s.id } });
    const cs = await contact.caller.registration.contactSessions();
    expect(cs.venues.map((x) => x.id)).toEqual([v.id]);
    expect(cs.sessions.find((x) => x.id === s.id)).toMatchObject({ seatsTaken: 1, waiting: 1, seatsLeft: 0 });
    expect((await citizen.caller.registration.contactSessions()).sessions).toEqual([]);
  });
});

describe('mobile-epn registrations: messages', () => {
  it('every key the service uses exists in fr, nl and en', () => {
    for (const key of ['mobile_epn_reg_mail_promoted_subject', 'mobile_epn_reg_mail_promoted_self', 'mobile_epn_reg_mail_promoted_contact', 'mobile_epn_reg_error_no_session'])
      for (const locale of ['fr', 'nl', 'en']) expect(t(key, { name: 'N', topic: 'T', when: 'W', commune: 'C', link: 'L' }, { locale })).not.toBe(key);
  });
});
