import ical, { ICalAlarmType, ICalEvent, ICalEventStatus, type ICalEventData } from 'ical-generator';
import type { Db } from '@passerelle/db';
import { audit, generateToken, hashToken } from '@passerelle/auth';
import { t } from '@passerelle/i18n';
import { AppError, type Actor } from '@passerelle/trpc';
import { isCoordinator, requireActor, trainerOf } from './access.ts';
import { communeLabel, fullAddress, subjectName, subjectSessions, type SessionWithPeople, type SubjectKind } from './schedule-read.ts';
import { lang, topicLabel } from './labels.ts';

// Private calendar feeds (RFC 5545) for a trainer, a venue or a kit, at an unguessable URL
// /mobile/feeds/<token>.ics. Only the SHA-256 hash of the token is stored, so the URL is shown once,
// when the feed is created. Revoking a feed makes its URL answer 404.
//
// Creating a second feed for the same subject does NOT revoke the first: a trainer may subscribe on a
// phone and on a laptop, and revoke each URL on its own (e.g. when a phone is lost). Each feed is
// listed with its creation date so that old ones can be revoked.
//
// Events: every session of the subject from 30 days ago on, cancelled ones included (STATUS:CANCELLED,
// so that subscribed calendars remove them). UID <sessionId>@passerelle.brussels never changes;
// SEQUENCE is the session's sequence, which the scheduling code increases on each change. Times are
// written in UTC (…Z): exact instants, no VTIMEZONE needed, shown in local time by every client.
// A private home's street address and coordinates appear only in the feed of a trainer assigned to
// that session; every other feed shows the commune only, without GEO.

export const FEED_DAYS_BACK = 30;
export const UID_DOMAIN = 'passerelle.brussels';

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{20,200}$/;

/** May this person create (or revoke) a feed of that subject? Coordinators: any; a trainer: their own. */
async function requireFeedManager(db: Db, actor: Actor | null, kind: SubjectKind, subjectId: string): Promise<Actor> {
  const a = requireActor(actor);
  if (isCoordinator(a)) return a;
  if (kind !== 'trainer') throw new AppError('FORBIDDEN');
  const own = await trainerOf(db, a);
  if (own.id !== subjectId) throw new AppError('FORBIDDEN');
  return a;
}

export async function createFeed({ db, actor, kind, subjectId }: { db: Db; actor: Actor | null; kind: SubjectKind; subjectId: string }) {
  const a = await requireFeedManager(db, actor, kind, subjectId);
  const name = await subjectName(db, kind, subjectId);
  if (name === null) throw new AppError('NOT_FOUND');
  const token = generateToken();
  const feed = await db.$transaction(async (tx) => {
    const f = await tx.mobileFeed.create({ data: { kind, subjectId, tokenHash: hashToken(token), createdById: a.id } });
    await audit({ db: tx, actorId: a.id, action: 'mobile-epn.feed.create', targetType: 'mobile-epn.feed', targetId: f.id, data: { kind, subjectId } });
    return f;
  });
  return { id: feed.id, kind, subjectId, name, token };
}

export async function revokeFeed({ db, actor, id, now = new Date() }: { db: Db; actor: Actor | null; id: string; now?: Date }) {
  const feed = await db.mobileFeed.findUnique({ where: { id } });
  if (!feed) throw new AppError('NOT_FOUND');
  const a = await requireFeedManager(db, actor, feed.kind as SubjectKind, feed.subjectId);
  if (feed.revokedAt) return { id, revoked: true };
  await db.$transaction(async (tx) => {
    await tx.mobileFeed.update({ where: { id }, data: { revokedAt: now } });
    await audit({ db: tx, actorId: a.id, action: 'mobile-epn.feed.revoke', targetType: 'mobile-epn.feed', targetId: id, data: { kind: feed.kind, subjectId: feed.subjectId } });
  });
  return { id, revoked: true };
}

/** Coordinators: every feed; a trainer: the feeds of their own calendar. Newest first. */
export async function listFeeds({ db, actor }: { db: Db; actor: Actor | null }) {
  const a = requireActor(actor);
  let where = {};
  if (!isCoordinator(a)) {
    // Someone without a trainer profile has no feed of their own: an empty list.
    const own = await trainerOf(db, a).catch(() => null);
    if (!own) return [];
    where = { kind: 'trainer', subjectId: own.id };
  }
  const feeds = await db.mobileFeed.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 500 });
  const names = new Map<string, string | null>();
  for (const f of feeds) {
    const key = `${f.kind}:${f.subjectId}`;
    if (!names.has(key)) names.set(key, await subjectName(db, f.kind as SubjectKind, f.subjectId));
  }
  return feeds.map((f) => ({ id: f.id, kind: f.kind as SubjectKind, subjectId: f.subjectId, name: names.get(`${f.kind}:${f.subjectId}`) ?? '—', createdAt: f.createdAt, revokedAt: f.revokedAt }));
}

/** The live feed a token opens, or null (unknown, malformed or revoked). */
export async function feedByToken(db: Db, token: string) {
  if (!TOKEN_FORMAT.test(token)) return null;
  const feed = await db.mobileFeed.findUnique({ where: { tokenHash: hashToken(token) } });
  return feed && !feed.revokedAt ? feed : null;
}

/** Whether the street address and GEO of the session's venue belong in this feed. */
export function feedShowsAddress(feed: { kind: string; subjectId: string }, s: Pick<SessionWithPeople, 'venue' | 'trainers'>): boolean {
  if (s.venue.type !== 'private_home') return true;
  return feed.kind === 'trainer' && s.trainers.some((x) => x.trainerId === feed.subjectId);
}

export interface FeedInput {
  kind: SubjectKind;
  subjectId: string;
  name: string;
  sessions: SessionWithPeople[];
  locale: string;
}

/** The iCalendar text of a feed. */
export function renderFeed({ kind, subjectId, name, sessions, locale: rawLocale }: FeedInput): string {
  const locale = lang(rawLocale);
  const tr = (key: string, params: Record<string, string | number> = {}) => t(key, params, { locale });
  const cal = ical({
    name: tr('mobile_epn_feed_calendar_name', { name }),
    prodId: { company: 'Passerelle', product: 'mobile-epn', language: locale.toUpperCase() },
    // Calendar apps poll subscriptions: once an hour is enough for workshops planned days ahead.
    ttl: 3600
  });
  const events: ICalEventData[] = [];
  for (const s of sessions) {
    const showAddress = feedShowsAddress({ kind, subjectId }, s);
    const commune = communeLabel(s.venue.commune, locale);
    // Without the address, a private home is not named either (its name may be a person's).
    const place = showAddress || s.venue.type !== 'private_home' ? `${s.venue.name}, ${commune}` : tr('mobile_epn_feed_home_visit', { commune });
    const summary = `${topicLabel(s.topic, locale)} — ${place}`;
    const cancelled = s.status === 'cancelled';
    const lines = [
      cancelled ? tr('mobile_epn_feed_cancelled', { reason: s.cancelReason || '—' }) : null,
      tr('mobile_epn_feed_trainers', { names: s.trainers.map((x) => x.trainer.user.displayName).join(', ') || '—' }),
      s.kit ? tr('mobile_epn_feed_kit', { name: s.kit.name, contents: s.kit.contents.join(', ') }) : null,
      tr('mobile_epn_feed_seats', { seats: s.seats }),
      showAddress && s.venue.accessNotes ? tr('mobile_epn_feed_access', { notes: s.venue.accessNotes }) : null,
      showAddress && (s.venue.contactName || s.venue.contactPhone) ? tr('mobile_epn_feed_contact', { contact: [s.venue.contactName, s.venue.contactPhone].filter(Boolean).join(' ') }) : null
    ].filter((l): l is string => l !== null);
    events.push({
      id: `${s.id}@${UID_DOMAIN}`,
      sequence: s.sequence,
      stamp: s.updatedAt,
      start: s.startsAt,
      end: s.endsAt,
      summary,
      description: lines.join('\n'),
      location: showAddress ? { title: s.venue.name, address: fullAddress(s.venue, locale), geo: { lat: s.venue.latitude, lon: s.venue.longitude } } : commune,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      // Reminders a day and an hour before; none for a cancelled session.
      alarms: cancelled
        ? []
        : [
            { type: ICalAlarmType.display, trigger: 24 * 3600, description: tr('mobile_epn_feed_alarm_day', { summary }) },
            { type: ICalAlarmType.display, trigger: 3600, description: tr('mobile_epn_feed_alarm_hour', { summary }) }
          ]
    });
  }
  // ical-generator writes each event; the long lines are folded here (see foldIcsLines), then the
  // events go into the calendar's (small, already folded) frame.
  const frame = cal.toString();
  const end = frame.lastIndexOf('END:VCALENDAR');
  const body = events.map((e) => new ICalEvent(e, cal).toString()).join('');
  return frame.slice(0, end) + foldIcsLines(body.replace(/\r\n$/, '')) + '\r\n' + frame.slice(end);
}

const utf8Bytes = (code: number) => (code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4);

/**
 * RFC 5545 line folding (lines of at most 75 octets, continued with CRLF + space), the same output as
 * ical-generator's foldLines (a test checks it on random text), which creates a TextEncoder per
 * character and so spent seconds on a feed of 1,000 events.
 */
export function foldIcsLines(text: string): string {
  return text
    .split('\r\n')
    .map((line) => {
      let out = '';
      let bytes = 0;
      let from = 0;
      for (let i = 0; i < line.length; i++) {
        const code = line.charCodeAt(i);
        let size: number;
        const start = i;
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < line.length) {
          const next = line.charCodeAt(i + 1);
          // A pair is one 4-byte character; a lone high surrogate (3 bytes, as U+FFFD) is taken with the next unit, as ical-generator does.
          size = next >= 0xdc00 && next <= 0xdfff ? 4 : 3 + utf8Bytes(next);
          i++;
        } else size = code >= 0xd800 && code <= 0xdfff ? 3 : utf8Bytes(code);
        bytes += size;
        if (bytes > 74) {
          out += line.slice(from, start) + '\r\n ';
          from = start;
          bytes = size;
        }
      }
      return out + line.slice(from);
    })
    .join('\r\n');
}

/** The feed a token opens, rendered; null when the token is unknown or revoked (the route answers 404). */
export async function feedText({ db, token, locale, now = new Date() }: { db: Db; token: string; locale: string; now?: Date }): Promise<string | null> {
  const feed = await feedByToken(db, token);
  if (!feed) return null;
  const kind = feed.kind as SubjectKind;
  let name = await subjectName(db, kind, feed.subjectId);
  if (name === null) return null;
  if (kind === 'venue') {
    // A private home's feed is not named after it (its name may be a person's): "Home visit, <commune>".
    const v = await db.mobileVenue.findUniqueOrThrow({ where: { id: feed.subjectId }, include: { commune: true } });
    if (v.type === 'private_home') name = t('mobile_epn_feed_home_visit', { commune: communeLabel(v.commune, lang(locale)) }, { locale: lang(locale) });
  }
  const from = new Date(now.getTime() - FEED_DAYS_BACK * 86_400_000);
  const sessions = await subjectSessions(db, { kind, id: feed.subjectId, from });
  return renderFeed({ kind, subjectId: feed.subjectId, name, sessions, locale });
}
