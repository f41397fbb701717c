import { beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { fromBrusselsLocal } from '@passerelle/plugin-sdk/time';
import { callerFor, kit, organisation, person, refusal, session, trainer, useTestMail, venue } from '../test-support.ts';
import { ScheduleConflictError } from '../services/sessions.ts';

const at = (local: string) => fromBrusselsLocal(local)!;
const mail = useTestMail();

describeEachDb('session procedures', ({ getDb, kind }) => {
  let orgId: string;
  let coord: Awaited<ReturnType<typeof person>>;
  let t1: Awaited<ReturnType<typeof trainer>>;
  let t2: Awaited<ReturnType<typeof trainer>>;
  let kitId: string;
  let venueId: string;
  let homeId: string;
  let contact: Awaited<ReturnType<typeof person>>;

  beforeAll(async () => {
    const db = getDb();
    orgId = (await organisation(db)).id;
    coord = await person(db, { roles: ['staff'] });
    t1 = await trainer(db, orgId, { home: 'grandPlace' });
    t2 = await trainer(db, orgId, { home: 'flagey' });
    kitId = (await kit(db, orgId, { name: 'Kit A', devices: 10 })).id;
    contact = await person(db, { email: `contact-${kind}-${Date.now()}@example.org` });
    venueId = (await venue(db, { name: 'Les Tilleuls', place: 'grandPlace', contactUserId: contact.actor.id, street: 'Rue des Tilleuls 12' })).id;
    homeId = (await venue(db, { type: 'private_home', name: 'Domicile', place: 'anderlecht', street: 'Rue Secrète 7', capacity: 2 })).id;
  });
  beforeEach(async () => {
    await getDb().mobileSession.deleteMany({});
  });

  const single = (over: Record<string, unknown> = {}) => ({ requestId: null, venueId, topic: 'smartphone' as const, language: 'fr' as const, startsAt: at('2027-03-02T10:00'), endsAt: at('2027-03-02T12:00'), trainerIds: [t1.trainer.id], kitId, seats: 8, repeat: null, ...over });

  it('creates a session with its travel assumption, audited; check shows nothing to fix', async () => {
    const db = getDb();
    expect((await coord.caller.session.check(single())).conflicts).toEqual([]);
    const r = await coord.caller.session.create(single());
    expect(r.sessionIds).toHaveLength(1);
    const st = await db.mobileSessionTrainer.findFirstOrThrow({ where: { sessionId: r.sessionIds[0]! } });
    expect(st.travel).toMatchObject({ origin: 'home', mode: 'public_transport', minutes: 0 });
    expect(await db.auditLog.count({ where: { action: 'mobile-epn.session.create', targetId: r.sessionIds[0]! } })).toBe(1);
  });

  it('refuses a conflicting save with the explained list, and writes nothing', async () => {
    const db = getDb();
    await coord.caller.session.create(single());
    const check = await coord.caller.session.check(single({ startsAt: at('2027-03-02T11:00'), endsAt: at('2027-03-02T13:00') }));
    expect(check.conflicts.map((c) => c.code).sort()).toEqual(['kit_busy', 'trainer_busy']);
    const e = await refusal(coord.caller.session.create(single({ startsAt: at('2027-03-02T11:00'), endsAt: at('2027-03-02T13:00') })));
    expect(e.code).toBe('CONFLICT');
    expect(e.cause).toBeInstanceOf(ScheduleConflictError);
    expect((e.cause as ScheduleConflictError).conflicts.map((c) => `${c.date} ${c.code}`).sort()).toEqual(['2027-03-02 kit_busy', '2027-03-02 trainer_busy']);
    expect(await db.mobileSession.count()).toBe(1);
  });

  it('links a request: venue, topic and language come from it, and it becomes "scheduled"', async () => {
    const db = getDb();
    const req = await db.mobileRequest.create({ data: { venueId, topic: 'online_admin', language: 'nl', participants: 6, windows: [] } });
    const r = await coord.caller.session.create({ requestId: req.id, startsAt: at('2027-03-03T10:00'), endsAt: at('2027-03-03T12:00'), trainerIds: [t1.trainer.id], kitId: null, seats: 6, repeat: null });
    const s = await db.mobileSession.findUniqueOrThrow({ where: { id: r.sessionIds[0]! } });
    expect(s).toMatchObject({ requestId: req.id, venueId, topic: 'online_admin', language: 'nl' });
    expect((await db.mobileRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe('scheduled');
  });

  it('creates a weekly series across the spring DST change, keeping 10:00 Brussels and skipping exceptions', async () => {
    const db = getDb();
    const r = await coord.caller.session.create(single({ startsAt: at('2027-03-16T10:00'), endsAt: at('2027-03-16T12:00'), repeat: { intervalWeeks: 1, count: 4, exceptions: ['2027-03-30'] } }));
    expect(r.seriesId).toBeTruthy();
    const rows = await db.mobileSession.findMany({ where: { seriesId: r.seriesId! }, orderBy: { startsAt: 'asc' } });
    expect(rows.map((s) => s.startsAt.toISOString())).toEqual(['2027-03-16T09:00:00.000Z', '2027-03-23T09:00:00.000Z', '2027-04-06T08:00:00.000Z']);
    expect(rows.map((s) => s.endsAt.toISOString())).toEqual(['2027-03-16T11:00:00.000Z', '2027-03-23T11:00:00.000Z', '2027-04-06T10:00:00.000Z']);
    const series = await db.mobileSeries.findUniqueOrThrow({ where: { id: r.seriesId! } });
    expect(series).toMatchObject({ intervalWeeks: 1, count: 4, exceptions: ['2027-03-30'] });
  });

  it('refuses a whole series when one date conflicts, listing the conflicts by date', async () => {
    const db = getDb();
    await db.mobileAbsence.create({ data: { trainerId: t1.trainer.id, startsAt: at('2027-04-13T00:00'), endsAt: at('2027-04-14T00:00'), reason: 'congé' } });
    await session(db, { venueId: homeId, trainerIds: [t1.trainer.id], startsAt: at('2027-04-27T09:00'), minutes: 45 });
    const seriesBefore = await db.mobileSeries.count();
    const e = await refusal(coord.caller.session.create(single({ startsAt: at('2027-04-06T10:00'), endsAt: at('2027-04-06T12:00'), repeat: { intervalWeeks: 1, count: 6, exceptions: [] } })));
    const list = (e.cause as ScheduleConflictError).conflicts.map((c) => `${c.date} ${c.code}`);
    expect(list).toEqual(['2027-04-13 trainer_absent', '2027-04-27 travel_before']);
    expect(await db.mobileSession.count({ where: { venueId } })).toBe(0);
    expect(await db.mobileSeries.count()).toBe(seriesBefore);
    await db.mobileAbsence.deleteMany({});
    // Every other week the absence and the early session are not on the way.
    const ok = await coord.caller.session.create(single({ startsAt: at('2027-04-06T10:00'), endsAt: at('2027-04-06T12:00'), repeat: { intervalWeeks: 2, count: 2, exceptions: [] } }));
    expect(ok.sessionIds).toHaveLength(2);
  });

  it('two coordinators booking the same trainer at once: exactly one wins', async () => {
    const db = getDb();
    const other = await person(db, { roles: ['staff'] });
    const results = await Promise.allSettled([
      coord.caller.session.create(single({ kitId: null })),
      other.caller.session.create(single({ kitId: null, venueId: homeId, seats: 1, startsAt: at('2027-03-02T11:00'), endsAt: at('2027-03-02T12:00') }))
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason.code).toBe('CONFLICT');
    expect(await db.mobileSessionTrainer.count({ where: { trainerId: t1.trainer.id } })).toBe(1);
  });

  it('two coordinators booking the same kit with different trainers at once: exactly one wins', async () => {
    const db = getDb();
    const results = await Promise.allSettled([coord.caller.session.create(single()), coord.caller.session.create(single({ trainerIds: [t2.trainer.id] }))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.mobileSession.count({ where: { kitId } })).toBe(1);
  });

  it('updates a session: re-checked without itself, sequence + 1, audited; refused on conflict', async () => {
    const db = getDb();
    const [a] = (await coord.caller.session.create(single())).sessionIds;
    const [b] = (await coord.caller.session.create(single({ trainerIds: [t2.trainer.id], kitId: null, startsAt: at('2027-03-02T14:00'), endsAt: at('2027-03-02T16:00') }))).sessionIds;
    await coord.caller.session.update({ id: a!, venueId, startsAt: at('2027-03-02T10:30'), endsAt: at('2027-03-02T12:30'), trainerIds: [t1.trainer.id], kitId, seats: 9 });
    const s = await db.mobileSession.findUniqueOrThrow({ where: { id: a! } });
    expect(s).toMatchObject({ sequence: 1, seats: 9 });
    expect(s.startsAt.toISOString()).toBe(at('2027-03-02T10:30').toISOString());
    const e = await refusal(coord.caller.session.update({ id: a!, venueId, startsAt: at('2027-03-02T14:30'), endsAt: at('2027-03-02T15:30'), trainerIds: [t1.trainer.id, t2.trainer.id], kitId, seats: 9 }));
    expect(e.code).toBe('CONFLICT');
    expect((e.cause as ScheduleConflictError).conflicts).toEqual([expect.objectContaining({ code: 'trainer_busy', trainerId: t2.trainer.id, sessionId: b })]);
    expect((await db.mobileSession.findUniqueOrThrow({ where: { id: a! } })).sequence).toBe(1);
    expect(await db.auditLog.count({ where: { action: 'mobile-epn.session.update', targetId: a! } })).toBe(1);
  });

  it('seats: never fewer than the people registered; more seats go at once to the first people waiting, who are told', async () => {
    const db = getDb();
    const coordWithMail = callerFor(db, coord.actor, { sendMail: mail.sendMail });
    const [id] = (await coordWithMail.session.create(single({ seats: 2 }))).sessionIds;
    const waiting = await person(db, { email: `waiting-${kind}-${Date.now()}@example.org` });
    const base = { sessionId: id!, registeredById: contact.actor.id };
    await db.mobileRegistration.create({ data: { ...base, name: 'A', status: 'registered', queuedAt: new Date(1000) } });
    await db.mobileRegistration.create({ data: { ...base, name: 'B', status: 'registered', queuedAt: new Date(2000) } });
    const w1 = await db.mobileRegistration.create({ data: { ...base, name: 'C', userId: waiting.actor.id, status: 'waiting', queuedAt: new Date(3000) } });
    const w2 = await db.mobileRegistration.create({ data: { ...base, name: 'D', status: 'waiting', queuedAt: new Date(4000) } });
    const slot = { id: id!, venueId, startsAt: at('2027-03-02T10:00'), endsAt: at('2027-03-02T12:00'), trainerIds: [t1.trainer.id], kitId };
    const e = await refusal(coordWithMail.session.update({ ...slot, seats: 1 }));
    expect(e.code).toBe('BAD_REQUEST');
    expect((await db.mobileSession.findUniqueOrThrow({ where: { id: id! } })).seats).toBe(2);
    const result = await coordWithMail.session.update({ ...slot, seats: 3 });
    expect(result.promoted.map((p) => p.id)).toEqual([w1.id]);
    expect((await db.mobileRegistration.findUniqueOrThrow({ where: { id: w1.id } })).status).toBe('registered');
    expect((await db.mobileRegistration.findUniqueOrThrow({ where: { id: w2.id } })).status).toBe('waiting');
    await mail.catcher.waitForMessage({ to: waiting.actor.email, timeoutMs: 10_000 });
    expect(mail.catcher.messages({ to: waiting.actor.email })).toHaveLength(1);
  });

  it('cancels with a reason: everyone affected gets an email in their language; the private address only to those who may see it', async () => {
    const db = getDb();
    const coordMail = callerFor(db, coord.actor, { sendMail: mail.sendMail });
    await db.user.update({ where: { id: t1.actor.id }, data: { locale: 'nl' } });
    await db.user.update({ where: { id: contact.actor.id }, data: { locale: 'en' } });
    const resident = await person(db, { email: `resident-${kind}-${Date.now()}@example.org` });
    const waiting = await person(db, { email: `waiting-${kind}-${Date.now()}@example.org` });
    const [id] = (await coordMail.session.create(single({ venueId: homeId, kitId: null, seats: 1 }))).sessionIds;
    await db.mobileRegistration.createMany({
      data: [
        { sessionId: id!, userId: resident.actor.id, name: 'R', status: 'registered' },
        { sessionId: id!, userId: waiting.actor.id, name: 'W', status: 'waiting' },
        { sessionId: id!, userId: null, name: 'Mme X', registeredById: contact.actor.id, status: 'registered' },
        { sessionId: id!, userId: null, name: 'Gone', registeredById: coord.actor.id, status: 'cancelled' }
      ]
    });
    await db.mobileVenue.update({ where: { id: homeId }, data: { contactUserId: contact.actor.id } });
    const r = await coordMail.session.cancel({ id: id!, reason: 'Formatrice malade' });
    expect(r.notified).toBe(4);
    const s = await db.mobileSession.findUniqueOrThrow({ where: { id: id! } });
    expect(s).toMatchObject({ status: 'cancelled', cancelReason: 'Formatrice malade', sequence: 1 });
    const toTrainer = await mail.catcher.waitForMessage({ to: t1.actor.email });
    expect(toTrainer.subject).toContain('geannuleerd');
    expect(toTrainer.text).toContain('Rue Secrète 7');
    expect(toTrainer.text).toContain('Formatrice malade');
    expect(toTrainer.text).toContain('2027-03-02 10:00');
    // The topic in words, in the reader's language (not the code "smartphone").
    expect(toTrainer.text).toContain('Smartphone en tablet');
    const toContact = await mail.catcher.waitForMessage({ to: contact.actor.email });
    expect(toContact.subject).toContain('cancelled');
    expect(toContact.text).toContain('Rue Secrète 7');
    expect(toContact.text).toContain('“Smartphone and tablet”');
    const toResident = await mail.catcher.waitForMessage({ to: resident.actor.email });
    expect(toResident.subject).toContain('annulé');
    expect(toResident.text).not.toContain('Rue Secrète');
    expect(toResident.text).toContain('Anderlecht');
    await mail.catcher.waitForMessage({ to: waiting.actor.email });
    expect(mail.catcher.messages({ to: coord.actor.email })).toHaveLength(0);
    expect(mail.catcher.messages({ to: contact.actor.email })).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: 'mobile-epn.session.cancel', targetId: id! } })).toBe(1);
    expect((await refusal(coordMail.session.cancel({ id: id!, reason: 'encore' }))).code).toBe('CONFLICT');
  });

  it('get: coordinators and the assigned trainer see the private address; another trainer is refused', async () => {
    const db = getDb();
    const [id] = (await coord.caller.session.create(single({ venueId: homeId, kitId: null, seats: 1 }))).sessionIds;
    expect((await coord.caller.session.get({ id: id! })).venue.street).toBe('Rue Secrète 7');
    expect((await t1.caller.session.get({ id: id! })).venue.street).toBe('Rue Secrète 7');
    expect((await refusal(t2.caller.session.get({ id: id! }))).code).toBe('FORBIDDEN');
    const list = await coord.caller.session.list({ from: at('2027-03-01T00:00'), to: at('2027-03-08T00:00'), trainerId: t1.trainer.id });
    expect(list.map((s) => s.id)).toEqual([id]);
    expect(await coord.caller.session.list({ from: at('2027-03-01T00:00'), to: at('2027-03-08T00:00'), trainerId: t2.trainer.id })).toEqual([]);
  });

  it('only coordinators schedule: trainers and citizens are refused, and bad input changes nothing', async () => {
    const db = getDb();
    const citizen = await person(db);
    expect((await refusal(citizen.caller.session.create(single()))).code).toBe('FORBIDDEN');
    expect((await refusal(t1.caller.session.create(single()))).code).toBe('FORBIDDEN');
    expect((await refusal(t1.caller.session.check(single()))).code).toBe('FORBIDDEN');
    expect((await refusal(t1.caller.session.list({ from: at('2027-03-01T00:00'), to: at('2027-03-08T00:00') }))).code).toBe('FORBIDDEN');
    expect((await refusal(callerFor(db, null).session.get({ id: 'x' }))).code).toBe('UNAUTHORIZED');
    expect((await refusal(coord.caller.session.create(single({ endsAt: at('2027-03-02T09:00') })))).code).toBe('BAD_REQUEST');
    expect((await refusal(coord.caller.session.create(single({ seats: 0 })))).code).toBe('BAD_REQUEST');
    expect(await db.mobileSession.count()).toBe(0);
  });
});
