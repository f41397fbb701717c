import { z } from 'zod';
import type { Db } from '@passerelle/db';
import { audit } from '@passerelle/auth';
import { TRAVEL_MODES, type TravelMode } from './lists.ts';

// Travel time between two places: the straight-line distance times a detour factor, at a speed per
// mode, plus a fixed time to pack up and set up. Coordinators change the figures (audited); every
// session keeps the assumption it was checked with.

export interface Point {
  latitude: number;
  longitude: number;
}

export const ZTravelSettings = z.object({
  /** Road (or rail) distance / straight-line distance. */
  detourFactor: z.number({ message: 'mobile_epn_error_detour' }).min(1, { message: 'mobile_epn_error_detour' }).max(3, { message: 'mobile_epn_error_detour' }),
  /** Door-to-door speed in km/h, waiting and parking included. */
  speedsKmh: z.object(Object.fromEntries(TRAVEL_MODES.map((m) => [m, z.number({ message: 'mobile_epn_error_speed' }).min(1, { message: 'mobile_epn_error_speed' }).max(120, { message: 'mobile_epn_error_speed' })])) as Record<TravelMode, z.ZodNumber>),
  /** Minutes to pack up and set up, added to every trip between two different places. */
  bufferMinutes: z.number({ message: 'mobile_epn_error_buffer' }).int({ message: 'mobile_epn_error_buffer' }).min(0, { message: 'mobile_epn_error_buffer' }).max(120, { message: 'mobile_epn_error_buffer' })
});
export type TravelSettings = z.infer<typeof ZTravelSettings>;

/** Brussels figures: public transport door to door ~15 km/h, bike ~14 km/h, car in town ~20 km/h. */
export const DEFAULT_TRAVEL: TravelSettings = { detourFactor: 1.4, speedsKmh: { public_transport: 15, bike: 14, car: 20 }, bufferMinutes: 10 };

const KEY = 'mobile-epn.travel';

export async function travelSettings(db: Db): Promise<TravelSettings> {
  const row = await db.setting.findUnique({ where: { key: KEY } });
  const parsed = ZTravelSettings.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_TRAVEL;
}

export async function setTravelSettings({ db, actorId, value }: { db: Db; actorId: string; value: TravelSettings }) {
  const settings = ZTravelSettings.parse(value);
  await db.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: KEY } });
    await tx.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: settings, updatedById: actorId }, update: { value: settings, updatedById: actorId } });
    await audit({ db: tx, actorId, action: 'mobile-epn.settings.travel', targetType: 'setting', targetId: KEY, data: { from: (before?.value ?? DEFAULT_TRAVEL) as never, to: settings } });
  });
  return settings;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km (haversine). */
export function distanceKm(a: Point, b: Point): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The assumption a session shows: from where, how far, how, how fast, how long. */
export interface TravelEstimate {
  /** "home" or the id of the previous session. */
  from: string;
  straightKm: number;
  detourFactor: number;
  km: number;
  mode: TravelMode;
  speedKmh: number;
  bufferMinutes: number;
  minutes: number;
}

export function travelEstimate(from: Point, to: Point, mode: TravelMode, settings: TravelSettings, fromLabel = 'home'): TravelEstimate {
  const straightKm = distanceKm(from, to);
  const samePlace = straightKm < 0.05;
  const km = straightKm * settings.detourFactor;
  const speedKmh = settings.speedsKmh[mode];
  const minutes = samePlace ? 0 : Math.ceil((km / speedKmh) * 60) + settings.bufferMinutes;
  return { from: fromLabel, straightKm: round(straightKm), detourFactor: settings.detourFactor, km: round(km), mode, speedKmh, bufferMinutes: samePlace ? 0 : settings.bufferMinutes, minutes };
}

const round = (x: number) => Math.round(x * 100) / 100;
