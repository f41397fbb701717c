import { z } from 'zod';
import { BRUSSELS_BOUNDS, COMMUNES, communeByNis, communeName } from '@passerelle/db/communes';
import { COMMUNES as COMMUNE_SHAPES } from '@passerelle/ui/geo/communes.ts';

// Pieces of input shared by venues, trainers, kits and requests. Every message is a translated key
// (mobile_epn_dir_error_...); the form pages show the key of the field that failed.

export const NIS = COMMUNES.map((c) => c.nis) as [string, ...string[]];

export const text = (max: number, key = 'mobile_epn_dir_error_text_too_long') => z.string({ message: key }).trim().max(max, { message: key });
export const required = (min: number, max: number, key: string) => z.string({ message: key }).trim().min(min, { message: key }).max(max, { message: key });
export const ZId = z.string().min(1).max(64);
export const ZCommune = z.enum(NIS, { message: 'mobile_epn_dir_error_commune' });
export const ZPostcode = z.string({ message: 'mobile_epn_dir_error_postcode' }).trim().regex(/^1\d{3}$/, { message: 'mobile_epn_dir_error_postcode' });
export const ZLatitude = z.number({ message: 'mobile_epn_dir_error_coordinates' }).min(BRUSSELS_BOUNDS.south, { message: 'mobile_epn_dir_error_outside_brussels' }).max(BRUSSELS_BOUNDS.north, { message: 'mobile_epn_dir_error_outside_brussels' });
export const ZLongitude = z.number({ message: 'mobile_epn_dir_error_coordinates' }).min(BRUSSELS_BOUNDS.west, { message: 'mobile_epn_dir_error_outside_brussels' }).max(BRUSSELS_BOUNDS.east, { message: 'mobile_epn_dir_error_outside_brussels' });
export const ZPhone = text(40, 'mobile_epn_dir_error_phone').regex(/^[+0-9 ./()-]*$/, { message: 'mobile_epn_dir_error_phone' });
export const ZEmailOrEmpty = z.union([z.literal(''), z.email({ message: 'mobile_epn_dir_error_email' }).max(200, { message: 'mobile_epn_dir_error_email' })], { message: 'mobile_epn_dir_error_email' });

/** A postcode must be one of the commune's (bpost codes): a typing mistake otherwise. */
export function postcodeInCommune(postcode: string, communeNis: string): boolean {
  return communeByNis(communeNis)?.postalCodes.includes(postcode) ?? false;
}

/** A point well inside the commune: where a venue is placed until someone picks it on the map. */
export function communePoint(communeNis: string): { latitude: number; longitude: number } {
  const c = COMMUNE_SHAPES.find((x) => x.nis === communeNis);
  if (!c) throw new Error(`unknown commune ${communeNis}`);
  return { latitude: c.label[1], longitude: c.label[0] };
}

export function commune(nis: string, locale: string) {
  return { nis, name: communeName(nis, locale) ?? nis };
}

/** "HH:MM" (00:00 .. 24:00) -> minutes of the day; null when malformed. */
export function minutesOf(hhmm: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return null;
  const minutes = +m[1]! * 60 + +m[2]!;
  return +m[2]! < 60 && minutes <= 1440 ? minutes : null;
}

export const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
