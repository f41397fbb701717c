import { m } from '@passerelle/i18n';
import type { TravelEstimate } from '../services/travel.ts';

export function modeLabel(mode: string): string {
  return mode === 'bike' ? m.mobile_epn_cal_mode_bike() : mode === 'car' ? m.mobile_epn_cal_mode_car() : m.mobile_epn_cal_mode_public_transport();
}

export const km = (x: number, locale: string) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : `${locale}-BE`, { maximumFractionDigits: 1 }).format(x);

/** "2.3 km (1.6 km as the crow flies × 1.4), by public transport at 15 km/h, + 10 min to set up: 20 min" */
export function travelText(t: TravelEstimate, locale: string): string {
  if (t.minutes === 0) return m.mobile_epn_cal_travel_same_place();
  return m.mobile_epn_cal_travel_text({ km: km(t.km, locale), straight: km(t.straightKm, locale), detour: km(t.detourFactor, locale), mode: modeLabel(t.mode), speed: t.speedKmh, buffer: t.bufferMinutes, minutes: t.minutes });
}
