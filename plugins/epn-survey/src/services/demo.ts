import type { Db, Prisma } from '@passerelle/db';
import { DEMO_ACCOUNTS } from '@passerelle/db/demo';
import { AGE_BANDS } from './definition.ts';
import { TEMPLATE_ID, visitorProfileTemplate } from './template.ts';

// Demo data for `npm start` (SEED_DEMO=1) and the end-to-end tests: four EPNs of the demo organisations,
// the visitor-profile survey published at a fixed code, and a year of synthetic activity and responses
// (made up, marked isDemo / "(démo)"). Deterministic (a seeded generator) and idempotent.

export const DEMO_SURVEY_CODE = 'DEMOVISIT1';

const PLACES: { org: string; name: string; street: string; postcode: string; nis: string; lat: number; lon: number; hours: string; services: string[]; languages: string[]; devices: number; labelled: boolean; mobile?: boolean }[] = [
  { org: 'demo-epn-molenbeek', name: 'EPN Molenbeek — Maison des cultures (démo)', street: 'Rue Mommaerts 4', postcode: '1080', nis: '21012', lat: 50.8553, lon: 4.332, hours: 'Mo-Fr 09:30-17:00; Sa 10:00-13:00; PH off', services: ['free_access', 'individual_help', 'workshops', 'online_admin_help', 'printing'], languages: ['fr', 'nl', 'ar'], devices: 12, labelled: true },
  { org: 'demo-epn-molenbeek', name: 'EPN Molenbeek — Bus numérique (démo)', street: 'Place Communale 1', postcode: '1080', nis: '21012', lat: 50.855, lon: 4.339, hours: 'Tu,Th 13:00-17:00', services: ['individual_help', 'workshops'], languages: ['fr', 'ar', 'tr'], devices: 8, labelled: false, mobile: true },
  { org: 'demo-epn-schaerbeek', name: 'Espace numérique de Schaerbeek (démo)', street: 'Avenue Louis Bertrand 59', postcode: '1030', nis: '21015', lat: 50.8676, lon: 4.3773, hours: 'Mo-Th 10:00-18:00; Fr 10:00-16:00', services: ['free_access', 'individual_help', 'device_loan', 'wifi'], languages: ['fr', 'nl', 'en', 'es'], devices: 15, labelled: true },
  { org: 'demo-cpas-anderlecht', name: "Point d'aide numérique du CPAS d'Anderlecht (démo)", street: 'Rue de Fiennes 77', postcode: '1070', nis: '21001', lat: 50.8366, lon: 4.3198, hours: 'Mo-Fr 08:30-12:00', services: ['online_admin_help', 'individual_help', 'job_search_help'], languages: ['fr', 'nl', 'pl', 'ro'], devices: 6, labelled: false }
];

/** mulberry32: a small deterministic generator, so that the demo is the same on every machine. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedEpnSurveyDemo(db: Db): Promise<number> {
  if (await db.epnSurvey.findUnique({ where: { code: DEMO_SURVEY_CODE } })) return 0;
  const orgs = await db.organisation.findMany({ where: { slug: { in: PLACES.map((p) => p.org) } } });
  const orgId = (slug: string) => orgs.find((o) => o.slug === slug)?.id;
  const member = await db.user.findUnique({ where: { email: DEMO_ACCOUNTS.find((a) => a.role === 'association_member')!.email } });
  const places: Awaited<ReturnType<Db['epnPlace']['create']>>[] = [];
  for (const p of PLACES) {
    const organisationId = orgId(p.org);
    if (!organisationId) continue;
    places.push(
      await db.epnPlace.create({
        data: { organisationId, name: p.name, street: p.street, postcode: p.postcode, communeNis: p.nis, latitude: p.lat, longitude: p.lon, openingHours: p.hours, services: p.services, publics: ['everyone'], accessibility: p.labelled ? ['wheelchair'] : [], languages: p.languages, devices: p.devices, labelled: p.labelled, labelSince: p.labelled ? new Date('2023-01-01T00:00:00Z') : null, mobile: p.mobile ?? false, isDemo: true }
      })
    );
  }
  const molenbeek = orgId('demo-epn-molenbeek');
  if (!molenbeek || places.length === 0) return places.length;
  const definition = visitorProfileTemplate();
  const survey = await db.epnSurvey.create({
    data: { organisationId: molenbeek, code: DEMO_SURVEY_CODE, templateId: TEMPLATE_ID, createdById: member?.id ?? null, versions: { create: { version: 1, definition: definition as unknown as Prisma.InputJsonValue, publishedAt: new Date() } } },
    include: { versions: true }
  });
  const rnd = random(20261129);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const choices = (id: string) => definition.questions.find((q) => q.id === id)?.choices?.map((c) => c.value) ?? [];
  const year = new Date().getUTCFullYear();
  const day = (i: number) => new Date(Date.UTC(year, Math.floor(i / 30) % 12, 1 + (i % 28)));
  const ownPlaces = places.filter((p) => p.organisationId === molenbeek);
  await db.epnResponse.createMany({
    data: Array.from({ length: 240 }, (_, i) => {
      const internet = pick(['yes', 'yes', 'smartphone_only', 'no']);
      const answers: Record<string, unknown> = {
        age_band: pick([...AGE_BANDS, '55-64', '65-74', '65-74']),
        gender: pick(choices('gender')),
        education: pick(choices('education')),
        commune: pick(['21012', '21012', '21012', '21004', '21001', 'outside']),
        internet_home: choices('internet_home').includes(internet) ? internet : pick(choices('internet_home')),
        devices: [pick(choices('devices').filter((d) => d !== 'none'))],
        skill_safety: pick(choices('skill_safety'))
      };
      return { surveyId: survey.id, versionId: survey.versions[0]!.id, placeId: pick(ownPlaces).id, channel: i % 3 === 0 ? 'kiosk' : 'link', answers: answers as Prisma.InputJsonValue, day: day(i) };
    })
  });
  const topics = ['basics', 'internet', 'email', 'smartphone', 'online_admin', 'eid_itsme', 'banking', 'safety'];
  // Activity this year, and a year of it before: the barometer's demo editions (the latest is 2025) show
  // the EPNs' figures of their year beside the map.
  const lastYear = (i: number) => new Date(Date.UTC(year - 1, i % 12, 1 + ((i * 7) % 28)));
  await db.epnActivity.createMany({
    data: Array.from({ length: 280 }, (_, i) => {
      const place = pick(places);
      const group = rnd() < 0.3;
      const attendees: Record<string, Record<string, number>> = {};
      for (let k = 0; k < (group ? 6 + Math.floor(rnd() * 6) : 1); k++) {
        const band = pick(AGE_BANDS);
        const g = pick(['woman', 'man', 'woman', 'other']);
        (attendees[band] ??= {})[g] = (attendees[band][g] ?? 0) + 1;
      }
      const count = Object.values(attendees).reduce((s, x) => s + Object.values(x).reduce((a, b) => a + b, 0), 0);
      return { organisationId: place.organisationId, placeId: place.id, date: i < 160 ? day(i * 2) : lastYear(i), sessionType: group ? 'group' : 'individual', groupSessions: group ? 1 : 0, durationMinutes: group ? 120 : pick([30, 45, 60]), location: place.mobile ? 'mobile' : 'epn', topics: [pick(topics)], attendees, attendeeCount: count, referrals: [], createdById: member?.id ?? null };
    })
  });
  return places.length;
}
