import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { describeError } from '@passerelle/trpc';
import { DEFAULT_TRAVEL } from '../services/travel.ts';
import type { VenueInput } from '../services/venues.ts';
import { callerFor, person, refusal, session, trainer, organisation, venue as venueRow } from '../test-support.ts';

const fields = (name: string, extra: Partial<VenueInput> = {}): VenueInput => ({
  type: 'care_home',
  name,
  street: 'Rue des Tilleuls 12',
  postcode: '1080',
  communeNis: '21012',
  latitude: 50.8531,
  longitude: 4.3265,
  contactName: 'Claire',
  contactPhone: '+32 2 000 00 00',
  contactEmail: 'accueil@example.org',
  accessNotes: 'Entrée par le jardin',
  capacity: 12,
  wifi: true,
  ...extra
});

describeEachDb('mobile-epn: venues', ({ getDb }) => {
  it('a coordinator creates, edits, archives and restores a venue; filters find it; each change is audited', async () => {
    const db = getDb();
    const staff = await person(db, { roles: ['staff'] });
    const contact = await person(db, { email: 'contact.venue@example.org' });
    const { id } = await staff.caller.venue.create({ venue: fields('Résidence Les Tilleuls', { contactAccount: 'Contact.Venue@example.org' }) });
    await staff.caller.venue.create({ venue: fields('Bibliothèque Sésame', { type: 'library', postcode: '1030', communeNis: '21015', latitude: 50.8663, longitude: 4.3857 }) });
    expect((await staff.caller.venue.list({})).map((v) => v.name)).toEqual(['Bibliothèque Sésame', 'Résidence Les Tilleuls']);
    expect((await staff.caller.venue.list({ type: 'library' })).map((v) => v.name)).toEqual(['Bibliothèque Sésame']);
    expect((await staff.caller.venue.list({ communeNis: '21012' })).map((v) => v.name)).toEqual(['Résidence Les Tilleuls']);
    expect((await staff.caller.venue.list({ q: 'résidence' })).map((v) => v.name)).toEqual(['Résidence Les Tilleuls']);
    const shown = await staff.caller.venue.get({ id });
    expect(shown).toMatchObject({ type: 'care_home', street: 'Rue des Tilleuls 12', commune: { nis: '21012' }, capacity: 12, wifi: true, contactAccount: { id: contact.actor.id } });
    expect((await contact.caller.venue.mine()).map((v) => v.id)).toEqual([id]);

    await staff.caller.venue.update({ id, venue: fields('Résidence Les Tilleuls', { capacity: 20, wifi: false }) });
    expect(await db.mobileVenue.findUniqueOrThrow({ where: { id } })).toMatchObject({ capacity: 20, wifi: false, contactUserId: null });
    expect(await contact.caller.venue.mine()).toEqual([]);
    await staff.caller.venue.archive({ id, archived: true });
    expect((await staff.caller.venue.list({})).map((v) => v.name)).toEqual(['Bibliothèque Sésame']);
    expect((await staff.caller.venue.list({ archived: true })).map((v) => v.id)).toEqual([id]);
    await staff.caller.venue.archive({ id, archived: false });
    expect((await staff.caller.venue.list({})).length).toBe(2);
    const actions = (await db.auditLog.findMany({ where: { actorId: staff.actor.id, targetId: id }, orderBy: { createdAt: 'asc' } })).map((l) => l.action);
    expect(actions).toEqual(['mobile-epn.venue.create', 'mobile-epn.venue.update', 'mobile-epn.venue.archive', 'mobile-epn.venue.restore']);
    const update = await db.auditLog.findFirstOrThrow({ where: { action: 'mobile-epn.venue.update', targetId: id } });
    expect((update.data as { changed: string[] }).changed.sort()).toEqual(['capacity', 'contactUserId', 'wifi']);
  });

  it('bad fields are refused with translated keys and the stored venue is unchanged', async () => {
    const db = getDb();
    const staff = await person(db, { roles: ['staff'] });
    const { id } = await staff.caller.venue.create({ venue: fields('Stable') });
    const before = await db.mobileVenue.findUniqueOrThrow({ where: { id } });
    const cases: [Partial<VenueInput>, string][] = [
      [{ postcode: '75001' }, 'postcode'],
      [{ postcode: '1000' }, 'postcode'], // Brussels-City's, not Molenbeek's
      [{ latitude: 48.85, longitude: 2.35 }, 'latitude'],
      [{ communeNis: '99999' }, 'communeNis'],
      [{ type: 'castle' as never }, 'type'],
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: Number.NaN }, 'capacity'],
      [{ contactEmail: 'not-an-email' }, 'contactEmail'],
      [{ name: ' ' }, 'name']
    ];
    for (const [bad, field] of cases) {
      const e = await refusal(staff.caller.venue.update({ id, venue: fields('Stable', bad) }));
      expect(e.code).toBe('BAD_REQUEST');
      expect(Object.keys(describeError(e).fieldErrors ?? {})).toContain(`venue.${field}`);
    }
    // An unknown contact account: the field's own translated message.
    const unknown = await refusal(staff.caller.venue.update({ id, venue: fields('Stable', { contactAccount: 'nobody@example.org' }) }));
    expect(describeError(unknown)).toMatchObject({ messageKey: 'mobile_epn_dir_error_contact_account', fieldErrors: { contactAccount: 'mobile_epn_dir_error_contact_account' } });
    expect(await db.mobileVenue.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await db.auditLog.count({ where: { action: 'mobile-epn.venue.update', targetId: id } })).toBe(0);
  });

  it('only coordinators manage venues; `mine` needs an account', async () => {
    const db = getDb();
    const org = await organisation(db);
    const staff = await person(db, { roles: ['staff'] });
    const member = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    const citizen = await person(db);
    const researcher = await person(db, { roles: ['researcher'] });
    const { id } = await staff.caller.venue.create({ venue: fields('Staff only') });
    for (const p of [member, citizen, researcher]) {
      expect((await refusal(p.caller.venue.list({}))).code).toBe('FORBIDDEN');
      expect((await refusal(p.caller.venue.get({ id }))).code).toBe('FORBIDDEN');
      expect((await refusal(p.caller.venue.create({ venue: fields('Sneaky') }))).code).toBe('FORBIDDEN');
      expect((await refusal(p.caller.venue.update({ id, venue: fields('Renamed') }))).code).toBe('FORBIDDEN');
      expect((await refusal(p.caller.venue.archive({ id, archived: true }))).code).toBe('FORBIDDEN');
    }
    const anon = callerFor(db, null);
    expect((await refusal(anon.venue.list({}))).code).toBe('UNAUTHORIZED');
    expect((await refusal(anon.venue.mine())).code).toBe('UNAUTHORIZED');
    expect(await db.mobileVenue.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: 'Staff only', archivedAt: null });
    const admin = await person(db, { roles: ['admin'] });
    expect((await admin.caller.venue.list({})).map((v) => v.id)).toContain(id);
  });

  it("a private home's address is for coordinators and its contact only", async () => {
    const db = getDb();
    const resident = await person(db);
    const other = await person(db);
    const home = await venueRow(db, { type: 'private_home', name: 'Mme D.', street: 'Rue Secrète 7', place: 'anderlecht', contactUserId: resident.actor.id });
    const staff = await person(db, { roles: ['staff'] });
    expect(await staff.caller.venue.get({ id: home.id })).toMatchObject({ private: false, street: 'Rue Secrète 7', name: 'Mme D.' });
    expect((await resident.caller.venue.mine())[0]).toMatchObject({ private: false, street: 'Rue Secrète 7' });
    expect(await other.caller.venue.mine()).toEqual([]);
    const { venueView } = await import('../services/venues.ts');
    const hidden = venueView(home, other.actor, 'fr');
    expect(hidden).toMatchObject({ private: true, street: '', name: '', postcode: '', latitude: null, commune: { nis: '21001', name: 'Anderlecht' } });
    expect(JSON.stringify(hidden)).not.toContain('Secrète');
    // The trainer assigned to one of its sessions may see it (maySeeAddress), not another trainer.
    const org = await organisation(db);
    const [assigned, notAssigned] = [await trainer(db, org.id), await trainer(db, org.id)];
    await session(db, { venueId: home.id, trainerIds: [assigned.trainer.id], startsAt: new Date(Date.now() + 86_400_000), group: false });
    expect(venueView(home, assigned.actor, 'fr', [assigned.actor.id]).street).toBe('Rue Secrète 7');
    expect(venueView(home, notAssigned.actor, 'fr', [assigned.actor.id]).street).toBe('');
  });
});

describeEachDb('mobile-epn: travel settings', ({ getDb }) => {
  it('coordinators read and change the travel figures (audited); bad figures change nothing; others are refused', async () => {
    const db = getDb();
    const staff = await person(db, { roles: ['staff'] });
    expect(await staff.caller.settings.get()).toEqual(DEFAULT_TRAVEL);
    const next = { detourFactor: 1.3, speedsKmh: { public_transport: 16, bike: 15, car: 22 }, bufferMinutes: 15 };
    await staff.caller.settings.set(next);
    expect(await staff.caller.settings.get()).toEqual(next);
    expect(await db.auditLog.count({ where: { action: 'mobile-epn.settings.travel', actorId: staff.actor.id } })).toBe(1);
    for (const bad of [{ ...next, detourFactor: 0.5 }, { ...next, bufferMinutes: 1.5 }, { ...next, speedsKmh: { ...next.speedsKmh, car: 500 } }]) {
      expect((await refusal(staff.caller.settings.set(bad))).code).toBe('BAD_REQUEST');
    }
    expect(await staff.caller.settings.get()).toEqual(next);
    const citizen = await person(db);
    expect((await refusal(citizen.caller.settings.get())).code).toBe('FORBIDDEN');
    expect((await refusal(citizen.caller.settings.set(DEFAULT_TRAVEL))).code).toBe('FORBIDDEN');
    expect((await refusal(callerFor(db, null).settings.set(DEFAULT_TRAVEL))).code).toBe('UNAUTHORIZED');
    expect(await staff.caller.settings.get()).toEqual(next);
  });
});
