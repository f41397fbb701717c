import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { describeError } from '@passerelle/trpc';
import { fromBrusselsLocal, toBrusselsLocal } from '@passerelle/plugin-sdk/time';
import { mediateRequest } from '../services/requests.ts';
import { callerFor, organisation, person, refusal, session, trainer, useTestMail, venue as venueRow } from '../test-support.ts';

const inDays = (days: number, hour = 10) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${toBrusselsLocal(d).slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
};
const fields = (extra: Record<string, unknown> = {}) => ({
  topic: 'smartphone' as const,
  language: 'fr' as const,
  participants: 8,
  durationMinutes: 120,
  windows: [{ from: inDays(7, 9), to: inDays(21, 17) }],
  accessibilityNeeds: 'Résidents malentendants',
  note: '',
  needsKit: true,
  ...extra
});
const home = { kind: 'home' as const, street: 'Rue Secrète 7', postcode: '1070', communeNis: '21001', latitude: null, longitude: null, accessNotes: '3e étage', contactPhone: '0470 00 00 00' };
const citizen = { initials: 'M.D.', birthYear: 1948, communeNis: '21001', consent: true as const };

describeEachDb('mobile-epn: requests', ({ getDb }) => {
  const mail = useTestMail();

  it("a venue contact asks for a workshop for their venue; it waits in the queue; they see it, withdraw it; others cannot", async () => {
    const db = getDb();
    const contact = await person(db, { displayName: 'Claire Contact' });
    const stranger = await person(db);
    const staff = await person(db, { roles: ['staff'] });
    const tilleuls = await venueRow(db, { name: 'Les Tilleuls', contactUserId: contact.actor.id });
    expect((await contact.caller.venue.mine()).map((v) => v.id)).toEqual([tilleuls.id]);
    const { id, venueId } = await contact.caller.request.create({ ...fields(), place: { kind: 'venue', venueId: tilleuls.id } });
    expect(venueId).toBe(tilleuls.id);
    const stored = await db.mobileRequest.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: 'new', requestedById: contact.actor.id, mediatorId: null, participants: 8, topic: 'smartphone' });
    // Windows are stored as UTC instants of the Brussels wall-clock times typed.
    expect(stored.windows).toEqual([{ from: fromBrusselsLocal(inDays(7, 9))!.toISOString(), to: fromBrusselsLocal(inDays(21, 17))!.toISOString() }]);
    const mine = await contact.caller.request.mine();
    expect(mine).toMatchObject([{ id, status: 'new', venue: { id: tilleuls.id, name: 'Les Tilleuls' }, sessions: [], requester: null }]);
    expect(mine[0]!.windows[0]!.fromLocal).toBe(inDays(7, 9));
    expect((await staff.caller.request.queue({})).map((r) => r.id)).toContain(id);
    expect((await staff.caller.request.get({ id })).requester).toMatchObject({ id: contact.actor.id, displayName: 'Claire Contact' });
    expect((await contact.caller.request.get({ id })).id).toBe(id);
    expect((await refusal(stranger.caller.request.get({ id }))).code).toBe('FORBIDDEN');
    expect((await refusal(stranger.caller.request.withdraw({ id }))).code).toBe('FORBIDDEN');
    expect(await stranger.caller.request.mine()).toEqual([]);
    expect((await refusal(stranger.caller.request.create({ ...fields(), place: { kind: 'venue', venueId: tilleuls.id } }))).code).toBe('BAD_REQUEST');
    expect((await refusal(callerFor(db, null).request.create({ ...fields(), place: { kind: 'venue', venueId: tilleuls.id } }))).code).toBe('UNAUTHORIZED');
    expect((await refusal(contact.caller.request.queue({}))).code).toBe('FORBIDDEN');
    expect(await contact.caller.request.withdraw({ id })).toEqual({ id, status: 'withdrawn' });
    const again = await refusal(contact.caller.request.withdraw({ id }));
    expect([again.code, describeError(again).messageKey]).toEqual(['CONFLICT', 'mobile_epn_dir_error_request_not_new']);
    expect(await db.mobileRequest.count({ where: { venueId: tilleuls.id } })).toBe(1);
  });

  it('a contact describes a new venue, which becomes theirs; a citizen asks for a home visit: a private home only staff, the assigned trainer and they see', async () => {
    const db = getDb();
    const contact = await person(db);
    const resident = await person(db, { displayName: 'Maria Dupont' });
    const staff = await person(db, { roles: ['staff'] });
    const created = await contact.caller.request.create({ ...fields(), place: { ...home, kind: 'new_venue', type: 'social_housing', name: 'Cité Modèle', capacity: 10, wifi: false, street: 'Allée du Rubis 3', postcode: '1020', communeNis: '21004', latitude: 50.8938, longitude: 4.3365 } });
    expect(await db.mobileVenue.findUniqueOrThrow({ where: { id: created.venueId } })).toMatchObject({ type: 'social_housing', name: 'Cité Modèle', contactUserId: contact.actor.id, latitude: 50.8938 });
    expect((await contact.caller.venue.mine()).map((v) => v.id)).toEqual([created.venueId]);

    const visit = await resident.caller.request.create({ ...fields({ participants: 1 }), place: home });
    const venue = await db.mobileVenue.findUniqueOrThrow({ where: { id: visit.venueId } });
    // No point picked: placed at the commune's centre (Anderlecht) until a coordinator moves it.
    expect(venue).toMatchObject({ type: 'private_home', street: 'Rue Secrète 7', contactUserId: resident.actor.id, name: 'Maria Dupont', communeNis: '21001' });
    expect(venue.latitude).toBeCloseTo(50.82384, 4);
    expect((await resident.caller.request.mine())[0]!.venue).toMatchObject({ private: false, street: 'Rue Secrète 7' });
    const queued = (await staff.caller.request.queue({})).find((r) => r.id === visit.id)!;
    expect(queued.venue).toMatchObject({ private: false, street: 'Rue Secrète 7' });
    // Nobody else sees the address: not another citizen, not a trainer who is not assigned.
    const other = await person(db);
    expect((await refusal(other.caller.request.get({ id: visit.id }))).code).toBe('FORBIDDEN');
    const org = await organisation(db);
    const assigned = await trainer(db, org.id);
    await session(db, { venueId: visit.venueId, trainerIds: [assigned.trainer.id], startsAt: new Date(Date.now() + 8 * 86_400_000), group: false });
    await db.mobileRequest.update({ where: { id: visit.id }, data: { status: 'scheduled' } });
    await db.mobileSession.updateMany({ where: { venueId: visit.venueId }, data: { requestId: visit.id } });
    const { requestView } = await import('../services/requests.ts');
    const row = await db.mobileRequest.findUniqueOrThrow({ where: { id: visit.id }, include: { venue: { include: { contactUser: { select: { id: true, email: true, displayName: true } } } }, requestedBy: { select: { id: true, email: true, displayName: true, locale: true } }, mediator: { select: { id: true, email: true, displayName: true, locale: true } }, sessions: { select: { id: true, startsAt: true, endsAt: true, status: true, seats: true, topic: true, language: true, trainers: { select: { trainer: { select: { userId: true } } } } } } } });
    expect(requestView(row, assigned.actor, 'fr').venue.street).toBe('Rue Secrète 7');
    const notAssigned = await trainer(db, org.id);
    const hidden = requestView(row, notAssigned.actor, 'fr');
    expect(JSON.stringify(hidden)).not.toMatch(/Secrète|Maria|0470/);
    expect(hidden.venue).toMatchObject({ private: true, commune: { nis: '21001' } });
    // Their own view lists the planned session, and nothing about the trainer.
    const mine = (await resident.caller.request.mine())[0]!;
    expect(mine.sessions).toHaveLength(1);
    expect(JSON.stringify(mine)).not.toContain(assigned.actor.email);
  });

  it('bad requests are refused with translated keys and nothing is stored', async () => {
    const db = getDb();
    const contact = await person(db);
    const tilleuls = await venueRow(db, { contactUserId: contact.actor.id });
    const count = async () => [await db.mobileRequest.count(), await db.mobileVenue.count()];
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [fields({ windows: [{ from: '2020-01-01T10:00', to: '2020-01-01T12:00' }] }), 'windows.0.from'],
      [fields({ windows: [{ from: inDays(8), to: inDays(7) }] }), 'windows.0.to'],
      [fields({ windows: [] }), 'windows'],
      [fields({ windows: [1, 2, 3, 4].map((d) => ({ from: inDays(d + 2, 9), to: inDays(d + 2, 12) })) }), 'windows'],
      [fields({ participants: 0 }), 'participants'],
      [fields({ durationMinutes: 10 }), 'durationMinutes'],
      [fields({ topic: 'knitting' }), 'topic'],
      [fields({ language: 'xx' }), 'language']
    ];
    for (const [bad, field] of cases) {
      const e = await refusal(contact.caller.request.create({ ...(bad as ReturnType<typeof fields>), place: { kind: 'venue', venueId: tilleuls.id } }));
      expect(e.code).toBe('BAD_REQUEST');
      expect(Object.keys(describeError(e).fieldErrors ?? {})).toContain(field);
    }
    const past = await refusal(contact.caller.request.create({ ...fields({ windows: [{ from: '2020-01-01T10:00', to: '2020-01-01T12:00' }] }), place: { kind: 'venue', venueId: tilleuls.id } }));
    expect(describeError(past).fieldErrors).toEqual({ 'windows.0.from': 'mobile_epn_dir_error_window_past' });
    for (const place of [{ ...home, postcode: '1000' }, { ...home, communeNis: '99999' }, { ...home, latitude: 48.85, longitude: 2.35 }, { ...home, street: '' }]) {
      expect((await refusal(contact.caller.request.create({ ...fields(), place }))).code).toBe('BAD_REQUEST');
    }
    const { ZCreateRequest } = await import('../services/requests.ts');
    const parsed = ZCreateRequest.safeParse({ ...fields({ windows: [{ from: inDays(8), to: inDays(7) }] }), place: { ...home, postcode: '1000' } });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.message).sort()).toEqual(['mobile_epn_dir_error_postcode_commune', 'mobile_epn_dir_error_window_dates_order']);
    expect(await count()).toEqual(before);
  });

  it('requests are rate limited per person', async () => {
    const db = getDb();
    const contact = await person(db);
    const v = await venueRow(db, { contactUserId: contact.actor.id });
    for (let i = 0; i < 5; i++) await contact.caller.request.create({ ...fields(), place: { kind: 'venue', venueId: v.id } });
    expect((await refusal(contact.caller.request.create({ ...fields(), place: { kind: 'venue', venueId: v.id } }))).code).toBe('TOO_MANY_REQUESTS');
    expect(await db.mobileRequest.count({ where: { requestedById: contact.actor.id } })).toBe(5);
  });

  it('an EPN mediator asks for a citizen without an account: consent required, limited per day, audited', async () => {
    const db = getDb();
    const org = await organisation(db);
    const mediator = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    const library = await venueRow(db, { type: 'library', name: 'Bibliothèque Sésame' });
    const privateHome = await venueRow(db, { type: 'private_home', name: 'Quelqu’un', street: 'Rue Cachée 1' });
    const staff = await person(db, { roles: ['staff'] });
    const choices = await mediator.caller.request.mediation();
    expect(choices.venues.map((v) => v.id)).toContain(library.id);
    expect(choices.venues.map((v) => v.id)).not.toContain(privateHome.id);
    expect(choices.today).toEqual({ count: 0, limit: 10, left: 10 });

    const { id } = await mediator.caller.request.mediate({ ...fields(), citizen, place: home });
    const row = await db.mobileRequest.findUniqueOrThrow({ where: { id }, include: { venue: true } });
    expect(row).toMatchObject({ mediatorId: mediator.actor.id, requestedById: null, citizenInitials: 'M.D.', citizenBirthYear: 1948, citizenCommuneNis: '21001', venue: { type: 'private_home', contactUserId: null } });
    expect(row.consentAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: 'mobile-epn.request.mediate', targetId: id, actorId: mediator.actor.id } })).toBe(1);
    // The mediator follows it, but the home's address is for staff and the trainer only.
    const followed = (await mediator.caller.request.mine())[0]!;
    expect(followed).toMatchObject({ id, mediated: true, venue: { private: true, street: '' }, citizen: null });
    expect((await staff.caller.request.get({ id })).citizen).toMatchObject({ initials: 'M.D.', birthYear: 1948, commune: { nis: '21001' } });
    await mediator.caller.request.mediate({ ...fields(), citizen, place: { kind: 'venue', venueId: library.id } });
    expect((await refusal(mediator.caller.request.mediate({ ...fields(), citizen, place: { kind: 'venue', venueId: privateHome.id } }))).code).toBe('BAD_REQUEST');

    const before = await db.mobileRequest.count();
    for (const bad of [{ ...citizen, consent: false }, { ...citizen, initials: '' }, { ...citizen, initials: '12' }, { ...citizen, birthYear: 1850 }, { ...citizen, communeNis: '99999' }]) {
      expect((await refusal(mediator.caller.request.mediate({ ...fields(), citizen: bad as never, place: home }))).code).toBe('BAD_REQUEST');
    }
    expect(await db.mobileRequest.count()).toBe(before);
    // The daily limit, serialised per mediator: 2 parallel tries with 1 left give exactly one more.
    const limited = await Promise.allSettled([0, 1].map(() => mediateRequest({ db, actor: mediator.actor, input: { ...fields(), citizen, place: { kind: 'venue', venueId: library.id } } as never, limit: 3 })));
    expect(limited.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db.mobileRequest.count({ where: { mediatorId: mediator.actor.id } })).toBe(3);
    const plain = await person(db);
    expect((await refusal(plain.caller.request.mediate({ ...fields(), citizen, place: home }))).code).toBe('FORBIDDEN');
    expect((await refusal(plain.caller.request.mediation())).code).toBe('FORBIDDEN');
  });

  it('the queue puts new requests first, oldest first, and filters; a decline with a reason emails the requester in their language', async () => {
    const db = getDb();
    const staff = await person(db, { roles: ['staff'] }, { sendMail: (m) => mail.sendMail(m) });
    const contact = await person(db, { email: 'kees.contact@example.org', displayName: 'Kees' });
    await db.user.update({ where: { id: contact.actor.id }, data: { locale: 'nl' } });
    const molenbeek = await venueRow(db, { contactUserId: contact.actor.id });
    const ixelles = await venueRow(db, { contactUserId: contact.actor.id, place: 'flagey' });
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const mk = (venueId: string, topic: string, status: string, createdAt: Date) => db.mobileRequest.create({ data: { venueId, requestedById: contact.actor.id, topic, language: 'fr', participants: 5, windows: [], status, createdAt } });
    const old = await mk(molenbeek.id, 'smartphone', 'new', at(50));
    const declinedBefore = await mk(molenbeek.id, 'email', 'declined', at(60));
    const recent = await mk(ixelles.id, 'email', 'new', at(10));
    const queue = (await staff.caller.request.queue({})).map((r) => r.id).filter((id) => [old.id, declinedBefore.id, recent.id].includes(id));
    expect(queue).toEqual([old.id, recent.id, declinedBefore.id]);
    expect((await staff.caller.request.queue({ status: 'new' })).map((r) => r.id)).not.toContain(declinedBefore.id);
    expect((await staff.caller.request.queue({ status: 'declined' })).map((r) => r.id)).toEqual([declinedBefore.id]);
    const byTopic = (await staff.caller.request.queue({ topic: 'email' })).map((r) => r.id);
    expect(byTopic).toEqual([recent.id, declinedBefore.id]);
    expect((await staff.caller.request.queue({ communeNis: '21009' })).map((r) => r.id)).toEqual([recent.id]);

    expect((await refusal(staff.caller.request.decline({ id: old.id, reason: '' }))).code).toBe('BAD_REQUEST');
    expect((await refusal(contact.caller.request.decline({ id: old.id, reason: 'Not me' }))).code).toBe('FORBIDDEN');
    expect((await db.mobileRequest.findUniqueOrThrow({ where: { id: old.id } })).status).toBe('new');
    await staff.caller.request.decline({ id: old.id, reason: 'Geen trainer vrij in die weken.' });
    expect(await db.mobileRequest.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ status: 'declined', statusReason: 'Geen trainer vrij in die weken.' });
    const sent = await mail.catcher.waitForMessage({ to: 'kees.contact@example.org', timeoutMs: 10_000 });
    expect(sent.text).toContain('Geen trainer vrij in die weken.');
    expect(sent.text).toContain('/nl/mobile/requests');
    const { t } = await import('@passerelle/i18n');
    expect(sent.subject).toBe(t('mobile_epn_req_mail_declined_subject', {}, { locale: 'nl' }));
    expect(await db.auditLog.count({ where: { action: 'mobile-epn.request.decline', targetId: old.id, actorId: staff.actor.id } })).toBe(1);
    expect((await refusal(staff.caller.request.decline({ id: old.id, reason: 'Twice' }))).code).toBe('CONFLICT');
    expect(mail.catcher.messages({ to: 'kees.contact@example.org' })).toHaveLength(1);
    expect((await contact.caller.request.mine()).find((r) => r.id === old.id)).toMatchObject({ status: 'declined', statusReason: 'Geen trainer vrij in die weken.' });
  });
});
