import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAVEL, distanceKm, travelEstimate } from './travel.ts';

const grandPlace = { latitude: 50.8467, longitude: 4.3525 };
const flagey = { latitude: 50.8275, longitude: 4.3722 };

describe('travel estimates', () => {
  it('measures the great-circle distance (Grand-Place -> Flagey ~2.5 km)', () => {
    expect(distanceKm(grandPlace, flagey)).toBeGreaterThan(2.4);
    expect(distanceKm(grandPlace, flagey)).toBeLessThan(2.6);
    expect(distanceKm(grandPlace, grandPlace)).toBe(0);
  });

  it('applies the detour factor, the speed of the mode and the buffer, rounding minutes up', () => {
    const e = travelEstimate(grandPlace, flagey, 'bike', DEFAULT_TRAVEL, 's1');
    const km = distanceKm(grandPlace, flagey) * 1.4;
    expect(e).toMatchObject({ from: 's1', mode: 'bike', speedKmh: 14, detourFactor: 1.4, bufferMinutes: 10 });
    expect(e.minutes).toBe(Math.ceil((km / 14) * 60) + 10);
    expect(travelEstimate(grandPlace, flagey, 'car', DEFAULT_TRAVEL).minutes).toBeLessThan(e.minutes);
  });

  it('needs no time to stay in the same place', () => {
    expect(travelEstimate(grandPlace, grandPlace, 'public_transport', DEFAULT_TRAVEL).minutes).toBe(0);
  });
});
