// Shared set-up for the plugin's tests: people with roles, callers over the plugin's router with the
// context the host would build, and fixtures (venues, trainers, kits, sessions) written straight to the
// database so that each part can be tested on its own.
import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import type { Db } from '@passerelle/db';
import { createTestActor, pluginCaller, type PluginCallerOptions, type TestPersonOptions } from '@passerelle/plugin-sdk/testing';
import { mobileEpnManifest } from './manifest.ts';
import { mobileEpnRouter } from './server/router.ts';

export { useTestMail } from '@passerelle/auth/mail-testing/vitest';

export const callerFor = pluginCaller(mobileEpnManifest, mobileEpnRouter);
export type CallerOptions = PluginCallerOptions;

export async function person(db: Db, opts: TestPersonOptions = {}, callerOpts: CallerOptions = {}) {
  const actor = await createTestActor(db, opts);
  return { actor, caller: callerFor(db, actor, callerOpts) };
}

let seq = 0;
const next = () => `${Date.now().toString(36)}-${++seq}`;

export async function organisation(db: Db, name = 'Mobile EPN association') {
  return db.organisation.create({ data: { name: `${name} ${next()}`, slug: `mobile-org-${next()}`, communeNis: '21004' } });
}

/** Brussels places used by the fixtures (coordinates of real squares). */
export const PLACES = {
  grandPlace: { latitude: 50.8467, longitude: 4.3525, communeNis: '21004', postcode: '1000' },
  flagey: { latitude: 50.8275, longitude: 4.3722, communeNis: '21009', postcode: '1050' },
  schaerbeek: { latitude: 50.8676, longitude: 4.3737, communeNis: '21015', postcode: '1030' },
  anderlecht: { latitude: 50.8365, longitude: 4.3093, communeNis: '21001', postcode: '1070' },
  woluwe: { latitude: 50.8466, longitude: 4.4327, communeNis: '21018', postcode: '1200' }
} as const;

export async function venue(db: Db, extra: Partial<{ type: string; name: string; place: keyof typeof PLACES; capacity: number; contactUserId: string | null; street: string; contactEmail: string }> = {}) {
  const place = PLACES[extra.place ?? 'grandPlace'];
  return db.mobileVenue.create({
    data: {
      type: extra.type ?? 'care_home',
      name: extra.name ?? `Résidence ${next()}`,
      street: extra.street ?? 'Rue Haute 1',
      postcode: place.postcode,
      communeNis: place.communeNis,
      latitude: place.latitude,
      longitude: place.longitude,
      contactName: 'Claire Contact',
      contactEmail: extra.contactEmail ?? `contact-${next()}@example.org`,
      contactUserId: extra.contactUserId ?? null,
      capacity: extra.capacity ?? 12,
      wifi: true
    }
  });
}

/** A trainer (a member of `organisationId`) available Monday to Friday 08:00-18:00 unless told otherwise. */
export async function trainer(db: Db, organisationId: string, extra: Partial<{ languages: string[]; topics: string[]; home: keyof typeof PLACES; travelMode: string; availability: { weekday: number; startMinute: number; endMinute: number }[]; email: string }> = {}) {
  const p = await person(db, { memberships: [{ organisationId, role: 'member' }], ...(extra.email ? { email: extra.email } : {}) });
  const home = PLACES[extra.home ?? 'grandPlace'];
  const availability = extra.availability ?? [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 18 * 60 }));
  const profile = await db.mobileTrainer.create({
    data: {
      userId: p.actor.id,
      organisationId,
      languages: extra.languages ?? ['fr', 'nl'],
      topics: extra.topics ?? ['smartphone', 'online_admin', 'basics'],
      homeLatitude: home.latitude,
      homeLongitude: home.longitude,
      travelMode: extra.travelMode ?? 'public_transport',
      availability: { create: availability }
    }
  });
  return { ...p, trainer: profile };
}

export async function kit(db: Db, organisationId: string, extra: Partial<{ name: string; devices: number; status: string }> = {}) {
  return db.mobileKit.create({ data: { organisationId, name: extra.name ?? `Kit ${next()}`, contents: ['8 tablets', '1 4G router'], devices: extra.devices ?? 8, status: extra.status ?? 'available' } });
}

/** A scheduled session written directly (no conflict checks): for tests of what reads sessions. */
export async function session(db: Db, data: { venueId: string; trainerIds: string[]; startsAt: Date; minutes?: number; kitId?: string | null; seats?: number; topic?: string; language?: string; group?: boolean }) {
  return db.mobileSession.create({
    data: {
      venueId: data.venueId,
      kitId: data.kitId ?? null,
      startsAt: data.startsAt,
      endsAt: new Date(data.startsAt.getTime() + (data.minutes ?? 120) * 60_000),
      seats: data.seats ?? 10,
      topic: data.topic ?? 'smartphone',
      language: data.language ?? 'fr',
      group: data.group ?? true,
      trainers: { create: data.trainerIds.map((trainerId) => ({ trainerId })) }
    }
  });
}

/** The refusal of a call that must fail: the TRPCError, to check its code. */
export const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(TRPCError);
      return e as TRPCError;
    }
  );
