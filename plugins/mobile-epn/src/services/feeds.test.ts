import { beforeAll, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describeEachDb } from '@passerelle/db/testing';
import { brusselsInstant } from '@passerelle/plugin-sdk/time';
import { callerFor, kit, organisation, person, refusal, session, trainer, venue } from '../test-support.ts';
import { feedText, FEED_DAYS_BACK } from './feeds.ts';
import { readCalendar } from './ical-read.ts';

// Feeds parsed back with ical.js, field by field.

function parse(text: string) {
  const cal = readCalendar(text);
  return {
    name: cal.name,
    events: cal.events.map((e) => {
      for (const a of e.alarms) expect(a.action).toBe('DISPLAY');
      return { ...e, alarms: e.alarms.map((a) => a.seconds) };
    })
  };
}

describeEachDb('mobile-epn feeds', ({ getDb }) => {
  const now = new Date('2027-03-20T12:00:00Z');
  let f: Awaited<ReturnType<typeof setup>>;
  async function setup() {
    const db = getDb();
    const org = await organisation(db);
    const samir = await trainer(db, org.id, { home: 'grandPlace', email: `samir-${Date.now()}@example.org` });
    const nora = await trainer(db, org.id, { home: 'schaerbeek' });
    const coordinator = await person(db, { roles: ['staff'] });
    const stranger = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    const care = await venue(db, { type: 'care_home', name: 'Résidence du Parc', place: 'flagey', street: 'Rue du Parc 4' });
    const home = await venue(db, { type: 'private_home', name: 'Domicile de M. Secret', place: 'anderlecht', street: 'Rue Secrète 9' });
    await db.mobileVenue.update({ where: { id: care.id }, data: { accessNotes: 'Entrée côté jardin' } });
    await db.mobileVenue.update({ where: { id: home.id }, data: { accessNotes: 'Code porte 1234' } });
    const k = await kit(db, org.id, { name: 'Valise A' });
    // On the day summer time starts (28 March 2027, 02:00 -> 03:00): 10:00 Brussels is 08:00 UTC.
    const dst = await session(db, { venueId: care.id, trainerIds: [samir.trainer.id], kitId: k.id, startsAt: brusselsInstant('2027-03-28', 10 * 60)!, minutes: 120, seats: 8, topic: 'smartphone' });
    // Across the DST change itself: 01:30 to 03:30 Brussels lasts one hour (00:30Z to 01:30Z).
    const night = await session(db, { venueId: care.id, trainerIds: [samir.trainer.id], startsAt: new Date('2027-03-28T00:30:00Z'), minutes: 60, topic: 'basics' });
    const visit = await session(db, { venueId: home.id, trainerIds: [samir.trainer.id], kitId: k.id, startsAt: brusselsInstant('2027-03-24', 14 * 60)!, seats: 1, topic: 'eid_itsme', group: false });
    const norasVisit = await session(db, { venueId: home.id, trainerIds: [nora.trainer.id], startsAt: brusselsInstant('2027-03-25', 9 * 60)!, seats: 1, group: false });
    const cancelled = await session(db, { venueId: care.id, trainerIds: [samir.trainer.id], startsAt: brusselsInstant('2027-03-23', 10 * 60)!, topic: 'banking' });
    await db.mobileSession.update({ where: { id: cancelled.id }, data: { status: 'cancelled', cancelReason: 'Salle indisponible', cancelledAt: now, sequence: { increment: 1 } } });
    // Long past: not in the feed (more than 30 days ago); recent past: in it.
    const old = await session(db, { venueId: care.id, trainerIds: [samir.trainer.id], startsAt: new Date(now.getTime() - (FEED_DAYS_BACK + 2) * 86_400_000) });
    const recent = await session(db, { venueId: care.id, trainerIds: [samir.trainer.id], startsAt: new Date(now.getTime() - 5 * 86_400_000) });
    return { db, org, samir, nora, coordinator, stranger, care, home, k, dst, night, visit, norasVisit, cancelled, old, recent };
  }
  beforeAll(async () => {
    f = await setup();
  });

  const tokenOf = (url: { token: string }) => url.token;

  // A second, independent reader: the Python icalendar library (Debian python3-icalendar, installed by
  // .ci/run), which calendar servers and clients build on. Same events, same instants, same statuses.
  it('the feed also parses with python3-icalendar, with the same UIDs, instants, sequences and statuses', async () => {
    const { samir } = f;
    const created = await samir.caller.feed.create({ kind: 'trainer', subjectId: samir.trainer.id });
    const text = (await feedText({ db: f.db, token: created.token, locale: 'nl', now }))!;
    const script = [
      'import sys, json, icalendar',
      'cal = icalendar.Calendar.from_ical(sys.stdin.read())',
      'out = []',
      'for e in cal.walk("VEVENT"):',
      '    out.append({"uid": str(e["UID"]), "start": e.decoded("DTSTART").isoformat(), "end": e.decoded("DTEND").isoformat(), "sequence": int(e.get("SEQUENCE", 0)), "status": str(e.get("STATUS", "")), "alarms": len(e.walk("VALARM")), "geo": [e["GEO"].latitude, e["GEO"].longitude] if "GEO" in e else None})',
      'print(json.dumps(out))'
    ].join('\n');
    let output: string;
    try {
      output = execFileSync('/usr/bin/python3', ['-c', script], { input: text, encoding: 'utf8' });
    } catch (e) {
      throw new Error(`python3-icalendar could not read the feed (apt-get install python3-icalendar): ${String(e)}`);
    }
    const python = (JSON.parse(output) as { uid: string; start: string; end: string; sequence: number; status: string; alarms: number; geo: number[] | null }[]).sort((a, b) => a.uid.localeCompare(b.uid));
    const js = parse(text).events.sort((a, b) => a.uid.localeCompare(b.uid));
    expect(python.map((e) => e.uid)).toEqual(js.map((e) => e.uid));
    for (const [i, e] of python.entries()) {
      expect(new Date(e.start).getTime()).toBe(js[i]!.start.getTime());
      expect(new Date(e.end).getTime()).toBe(js[i]!.end.getTime());
      expect(e.sequence).toBe(js[i]!.sequence);
      expect(e.status).toBe(js[i]!.status);
      expect(e.alarms).toBe(js[i]!.alarms.length);
    }
    expect(python.find((e) => e.uid === `${f.cancelled.id}@passerelle.brussels`)).toMatchObject({ status: 'CANCELLED', alarms: 0 });
    expect(python.find((e) => e.uid === `${f.dst.id}@passerelle.brussels`)?.geo).toEqual([expect.closeTo(50.8275, 4), expect.closeTo(4.3722, 4)]);
  });

  it('a trainer creates their own feed; only the token hash is stored; the feed parses field by field', async () => {
    const { db, samir, dst, night, visit, cancelled, old, recent, norasVisit } = f;
    const created = await samir.caller.feed.create({ kind: 'trainer', subjectId: samir.trainer.id });
    const row = await db.mobileFeed.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(await db.auditLog.count({ where: { action: 'mobile-epn.feed.create', targetId: created.id } })).toBe(1);

    const text = (await feedText({ db, token: tokenOf(created), locale: 'fr', now }))!;
    const cal = parse(text);
    expect(cal.name).toContain('Test Person');
    const byUid = new Map(cal.events.map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual([dst, night, visit, cancelled, recent].map((s) => `${s.id}@passerelle.brussels`).sort());
    expect(byUid.has(`${old.id}@passerelle.brussels`)).toBe(false);
    expect(byUid.has(`${norasVisit.id}@passerelle.brussels`)).toBe(false);

    const e = byUid.get(`${dst.id}@passerelle.brussels`)!;
    expect(e.start.toISOString()).toBe('2027-03-28T08:00:00.000Z');
    expect(e.end.toISOString()).toBe('2027-03-28T10:00:00.000Z');
    expect(text).toMatch(/DTSTART:20270328T080000Z/);
    expect(e.sequence).toBe(0);
    expect(e.status).toBe('CONFIRMED');
    expect(e.summary).toBe('Smartphone et tablette — Résidence du Parc, Ixelles');
    expect(e.location).toContain('Rue du Parc 4');
    expect(e.geo).toEqual([50.8275, 4.3722]);
    expect(e.description).toContain('Valise A');
    expect(e.description).toContain('Places : 8');
    expect(e.description).toContain('Entrée côté jardin');
    expect(e.alarms.sort((a, b) => a - b)).toEqual([-86400, -3600]);
    expect(e.stamp).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const n = byUid.get(`${night.id}@passerelle.brussels`)!;
    expect(n.start.toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(n.end.getTime() - n.start.getTime()).toBe(3_600_000);

    // The private home of a session this trainer is assigned to: full address and GEO.
    const v = byUid.get(`${visit.id}@passerelle.brussels`)!;
    expect(v.location).toContain('Rue Secrète 9');
    expect(v.geo).toEqual([50.8365, 4.3093]);
    expect(v.description).toContain('Code porte 1234');

    const c = byUid.get(`${cancelled.id}@passerelle.brussels`)!;
    expect(c.status).toBe('CANCELLED');
    expect(c.sequence).toBe(1);
    expect(c.alarms).toEqual([]);
    expect(c.description).toContain('Salle indisponible');
  });

  it('keeps the UID and increases SEQUENCE after an edit; the new time replaces the old', async () => {
    const { db, samir, dst } = f;
    const { token } = await samir.caller.feed.create({ kind: 'trainer', subjectId: samir.trainer.id });
    const before = parse((await feedText({ db, token, locale: 'en', now }))!).events.find((e) => e.uid === `${dst.id}@passerelle.brussels`)!;
    const moved = brusselsInstant('2027-03-28', 14 * 60)!;
    await db.mobileSession.update({ where: { id: dst.id }, data: { startsAt: moved, endsAt: new Date(moved.getTime() + 7_200_000), sequence: { increment: 1 } } });
    const after = parse((await feedText({ db, token, locale: 'en', now }))!).events.find((e) => e.uid === before.uid)!;
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.start.toISOString()).toBe('2027-03-28T12:00:00.000Z');
    expect(after.summary).toBe('Smartphone and tablet — Résidence du Parc, Ixelles');
  });

  it('never puts a private home address or GEO in venue and kit feeds, nor in the feed of a trainer not assigned', async () => {
    const { db, coordinator, home, k, nora, visit, norasVisit } = f;
    const venueFeed = await coordinator.caller.feed.create({ kind: 'venue', subjectId: home.id });
    const kitFeed = await coordinator.caller.feed.create({ kind: 'kit', subjectId: k.id });
    const norasFeed = await nora.caller.feed.create({ kind: 'trainer', subjectId: nora.trainer.id });
    for (const [token, uids] of [
      [venueFeed.token, [visit.id, norasVisit.id]],
      [kitFeed.token, [visit.id]]
    ] as const) {
      const text = (await feedText({ db, token, locale: 'fr', now }))!;
      expect(text).not.toContain('Secrète');
      expect(text).not.toContain('Code porte');
      expect(text).not.toContain('M. Secret');
      // (GEO may appear for the care home's sessions in the kit feed; not for the private home's, below.)
      const events = parse(text).events;
      for (const id of uids) {
        const e = events.find((x) => x.uid === `${id}@passerelle.brussels`)!;
        expect(e.location).toBe('Anderlecht');
        expect(e.geo).toBeNull();
        expect(e.summary).toContain('Visite à domicile, Anderlecht');
      }
    }
    // Nora's feed: her own visit there shows the address; Samir's visit is not in it at all.
    const text = (await feedText({ db, token: norasFeed.token, locale: 'fr', now }))!;
    const events = parse(text).events;
    expect(events.map((e) => e.uid)).toEqual([`${norasVisit.id}@passerelle.brussels`]);
    expect(events[0]!.geo).toEqual([50.8365, 4.3093]);
  });

  it('a revoked token answers nothing; unknown and malformed tokens too; a new feed keeps the old one', async () => {
    const { db, samir } = f;
    const a = await samir.caller.feed.create({ kind: 'trainer', subjectId: samir.trainer.id });
    const b = await samir.caller.feed.create({ kind: 'trainer', subjectId: samir.trainer.id });
    expect(a.token).not.toBe(b.token);
    expect(await feedText({ db, token: a.token, locale: 'fr', now })).not.toBeNull();
    await samir.caller.feed.revoke({ id: a.id });
    expect(await feedText({ db, token: a.token, locale: 'fr', now })).toBeNull();
    expect(await feedText({ db, token: b.token, locale: 'fr', now })).not.toBeNull();
    expect(await feedText({ db, token: 'x'.repeat(43), locale: 'fr', now })).toBeNull();
    expect(await feedText({ db, token: '../../etc', locale: 'fr', now })).toBeNull();
    const listed = await samir.caller.feed.list();
    expect(listed.find((x) => x.id === a.id)?.revokedAt).not.toBeNull();
    expect(listed.find((x) => x.id === b.id)?.revokedAt).toBeNull();
    expect(JSON.stringify(listed)).not.toContain(b.token);
  });

  it('who may create, list and revoke feeds', async () => {
    const { db, samir, nora, coordinator, stranger, care, k } = f;
    // A trainer: not someone else's calendar, not a venue or a kit.
    expect((await refusal(samir.caller.feed.create({ kind: 'trainer', subjectId: nora.trainer.id }))).code).toBe('FORBIDDEN');
    expect((await refusal(samir.caller.feed.create({ kind: 'venue', subjectId: care.id }))).code).toBe('FORBIDDEN');
    expect((await refusal(samir.caller.feed.create({ kind: 'kit', subjectId: k.id }))).code).toBe('FORBIDDEN');
    // A member without a trainer profile, a citizen and a visitor.
    expect((await refusal(stranger.caller.feed.create({ kind: 'trainer', subjectId: samir.trainer.id }))).code).toBe('FORBIDDEN');
    const citizen = await person(db);
    expect((await refusal(citizen.caller.feed.create({ kind: 'trainer', subjectId: samir.trainer.id }))).code).toBe('FORBIDDEN');
    expect((await refusal(callerFor(db, null).feed.list())).code).toBe('UNAUTHORIZED');
    // Bad input: nothing stored.
    const count = await db.mobileFeed.count();
    expect((await refusal(coordinator.caller.feed.create({ kind: 'room' as never, subjectId: care.id }))).code).toBe('BAD_REQUEST');
    expect((await refusal(coordinator.caller.feed.create({ kind: 'venue', subjectId: 'nope' }))).code).toBe('NOT_FOUND');
    expect(await db.mobileFeed.count()).toBe(count);
    // A coordinator: any subject; sees every feed; may revoke a trainer's.
    const norasFeed = await nora.caller.feed.create({ kind: 'trainer', subjectId: nora.trainer.id });
    const all = await coordinator.caller.feed.list();
    expect(all.some((x) => x.id === norasFeed.id)).toBe(true);
    expect((await samir.caller.feed.list()).some((x) => x.id === norasFeed.id)).toBe(false);
    expect((await refusal(samir.caller.feed.revoke({ id: norasFeed.id }))).code).toBe('FORBIDDEN');
    await coordinator.caller.feed.revoke({ id: norasFeed.id });
    expect(await db.auditLog.count({ where: { action: 'mobile-epn.feed.revoke', targetId: norasFeed.id, actorId: coordinator.actor.id } })).toBe(1);
  });
});
