// The bridges between plugins, end to end: mobile-epn's attendance goes through the real epn-survey
// service that packages/api wires in, and lands as exactly one activity report (place "mobile").
import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { createTestActor } from '@passerelle/plugin-sdk/testing';
import { recordAttendance } from '@passerelle/plugin-mobile-epn/services/attendance';
import { contextFigures } from '@passerelle/plugin-barometer/services/context';
import { bridgesFor } from './bridges.ts';

const HOUR = 3_600_000;

describeEachDb('bridges: mobile-epn attendance -> epn-survey activity', ({ getDb }) => {
  async function setup() {
    const db = getDb();
    const org = await db.organisation.create({ data: { name: 'EPN mobile', slug: `epn-mobile-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`, communeNis: '21004' } });
    const actor = await createTestActor(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    const trainer = await db.mobileTrainer.create({ data: { userId: actor.id, organisationId: org.id, languages: ['fr'], topics: ['smartphone'], homeLatitude: 50.85, homeLongitude: 4.35 } });
    const venue = await db.mobileVenue.create({ data: { type: 'care_home', name: 'Résidence du pont', street: 'Rue du Pont 1', postcode: '1000', communeNis: '21004', latitude: 50.85, longitude: 4.35, capacity: 10 } });
    // 23:30 Brussels time on 15 March 2026 is 22:30 UTC: the report must carry the Brussels date.
    const startsAt = new Date('2026-03-15T22:30:00Z');
    const session = await db.mobileSession.create({ data: { venueId: venue.id, startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR), seats: 10, topic: 'smartphone', language: 'fr', trainers: { create: { trainerId: trainer.id } } } });
    const reg = await db.mobileRegistration.create({ data: { sessionId: session.id, name: 'Anne', ageBand: '75+', gender: 'woman', status: 'registered' } });
    return { db, org, actor, session, reg };
  }

  it('recording attendance creates exactly one activity (mobile, mobile-epn, right counts); recording again corrects it', async () => {
    const { db, org, actor, session, reg } = await setup();
    const bridges = bridgesFor(new Set(['epn-survey', 'mobile-epn']));
    const first = await recordAttendance({ db, actor, sessionId: session.id, bridges, input: { present: [{ registrationId: reg.id }], walkIns: { '65-74': { man: 2 } }, topics: ['smartphone', 'safety'], note: 'Premier atelier.' } });
    expect(first).toMatchObject({ activity: 'sent', total: 3 });
    const rows = await db.epnActivity.findMany({ where: { externalRef: `mobile-epn:session:${session.id}` } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.activityId, organisationId: org.id, location: 'mobile', source: 'mobile-epn', sessionType: 'group', durationMinutes: 120, attendeeCount: 3, attendees: { '65-74': { man: 2 }, '75+': { woman: 1 } }, createdById: actor.id });
    expect(rows[0]!.date.toISOString().slice(0, 10)).toBe('2026-03-15');
    expect([...rows[0]!.topics].sort()).toEqual(['safety', 'smartphone']);

    const second = await recordAttendance({ db, actor, sessionId: session.id, bridges, input: { present: [], walkIns: { '65-74': { man: 1 } }, topics: ['smartphone'], note: '' } });
    expect(second).toMatchObject({ activity: 'sent', activityId: first.activityId, total: 1 });
    const after = await db.epnActivity.findMany({ where: { organisationId: org.id } });
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ attendeeCount: 1, attendees: { '65-74': { man: 1 } }, topics: ['smartphone'], updatedById: actor.id });
  });

  it('with epn-survey switched off, attendance is stored and no activity is written', async () => {
    const { db, org, actor, session } = await setup();
    const result = await recordAttendance({ db, actor, sessionId: session.id, bridges: bridgesFor(new Set(['mobile-epn'])), input: { walkIns: { '25-34': { woman: 1 } } } });
    expect(result.activity).toBe('unavailable');
    expect(await db.epnActivity.count({ where: { organisationId: org.id } })).toBe(0);
    expect((await db.mobileSession.findUniqueOrThrow({ where: { id: session.id } })).walkIns).toEqual({ '25-34': { woman: 1 } });
  });
});

describeEachDb('bridges: context figures for the barometer, from the plugins that are on', ({ getDb }) => {
  it('offers epn-survey and mobile-epn providers only when each plugin is on, and the barometer shows their figures', async () => {
    const db = getDb();
    expect(bridgesFor(new Set(['barometer'])).barometerContext).toBeUndefined();
    expect(bridgesFor(new Set(['barometer', 'epn-survey'])).barometerContext).toHaveLength(1);
    expect(bridgesFor(new Set(['barometer', 'mobile-epn'])).barometerContext).toHaveLength(1);
    expect(bridgesFor(new Set(['barometer', 'epn-survey', 'mobile-epn'])).barometerContext).toHaveLength(2);

    // A released barometer year, an EPN and a mobile workshop held that year in Etterbeek (21005).
    const year = 2019;
    const edition = await db.barometerEdition.create({ data: { year, synthetic: true } });
    const version = await db.barometerVersion.create({ data: { editionId: edition.id, number: 1, indicators: [] } });
    await db.barometerEstimate.create({ data: { versionId: version.id, indicatorId: 'non_users', breakdown: 'commune', level: '21005', n: 300, weightSum: 40_000, proportion: 0.1, status: 'shown' } });
    await db.barometerVersion.update({ where: { id: version.id }, data: { status: 'approved', releaseAt: new Date(Date.now() - 1000) } });
    const org = await db.organisation.create({ data: { name: 'EPN Etterbeek', slug: `epn-etterbeek-${Date.now()}`, communeNis: '21005' } });
    await db.epnPlace.create({ data: { organisationId: org.id, name: 'EPN Etterbeek', street: 'Rue 1', postcode: '1040', communeNis: '21005', services: [], publics: [], accessibility: [], languages: [], createdAt: new Date('2019-02-01T10:00:00Z') } });
    const venue = await db.mobileVenue.create({ data: { type: 'library', name: 'Bibliothèque', street: 'Rue 2', postcode: '1040', communeNis: '21005', latitude: 50.83, longitude: 4.39, capacity: 10 } });
    await db.mobileSession.create({ data: { venueId: venue.id, startsAt: new Date('2019-05-02T08:00:00Z'), endsAt: new Date('2019-05-02T10:00:00Z'), seats: 10, topic: 'smartphone', language: 'fr' } });

    const ids = async (enabled: string[]) => (await contextFigures({ db, bridges: bridgesFor(new Set(enabled)), year })).map((f) => f.id);
    expect(await ids(['barometer'])).toEqual([]);
    expect(await ids(['barometer', 'epn-survey'])).toEqual(['epn-survey.epns', 'epn-survey.epns_per_10k']);
    expect(await ids(['barometer', 'mobile-epn'])).toEqual(['mobile-epn.attendees', 'mobile-epn.sessions']);
    const all = await contextFigures({ db, bridges: bridgesFor(new Set(['barometer', 'epn-survey', 'mobile-epn'])), year });
    expect(all.map((f) => f.id)).toEqual(['epn-survey.epns', 'epn-survey.epns_per_10k', 'mobile-epn.attendees', 'mobile-epn.sessions']);
    expect(all.find((f) => f.id === 'epn-survey.epns_per_10k')!.values['21005']).toBe(0.25);
    expect(all.find((f) => f.id === 'mobile-epn.sessions')!.values['21005']).toBe(1);
  });
});
