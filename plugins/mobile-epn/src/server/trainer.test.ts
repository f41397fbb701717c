import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { describeError } from '@passerelle/trpc';
import { callerFor, kit as kitRow, organisation, person, refusal } from '../test-support.ts';

const profile = { languages: ['fr', 'ar'] as ('fr' | 'ar')[], topics: ['smartphone', 'email'] as ('smartphone' | 'email')[], homeLatitude: 50.855, homeLongitude: 4.339, homeLabel: 'EPN Molenbeek', travelMode: 'bike' as const };

describeEachDb('mobile-epn: trainers', ({ getDb }) => {
  it('a coordinator makes a member a trainer, edits the profile, availability and absences, deactivates; all audited', async () => {
    const db = getDb();
    const org = await organisation(db);
    const staff = await person(db, { roles: ['staff'] });
    const samir = await person(db, { email: 'samir.trainer@example.org', displayName: 'Samir', memberships: [{ organisationId: org.id, role: 'member' }] });
    expect(await staff.caller.trainer.organisationsOf({ email: 'samir.trainer@example.org' })).toEqual([{ id: org.id, name: org.name }]);
    const { id } = await staff.caller.trainer.create({ trainer: { ...profile, email: 'Samir.Trainer@example.org', organisationId: null } });
    const created = await staff.caller.trainer.get({ id });
    expect(created).toMatchObject({ user: { id: samir.actor.id }, organisation: { id: org.id }, languages: ['fr', 'ar'], travelMode: 'bike', active: true, availability: [], absences: [] });

    await staff.caller.trainer.update({ id, trainer: { ...profile, languages: ['nl'], travelMode: 'car' } });
    await staff.caller.trainer.setAvailability({ id, windows: [{ weekday: 2, start: '13:00', end: '17:00' }, { weekday: 2, start: '09:00', end: '12:00' }, { weekday: 5, start: '09:00', end: '12:30' }] });
    const future = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const { id: absenceId } = await staff.caller.trainer.addAbsence({ id, absence: { from: `${future}T00:00`, to: `${future}T23:59`, reason: 'Formation' } });
    const edited = await staff.caller.trainer.get({ id });
    expect(edited.languages).toEqual(['nl']);
    expect(edited.availability.map((w) => `${w.weekday} ${w.start}-${w.end}`)).toEqual(['2 09:00-12:00', '2 13:00-17:00', '5 09:00-12:30']);
    expect(edited.absences).toMatchObject([{ id: absenceId, from: `${future}T00:00`, to: `${future}T23:59`, reason: 'Formation' }]);
    // Stored as minutes of a Brussels day.
    expect((await db.mobileAvailability.findMany({ where: { trainerId: id }, orderBy: { startMinute: 'asc' } })).map((w) => [w.weekday, w.startMinute, w.endMinute])).toContainEqual([2, 540, 720]);
    await staff.caller.trainer.removeAbsence({ id, absenceId });
    expect((await staff.caller.trainer.get({ id })).absences).toEqual([]);
    await staff.caller.trainer.deactivate({ id });
    expect((await staff.caller.trainer.list({ active: true })).map((t) => t.id)).not.toContain(id);
    expect((await staff.caller.trainer.list({ active: false })).map((t) => t.id)).toContain(id);
    await staff.caller.trainer.deactivate({ id, active: true });
    expect((await staff.caller.trainer.list({ language: 'nl' })).map((t) => t.id)).toEqual([id]);
    const actions = (await db.auditLog.findMany({ where: { targetId: id }, orderBy: { createdAt: 'asc' } })).map((l) => l.action);
    expect(actions).toEqual(['mobile-epn.trainer.create', 'mobile-epn.trainer.update', 'mobile-epn.trainer.availability', 'mobile-epn.trainer.absence.add', 'mobile-epn.trainer.absence.remove', 'mobile-epn.trainer.deactivate', 'mobile-epn.trainer.reactivate']);
  });

  it('refuses a trainer who has no account, is no member, is already one, or must choose among organisations', async () => {
    const db = getDb();
    const [a, b] = [await organisation(db, 'A'), await organisation(db, 'B')];
    const staff = await person(db, { roles: ['staff'] });
    await person(db, { email: 'plain.citizen@example.org' });
    await person(db, { email: 'two.orgs@example.org', memberships: [{ organisationId: a.id, role: 'member' }, { organisationId: b.id, role: 'member' }] });
    const key = async (p: Promise<unknown>) => describeError(await refusal(p)).fieldErrors;
    expect(await key(staff.caller.trainer.create({ trainer: { ...profile, email: 'ghost@example.org', organisationId: null } }))).toEqual({ email: 'mobile_epn_dir_error_trainer_user' });
    expect(await key(staff.caller.trainer.create({ trainer: { ...profile, email: 'plain.citizen@example.org', organisationId: null } }))).toEqual({ organisationId: 'mobile_epn_dir_error_trainer_organisation' });
    expect(await key(staff.caller.trainer.create({ trainer: { ...profile, email: 'two.orgs@example.org', organisationId: null } }))).toEqual({ organisationId: 'mobile_epn_dir_error_trainer_organisation' });
    expect(await key(staff.caller.trainer.create({ trainer: { ...profile, email: 'plain.citizen@example.org', organisationId: a.id } }))).toEqual({ organisationId: 'mobile_epn_dir_error_trainer_organisation' });
    await staff.caller.trainer.create({ trainer: { ...profile, email: 'two.orgs@example.org', organisationId: b.id } });
    const again = await refusal(staff.caller.trainer.create({ trainer: { ...profile, email: 'two.orgs@example.org', organisationId: a.id } }));
    expect([again.code, describeError(again).fieldErrors]).toEqual(['CONFLICT', { email: 'mobile_epn_dir_error_trainer_exists' }]);
    expect(await db.mobileTrainer.count({ where: { organisationId: { in: [a.id, b.id] } } })).toBe(1);
  });

  it('bad availability, absences and profiles are refused with translated keys; nothing stored changes', async () => {
    const db = getDb();
    const org = await organisation(db);
    const staff = await person(db, { roles: ['staff'] });
    await person(db, { email: 'nora.trainer@example.org', memberships: [{ organisationId: org.id, role: 'member' }] });
    const { id } = await staff.caller.trainer.create({ trainer: { ...profile, email: 'nora.trainer@example.org', organisationId: org.id } });
    await staff.caller.trainer.setAvailability({ id, windows: [{ weekday: 1, start: '09:00', end: '17:00' }] });
    const before = await staff.caller.trainer.get({ id });
    const { ZAvailability, ZAbsence } = await import('../services/trainers.ts');
    const keys = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));
    const windows = [
      [[{ weekday: 1, start: '12:00', end: '09:00' }], 'mobile_epn_dir_error_window_order'],
      [[{ weekday: 1, start: '10:00', end: '10:00' }], 'mobile_epn_dir_error_window_order'],
      [[{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '11:00', end: '14:00' }], 'mobile_epn_dir_error_window_overlap'],
      [[{ weekday: 8, start: '09:00', end: '12:00' }], 'mobile_epn_dir_error_weekday'],
      [[{ weekday: 1, start: '9h', end: '12:00' }], 'mobile_epn_dir_error_time'],
      [[{ weekday: 1, start: '09:00', end: '25:00' }], 'mobile_epn_dir_error_time']
    ] as const;
    for (const [bad, key] of windows) {
      expect(keys(ZAvailability.safeParse(bad))).toContain(key);
      expect((await refusal(staff.caller.trainer.setAvailability({ id, windows: bad as never }))).code).toBe('BAD_REQUEST');
    }
    // Touching windows are fine; so are the same hours on two days.
    expect(ZAvailability.safeParse([{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '12:00', end: '14:00' }, { weekday: 2, start: '09:00', end: '12:00' }]).success).toBe(true);
    for (const [bad, key] of [
      [{ from: '2030-01-02T10:00', to: '2030-01-01T10:00' }, 'mobile_epn_dir_error_absence_order'],
      [{ from: 'tomorrow', to: '2030-01-01T10:00' }, 'mobile_epn_dir_error_datetime'],
      [{ from: '2030-01-01T10:00', to: '2032-01-01T10:00' }, 'mobile_epn_dir_error_absence_long']
    ] as const) {
      expect(keys(ZAbsence.safeParse(bad))).toContain(key);
      expect((await refusal(staff.caller.trainer.addAbsence({ id, absence: bad }))).code).toBe('BAD_REQUEST');
    }
    for (const bad of [{ languages: [] }, { topics: ['knitting'] }, { homeLatitude: 48.85 }, { travelMode: 'horse' }]) {
      expect((await refusal(staff.caller.trainer.update({ id, trainer: { ...profile, ...bad } as never }))).code).toBe('BAD_REQUEST');
    }
    expect(await staff.caller.trainer.get({ id })).toEqual(before);
    // Someone else's absence cannot be removed through this trainer.
    const other = await db.mobileAbsence.create({ data: { trainerId: id, startsAt: new Date('2030-01-01T09:00:00Z'), endsAt: new Date('2030-01-02T09:00:00Z') } });
    expect((await refusal(staff.caller.trainer.removeAbsence({ id: 'not-this-trainer', absenceId: other.id }))).code).toBe('NOT_FOUND');
  });

  it('only coordinators see and manage trainers', async () => {
    const db = getDb();
    const org = await organisation(db);
    const staff = await person(db, { roles: ['staff'] });
    const member = await person(db, { email: 'self.made@example.org', memberships: [{ organisationId: org.id, role: 'member' }] });
    const { id } = await staff.caller.trainer.create({ trainer: { ...profile, email: 'self.made@example.org', organisationId: org.id } });
    const citizen = await person(db);
    for (const p of [member, citizen]) {
      expect((await refusal(p.caller.trainer.list({}))).code).toBe('FORBIDDEN');
      expect((await refusal(p.caller.trainer.get({ id }))).code).toBe('FORBIDDEN');
      expect((await refusal(p.caller.trainer.update({ id, trainer: { ...profile, languages: ['en'] } }))).code).toBe('FORBIDDEN');
      expect((await refusal(p.caller.trainer.setAvailability({ id, windows: [] }))).code).toBe('FORBIDDEN');
      expect((await refusal(p.caller.trainer.deactivate({ id }))).code).toBe('FORBIDDEN');
      expect((await refusal(p.caller.trainer.organisationsOf({ email: 'self.made@example.org' }))).code).toBe('FORBIDDEN');
    }
    expect((await refusal(callerFor(db, null).trainer.list({}))).code).toBe('UNAUTHORIZED');
    expect(await db.mobileTrainer.findUniqueOrThrow({ where: { id } })).toMatchObject({ languages: ['fr', 'ar'], active: true });
  });
});

describeEachDb('mobile-epn: kits', ({ getDb }) => {
  it('a coordinator adds a kit, sends it to repair and back; bad input changes nothing; others are refused', async () => {
    const db = getDb();
    const org = await organisation(db);
    const staff = await person(db, { roles: ['staff'] });
    expect((await staff.caller.kit.owners()).map((o) => o.id)).toContain(org.id);
    const { id } = await staff.caller.kit.create({ kit: { name: 'Valise A', organisationId: org.id, contents: ['8 tablettes', '', '1 routeur 4G'], devices: 8, status: 'available' } });
    expect(await staff.caller.kit.get({ id })).toMatchObject({ name: 'Valise A', contents: ['8 tablettes', '1 routeur 4G'], devices: 8, status: 'available', organisation: { id: org.id } });
    await staff.caller.kit.update({ id, kit: { name: 'Valise A', organisationId: org.id, contents: ['8 tablettes'], devices: 7, status: 'in_repair' } });
    expect((await staff.caller.kit.list({ status: 'in_repair' })).map((k) => k.id)).toEqual([id]);
    expect((await staff.caller.kit.list({ status: 'available' })).map((k) => k.id)).not.toContain(id);
    const before = await db.mobileKit.findUniqueOrThrow({ where: { id } });
    for (const bad of [{ status: 'lost' }, { devices: -1 }, { contents: [''] }, { name: '' }, { organisationId: 'nope' }]) {
      expect((await refusal(staff.caller.kit.update({ id, kit: { name: 'Valise A', organisationId: org.id, contents: ['x'], devices: 1, status: 'available', ...bad } as never }))).code).toBe('BAD_REQUEST');
    }
    expect(await db.mobileKit.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect((await db.auditLog.findMany({ where: { targetId: id }, orderBy: { createdAt: 'asc' } })).map((l) => l.action)).toEqual(['mobile-epn.kit.create', 'mobile-epn.kit.update']);
    const member = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    await kitRow(db, org.id);
    for (const call of [() => member.caller.kit.list({}), () => member.caller.kit.get({ id }), () => member.caller.kit.create({ kit: { name: 'Mine', organisationId: org.id, contents: ['x'], devices: 1, status: 'available' } }), () => member.caller.kit.owners()]) {
      expect((await refusal(call())).code).toBe('FORBIDDEN');
    }
    expect((await refusal(callerFor(db, null).kit.list({}))).code).toBe('UNAUTHORIZED');
  });
});
