import type { Db } from '@passerelle/db';
import { DEMO_ACCOUNTS } from '@passerelle/db/demo';
import { brusselsInstant, brusselsParts, addDays } from '@passerelle/plugin-sdk/time';

// Demo data for `npm start` (SEED_DEMO=1) and the end-to-end tests: venues of each type (the demo
// citizen is the care home's contact), three trainers (the demo association member is one of them),
// three kits, a request waiting in the queue and a few sessions in the coming weeks. Made up, marked
// isDemo and "(démo)". Idempotent; dates are relative to the day it runs.

const MARK = 'Résidence Les Tilleuls (démo)';

const VENUES = [
  { type: 'care_home', name: MARK, street: 'Rue des Tilleuls 12', postcode: '1080', nis: '21012', lat: 50.8531, lon: 4.3265, capacity: 12, wifi: true, access: 'Entrée par le jardin, ascenseur au fond du hall.', contact: 'citizen' },
  { type: 'social_housing', name: 'Cité Modèle — salle commune (démo)', street: 'Allée du Rubis 3', postcode: '1020', nis: '21004', lat: 50.8938, lon: 4.3365, capacity: 10, wifi: false, access: 'Sonner au concierge.' },
  { type: 'community_centre', name: 'Maison de quartier Helmet (démo)', street: 'Rue Waelhem 60', postcode: '1030', nis: '21015', lat: 50.8719, lon: 4.3781, capacity: 16, wifi: true, access: '' },
  { type: 'library', name: 'Bibliothèque Sésame (démo)', street: 'Boulevard Lambermont 200', postcode: '1030', nis: '21015', lat: 50.8663, lon: 4.3857, capacity: 8, wifi: true, access: 'Salle au 1er étage, ascenseur.' },
  { type: 'private_home', name: 'Domicile de Mme D. (démo)', street: 'Rue de la Démo 7', postcode: '1070', nis: '21001', lat: 50.8352, lon: 4.3121, capacity: 2, wifi: false, access: '3e étage sans ascenseur.' }
] as const;

const TRAINERS = [
  { email: 'association@demo.passerelle.brussels', org: 'demo-epn-molenbeek', languages: ['fr', 'nl', 'ar'], topics: ['smartphone', 'online_admin', 'eid_itsme', 'basics', 'email'], lat: 50.855, lon: 4.339, label: 'EPN Molenbeek', mode: 'public_transport' },
  { email: 'trainer.nora@demo.passerelle.brussels', name: 'Nora Formatrice (démo)', org: 'demo-epn-schaerbeek', languages: ['fr', 'en', 'tr'], topics: ['smartphone', 'banking', 'safety', 'internet'], lat: 50.8676, lon: 4.3773, label: 'Espace numérique de Schaerbeek', mode: 'bike' },
  { email: 'trainer.pieter@demo.passerelle.brussels', name: 'Pieter Lesgever (demo)', org: 'demo-cpas-anderlecht', languages: ['nl', 'fr', 'en'], topics: ['online_admin', 'eid_itsme', 'health', 'basics'], lat: 50.8366, lon: 4.3198, label: 'CPAS Anderlecht', mode: 'car' }
] as const;

const KITS = [
  { org: 'demo-epn-molenbeek', name: 'Valise tablettes A (démo)', contents: ['8 tablettes', '1 routeur 4G', '8 stylets'], devices: 8, status: 'available' },
  { org: 'demo-epn-schaerbeek', name: 'Valise portables B (démo)', contents: ['6 ordinateurs portables', '1 routeur 4G', '1 rallonge'], devices: 6, status: 'available' },
  { org: 'demo-cpas-anderlecht', name: 'Valise smartphones C (démo)', contents: ['10 smartphones', '1 routeur 4G'], devices: 10, status: 'in_repair' }
] as const;

/** The next Brussels date with this ISO weekday (1 = Monday), at least `minDays` from today. */
function nextWeekday(today: string, weekday: number, minDays: number): string {
  for (let i = minDays; i < minDays + 7; i++) {
    const day = addDays(today, i);
    if (brusselsParts(brusselsInstant(day, 12 * 60)!).weekday === weekday) return day;
  }
  return addDays(today, minDays);
}

export async function seedMobileEpnDemo(db: Db, now: Date = new Date()): Promise<number> {
  if (await db.mobileVenue.findFirst({ where: { name: MARK, isDemo: true } })) return 0;
  const orgs = await db.organisation.findMany({ where: { slug: { in: TRAINERS.map((t) => t.org) } } });
  const orgId = (slug: string) => orgs.find((o) => o.slug === slug)?.id;
  const citizen = await db.user.findUnique({ where: { email: DEMO_ACCOUNTS.find((a) => a.role === 'citizen')!.email } });
  if (orgs.length < 3) return 0;

  const venues = [];
  for (const v of VENUES) {
    venues.push(
      await db.mobileVenue.create({
        data: { type: v.type, name: v.name, street: v.street, postcode: v.postcode, communeNis: v.nis, latitude: v.lat, longitude: v.lon, capacity: v.capacity, wifi: v.wifi, accessNotes: v.access, contactName: 'contact' in v ? (citizen?.displayName ?? '') : 'Accueil (démo)', contactEmail: 'contact' in v ? (citizen?.email ?? '') : `accueil-${venues.length + 1}@demo.passerelle.brussels`, contactPhone: '+32 2 000 00 00', contactUserId: 'contact' in v ? (citizen?.id ?? null) : null, isDemo: true }
      })
    );
  }

  const trainers = [];
  for (const t of TRAINERS) {
    const organisationId = orgId(t.org)!;
    let user = await db.user.findUnique({ where: { email: t.email } });
    if (!user && 'name' in t) {
      // Demo trainers who do not log in (no usable password).
      user = await db.user.create({ data: { email: t.email, passwordHash: '!demo-no-login', displayName: t.name, emailVerifiedAt: now, isDemo: true, memberships: { create: { organisationId, role: 'member' } } } });
    }
    if (!user) continue;
    await db.membership.upsert({ where: { userId_organisationId: { userId: user.id, organisationId } }, create: { userId: user.id, organisationId, role: 'member' }, update: {} });
    trainers.push(
      await db.mobileTrainer.create({
        data: {
          userId: user.id,
          organisationId,
          languages: [...t.languages],
          topics: [...t.topics],
          homeLatitude: t.lat,
          homeLongitude: t.lon,
          homeLabel: t.label,
          travelMode: t.mode,
          isDemo: true,
          // Monday to Friday, 9:00-17:00 (Friday until 13:00).
          availability: { create: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: weekday === 5 ? 13 * 60 : 17 * 60 })) }
        }
      })
    );
  }

  const kits = [];
  for (const k of KITS) kits.push(await db.mobileKit.create({ data: { organisationId: orgId(k.org)!, name: k.name, contents: [...k.contents], devices: k.devices, status: k.status, isDemo: true } }));

  const today = brusselsParts(now).day;
  const at = (day: string, hour: number) => brusselsInstant(day, hour * 60)!;
  const window = (from: string, days: number) => ({ from: at(from, 9).toISOString(), to: at(addDays(from, days), 17).toISOString() });

  // A request waiting in the queue: the care home wants a smartphone workshop in the next weeks.
  await db.mobileRequest.create({
    data: { venueId: venues[0]!.id, requestedById: citizen?.id ?? null, topic: 'smartphone', language: 'fr', participants: 8, durationMinutes: 120, windows: [window(addDays(today, 7), 14)], accessibilityNeeds: 'Plusieurs résidents malentendants : parler face au groupe.', isDemo: true }
  });

  // Upcoming sessions, so that calendars, feeds and the public list are not empty.
  const [samir, nora, pieter] = trainers;
  const [tilleuls, cite, helmet, sesame, home] = venues;
  const tuesday = nextWeekday(today, 2, 3);
  const thursday = nextWeekday(today, 4, 3);
  const sessions = [
    { venue: cite!, trainer: samir!, kit: kits[0]!, day: tuesday, hour: 10, topic: 'online_admin', seats: 8, group: true },
    { venue: tilleuls!, trainer: samir!, kit: kits[0]!, day: tuesday, hour: 14, topic: 'smartphone', seats: 10, group: true },
    { venue: helmet!, trainer: nora!, kit: kits[1]!, day: thursday, hour: 10, topic: 'banking', seats: 6, group: true },
    { venue: sesame!, trainer: nora!, kit: null, day: thursday, hour: 14, topic: 'safety', seats: 8, group: true },
    { venue: home!, trainer: pieter!, kit: null, day: thursday, hour: 10, topic: 'eid_itsme', seats: 1, group: false }
  ];
  for (const s of sessions) {
    if (!s.trainer) continue;
    await db.mobileSession.create({
      data: { venueId: s.venue.id, kitId: s.kit?.id ?? null, startsAt: at(s.day, s.hour), endsAt: at(s.day, s.hour + 2), seats: s.seats, topic: s.topic, language: 'fr', group: s.group, isDemo: true, trainers: { create: { trainerId: s.trainer.id } } }
    });
  }

  // Registrations and attendance: three small group workshops at the care home (2 seats, on Saturdays,
  // out of everyone's weekday availability), so that a few registrations reach the waiting list; and
  // yesterday's workshop there with three residents, waiting for its attendance.
  let extra = 0;
  if (samir) {
    const saturday = nextWeekday(today, 6, 3);
    for (const [i, topic] of (['email', 'internet', 'photos'] as const).entries()) {
      await db.mobileSession.create({ data: { venueId: tilleuls!.id, kitId: null, startsAt: at(addDays(saturday, 7 * i), 10), endsAt: at(addDays(saturday, 7 * i), 12), seats: 2, topic, language: 'fr', group: true, isDemo: true, trainers: { create: { trainerId: samir.id } } } });
      extra++;
    }
    const yesterday = addDays(today, -1);
    await db.mobileSession.create({
      data: {
        venueId: tilleuls!.id, startsAt: at(yesterday, 10), endsAt: at(yesterday, 12), seats: 10, topic: 'smartphone', language: 'fr', group: true, isDemo: true,
        trainers: { create: { trainerId: samir.id } },
        registrations: {
          create: [
            { name: 'Mme Janssens (démo)', ageBand: '75+', gender: 'woman', status: 'registered', registeredById: citizen?.id ?? null, queuedAt: at(addDays(today, -8), 10) },
            { name: 'M. Diallo (démo)', ageBand: '65-74', gender: 'man', status: 'registered', registeredById: citizen?.id ?? null, queuedAt: at(addDays(today, -8), 11) },
            { name: 'Mme R. (démo)', status: 'registered', registeredById: citizen?.id ?? null, queuedAt: at(addDays(today, -7), 10) }
          ]
        }
      }
    });
    extra++;
  }
  return venues.length + trainers.length + kits.length + sessions.length + extra + 1;
}
