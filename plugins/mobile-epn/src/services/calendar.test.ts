import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { brusselsInstant } from '@passerelle/plugin-sdk/time';
import { callerFor, kit, organisation, person, refusal, session, trainer, venue } from '../test-support.ts';
import { dayMapSvg, dayOrToday } from './calendar.ts';
import { DEFAULT_TRAVEL, travelEstimate } from './travel.ts';

describeEachDb('mobile-epn calendars and day', ({ getDb }) => {
  let f: Awaited<ReturnType<typeof setup>>;
  async function setup() {
    const db = getDb();
    const org = await organisation(db);
    const samir = await trainer(db, org.id, { home: 'grandPlace' });
    const nora = await trainer(db, org.id, { home: 'schaerbeek' });
    const coordinator = await person(db, { roles: ['staff'] });
    const contact = await person(db);
    const otherCitizen = await person(db);
    const care = await venue(db, { name: 'Résidence Calendrier', place: 'flagey', contactUserId: contact.actor.id, street: 'Rue Flagey 1' });
    const home = await venue(db, { type: 'private_home', name: 'Domicile de Mme Privée', place: 'anderlecht', street: 'Rue Cachée 5' });
    await db.mobileVenue.update({ where: { id: home.id }, data: { accessNotes: 'Sonner deux fois', contactPhone: '+32 2 111 11 11' } });
    const k = await kit(db, org.id, { name: 'Valise Cal' });
    // Tuesday 9 March 2027: Samir goes from home (Grand-Place) to Flagey at 10:00, then to Anderlecht at 13:00.
    const morning = await session(db, { venueId: care.id, trainerIds: [samir.trainer.id], kitId: k.id, startsAt: brusselsInstant('2027-03-09', 10 * 60)!, seats: 8 });
    const afternoon = await session(db, { venueId: home.id, trainerIds: [samir.trainer.id], startsAt: brusselsInstant('2027-03-09', 13 * 60)!, minutes: 60, seats: 1, group: false, topic: 'eid_itsme' });
    const cancelled = await session(db, { venueId: care.id, trainerIds: [samir.trainer.id], startsAt: brusselsInstant('2027-03-09', 16 * 60)! });
    await db.mobileSession.update({ where: { id: cancelled.id }, data: { status: 'cancelled' } });
    const norasVisit = await session(db, { venueId: home.id, trainerIds: [nora.trainer.id], startsAt: brusselsInstant('2027-03-11', 9 * 60)!, seats: 1 });
    const nextMonth = await session(db, { venueId: care.id, trainerIds: [samir.trainer.id], startsAt: brusselsInstant('2027-04-01', 10 * 60)! });
    await db.mobileRegistration.createMany({ data: [{ sessionId: morning.id, name: 'A', status: 'registered' }, { sessionId: morning.id, name: 'B', status: 'registered' }, { sessionId: morning.id, name: 'C', status: 'waiting' }] });
    return { db, samir, nora, coordinator, contact, otherCitizen, care, home, k, morning, afternoon, cancelled, norasVisit, nextMonth };
  }
  beforeAll(async () => {
    f = await setup();
  });

  it('a week: Monday to Sunday, sessions on their Brussels day, links to the weeks around it', async () => {
    const { samir, morning, afternoon, cancelled } = f;
    const week = await samir.caller.calendar.view({ kind: 'trainer', id: samir.trainer.id, view: 'week', date: '2027-03-11' });
    expect(week.days.map((d) => d.day)).toEqual(['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12', '2027-03-13', '2027-03-14']);
    expect(week.prev).toBe('2027-03-01');
    expect(week.next).toBe('2027-03-15');
    const tuesday = week.days[1]!.sessions;
    expect(tuesday.map((s) => s.id)).toEqual([morning.id, afternoon.id, cancelled.id]);
    expect(tuesday[0]).toMatchObject({ start: '10:00', end: '12:00', topicLabel: 'Smartphone and tablet', place: 'Résidence Calendrier', kit: 'Valise Cal' });
    expect(tuesday[2]!.status).toBe('cancelled');
    // Samir is assigned to the home visit: he sees its address.
    expect(tuesday[1]!.address).toContain('Rue Cachée 5');
  });

  it('a month: whole weeks around it, days outside the month marked, across the change to summer time', async () => {
    const { coordinator, samir, nextMonth } = f;
    const month = await coordinator.caller.calendar.view({ kind: 'trainer', id: samir.trainer.id, view: 'month', date: '2027-03-20' });
    expect(month.first).toBe('2027-03-01');
    expect(month.last).toBe('2027-04-04');
    expect(month.weeks).toHaveLength(5);
    expect(month.prev).toBe('2027-02-01');
    expect(month.next).toBe('2027-04-01');
    const april1 = month.days.find((d) => d.day === '2027-04-01')!;
    expect(april1.inRange).toBe(false);
    // 1 April is after the DST change: 10:00 Brussels is 08:00 UTC, still shown at 10:00.
    expect(april1.sessions.map((s) => [s.id, s.start])).toEqual([[nextMonth.id, '10:00']]);
    expect(month.count).toBe(4);
  });

  it('who may read which calendar; the private home address only for those allowed', async () => {
    const { db, samir, nora, coordinator, contact, otherCitizen, care, home, k } = f;
    // Coordinators: any. A trainer: their own. A venue contact: their venue. Nobody else.
    await coordinator.caller.calendar.view({ kind: 'kit', id: k.id, view: 'week', date: '2027-03-09' });
    await coordinator.caller.calendar.view({ kind: 'venue', id: home.id, view: 'week', date: '2027-03-09' });
    await contact.caller.calendar.view({ kind: 'venue', id: care.id, view: 'week', date: '2027-03-09' });
    for (const [who, kind, id] of [
      [samir, 'trainer', nora.trainer.id],
      [samir, 'venue', care.id],
      [samir, 'kit', k.id],
      [contact, 'venue', home.id],
      [contact, 'trainer', samir.trainer.id],
      [otherCitizen, 'venue', care.id]
    ] as const) {
      expect((await refusal(who.caller.calendar.view({ kind, id, view: 'week', date: '2027-03-09' }))).code).toBe('FORBIDDEN');
    }
    expect((await refusal(callerFor(db, null).calendar.view({ kind: 'venue', id: care.id, view: 'week' }))).code).toBe('UNAUTHORIZED');
    expect((await refusal(coordinator.caller.calendar.view({ kind: 'venue', id: 'nope', view: 'week' }))).code).toBe('NOT_FOUND');
    expect((await refusal(coordinator.caller.calendar.view({ kind: 'venue', id: care.id, view: 'year' as never }))).code).toBe('BAD_REQUEST');
    // Nora's week: her visit at the private home, with its address (she is assigned).
    const norasWeek = await nora.caller.calendar.view({ kind: 'trainer', id: nora.trainer.id, view: 'week', date: '2027-03-09' });
    expect(JSON.stringify(norasWeek)).toContain('Rue Cachée 5');
    // The care home's contact sees their own venue; the days: trainers' names, never a private home's address.
    const careWeek = await contact.caller.calendar.view({ kind: 'venue', id: care.id, view: 'week', date: '2027-03-09' });
    expect(careWeek.count).toBe(2);
    expect(JSON.stringify(careWeek)).not.toContain('Rue Cachée');
    // The day: the trainer's own, or a coordinator; not another trainer's, not a contact.
    expect((await refusal(nora.caller.calendar.day({ trainerId: samir.trainer.id, date: '2027-03-09' }))).code).toBe('FORBIDDEN');
    expect((await refusal(contact.caller.calendar.day({ trainerId: samir.trainer.id, date: '2027-03-09' }))).code).toBe('FORBIDDEN');
    await coordinator.caller.calendar.day({ trainerId: samir.trainer.id, date: '2027-03-09' });
  });

  it("a trainer's day: stops in order from home, travel estimates with their assumption, contacts and kit", async () => {
    const { samir, morning, afternoon, cancelled } = f;
    const day = await samir.caller.calendar.day({ trainerId: samir.trainer.id, date: '2027-03-09' });
    expect(day.stops.map((s) => s.id)).toEqual([morning.id, afternoon.id]);
    expect(day.cancelled.map((s) => s.id)).toEqual([cancelled.id]);
    const [first, second] = day.stops;
    const home = { latitude: 50.8467, longitude: 4.3525 };
    expect(first!.travel).toEqual(travelEstimate(home, { latitude: 50.8275, longitude: 4.3722 }, 'public_transport', DEFAULT_TRAVEL, 'home'));
    expect(second!.travel).toEqual(travelEstimate({ latitude: 50.8275, longitude: 4.3722 }, { latitude: 50.8365, longitude: 4.3093 }, 'public_transport', DEFAULT_TRAVEL, morning.id));
    expect(second!.travel.minutes).toBeGreaterThan(10);
    expect(second!.gapMinutes).toBe(60);
    expect(second!.enoughTime).toBe(second!.travel.minutes <= 60);
    expect(first).toMatchObject({ n: 1, registered: 2, waiting: 1, kitContents: ['8 tablets', '1 4G router'] });
    expect(second).toMatchObject({ n: 2, accessNotes: 'Sonner deux fois', contactPhone: '+32 2 111 11 11' });
    expect(second!.address).toContain('Rue Cachée 5');
    expect(day.totalMinutes).toBe(first!.travel.minutes + second!.travel.minutes);
    expect(day.prev).toBe('2027-03-08');
    expect(day.next).toBe('2027-03-10');

    const svg = dayMapSvg(day, 'fr', 'Trajet');
    expect(svg).toContain('<polyline');
    expect(svg.match(/<circle/g)).toHaveLength(2);
    expect(svg).toContain('<title>Trajet</title>');
    expect(svg).toContain('Anderlecht');
  });

  it('a bad date falls back to today', () => {
    expect(dayOrToday('2027-02-30', new Date('2027-01-05T12:00:00Z'))).toBe('2027-01-05');
    expect(dayOrToday('2027-02-28', new Date('2027-01-05T12:00:00Z'))).toBe('2027-02-28');
    expect(dayOrToday(null, new Date('2027-01-05T23:30:00Z'))).toBe('2027-01-06');
  });
});
