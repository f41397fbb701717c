import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { callerFor, organisation, person, placeFields, refusal } from '../test-support.ts';

describeEachDb('epn-survey: the EPN directory', ({ getDb }) => {
  it('a member adds an EPN for their organisation; the public finds it with filters; the audit log has it', async () => {
    const db = getDb();
    const org = await organisation(db);
    const ana = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    const { id } = await ana.caller.place.create({ organisationId: org.id, place: placeFields('EPN Marolles', { services: ['printing'], languages: ['ar', 'fr'] }) });
    await ana.caller.place.create({ organisationId: org.id, place: placeFields('EPN Laeken', { communeNis: '21004', latitude: null, longitude: null, openingHours: '' }) });
    const anon = callerFor(db, null);
    expect((await anon.place.list({})).map((p) => p.name)).toEqual(['EPN Laeken', 'EPN Marolles']);
    expect((await anon.place.list({ service: 'printing' })).map((p) => p.name)).toEqual(['EPN Marolles']);
    expect((await anon.place.list({ language: 'ar' })).map((p) => p.name)).toEqual(['EPN Marolles']);
    expect((await anon.place.list({ q: 'laek' })).map((p) => p.name)).toEqual(['EPN Laeken']);
    expect(await anon.place.list({ communeNis: '21001' })).toEqual([]);
    const shown = await anon.place.get({ id });
    expect(shown).toMatchObject({ name: 'EPN Marolles', commune: { nis: '21004' }, services: ['printing'], organisation: { id: org.id } });
    expect(['open', 'closed']).toContain(shown.status.state);
    expect(await db.auditLog.count({ where: { action: 'epn-survey.place.create', actorId: ana.actor.id } })).toBe(2);
  });

  it("a member of organisation A cannot add, change or delete organisation B's EPNs; staff can", async () => {
    const db = getDb();
    const [a, b] = [await organisation(db, 'A'), await organisation(db, 'B')];
    const memberA = await person(db, { memberships: [{ organisationId: a.id, role: 'member' }] });
    const memberB = await person(db, { memberships: [{ organisationId: b.id, role: 'member' }] });
    const staff = await person(db, { roles: ['staff'] });
    const { id } = await memberB.caller.place.create({ organisationId: b.id, place: placeFields('EPN of B') });
    expect((await refusal(memberA.caller.place.create({ organisationId: b.id, place: placeFields('Sneaky') }))).code).toBe('FORBIDDEN');
    expect((await refusal(memberA.caller.place.update({ id, place: placeFields('Renamed by A') }))).code).toBe('FORBIDDEN');
    expect((await refusal(memberA.caller.place.remove({ id }))).code).toBe('FORBIDDEN');
    expect((await refusal(memberA.caller.place.forEditing({ id }))).code).toBe('FORBIDDEN');
    expect((await memberA.caller.place.mine()).map((p) => p.name)).toEqual([]);
    expect((await db.epnPlace.findUniqueOrThrow({ where: { id } })).name).toBe('EPN of B');
    await staff.caller.place.update({ id, place: placeFields('EPN of B, checked by staff') });
    expect((await memberB.caller.place.mine()).map((p) => p.name)).toEqual(['EPN of B, checked by staff']);
    const citizen = await person(db);
    expect((await refusal(citizen.caller.place.create({ organisationId: a.id, place: placeFields('Citizen EPN') }))).code).toBe('FORBIDDEN');
    expect((await refusal(callerFor(db, null).place.mine())).code).toBe('UNAUTHORIZED');
  });

  it('bad fields are refused with translated keys and the stored EPN is unchanged', async () => {
    const db = getDb();
    const org = await organisation(db);
    const ana = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    const { id } = await ana.caller.place.create({ organisationId: org.id, place: placeFields('EPN Stable') });
    const before = await db.epnPlace.findUniqueOrThrow({ where: { id } });
    for (const bad of [
      { postcode: '75001' },
      { latitude: 48.85, longitude: 2.35 }, // Paris
      { latitude: 50.84, longitude: null },
      { openingHours: 'whenever we feel like it' },
      { website: 'javascript:alert(1)' },
      { communeNis: '99999' },
      { devices: -1 }
    ]) {
      const e = await refusal(ana.caller.place.update({ id, place: placeFields('EPN Stable', bad) as never }));
      expect(e.code).toBe('BAD_REQUEST');
    }
    expect(await db.epnPlace.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });

  it('the directory import: checked by one call, stored by another; refused to citizens and for another organisation; audited', async () => {
    const db = getDb();
    const [a, b] = [await organisation(db, 'A'), await organisation(db, 'B')];
    const memberA = await person(db, { memberships: [{ organisationId: a.id, role: 'member' }] });
    const citizen = await person(db);
    const staff = await person(db, { roles: ['staff'] });
    const { id: placeB } = await staff.caller.place.create({ organisationId: b.id, place: placeFields('EPN of B') });
    const file = new TextEncoder().encode(`id,nom,adresse,code_postal,code_nis\r\n,EPN Nouveau,Rue Haute 9,1000,21004\r\n`);
    expect(await memberA.caller.place.checkImport({ organisationId: a.id, format: 'csv', file })).toMatchObject({ rows: 1, created: 1, stored: false });
    expect(await db.epnPlace.count({ where: { organisationId: a.id } })).toBe(0);
    expect(await memberA.caller.place.importFile({ organisationId: a.id, format: 'csv', file })).toMatchObject({ created: 1, stored: true });
    expect((await memberA.caller.place.mine()).map((p) => p.name)).toEqual(['EPN Nouveau']);
    expect(await db.auditLog.count({ where: { action: 'epn-survey.place.import', actorId: memberA.actor.id } })).toBe(1);

    for (const call of [() => citizen.caller.place.checkImport({ organisationId: a.id, format: 'csv', file }), () => citizen.caller.place.importFile({ organisationId: null, format: 'json', file }), () => memberA.caller.place.importFile({ organisationId: b.id, format: 'csv', file })]) {
      expect((await refusal(call())).code).toBe('FORBIDDEN');
    }
    expect((await refusal(callerFor(db, null).place.checkImport({ organisationId: a.id, format: 'csv', file }))).code).toBe('UNAUTHORIZED');
    // An EPN of B in A's file: a row error, and B's EPN is unchanged.
    const takeOver = new TextEncoder().encode(`id,nom,adresse,code_postal,code_nis\r\n${placeB},EPN of A now,Rue Haute 9,1000,21004\r\n`);
    const report = await memberA.caller.place.importFile({ organisationId: a.id, format: 'csv', file: takeOver });
    expect([report.stored, report.errors.map((e) => e.messageKey)]).toEqual([false, ['epn_survey_error_import_place_other_organisation']]);
    expect((await db.epnPlace.findUniqueOrThrow({ where: { id: placeB } })).name).toBe('EPN of B');
    expect(await staff.caller.place.importFile({ organisationId: null, format: 'csv', file: takeOver })).toMatchObject({ updated: 1, stored: true });
    expect((await db.epnPlace.findUniqueOrThrow({ where: { id: placeB } })).name).toBe('EPN of A now');
  });
});
