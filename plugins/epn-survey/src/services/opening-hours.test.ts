import { describe, expect, it } from 'vitest';
import {
  checkOpeningHours,
  fromLibraryDate,
  instantOfWallClock,
  localDateOfWallClock,
  openingStatus,
  toLibraryDate,
  wallClockAt,
  wallClockOfLocalDate,
  weeklySchedule,
  type WallClock
} from './opening-hours.ts';

// Every instant below is written in UTC (…Z) with its Brussels time in a comment, so the expectations
// hold whatever the process time zone. Run this file with TZ=UTC and TZ=Asia/Tokyo to check that.

const at = (iso: string) => new Date(iso);
const wall = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0): WallClock => ({ year, month, day, hour, minute, second });

describe('wall clock conversions', () => {
  it('reads the Brussels wall clock of an instant, across both DST changes', () => {
    expect(wallClockAt(at('2026-03-29T00:30:00Z'))).toEqual(wall(2026, 3, 29, 1, 30)); // CET
    expect(wallClockAt(at('2026-03-29T01:30:00Z'))).toEqual(wall(2026, 3, 29, 3, 30)); // CEST
    expect(wallClockAt(at('2026-10-25T00:30:00Z'))).toEqual(wall(2026, 10, 25, 2, 30)); // CEST
    expect(wallClockAt(at('2026-10-25T01:30:00Z'))).toEqual(wall(2026, 10, 25, 2, 30)); // CET, again
    expect(wallClockAt(at('2026-12-31T23:00:00Z'))).toEqual(wall(2027, 1, 1, 0, 0));
  });

  it('finds the instant of a Brussels wall clock', () => {
    expect(instantOfWallClock(wall(2026, 1, 15, 9))).toEqual(at('2026-01-15T08:00:00Z'));
    expect(instantOfWallClock(wall(2026, 7, 15, 9))).toEqual(at('2026-07-15T07:00:00Z'));
    expect(instantOfWallClock(wall(2027, 1, 1, 0))).toEqual(at('2026-12-31T23:00:00Z'));
  });

  it('moves a skipped spring time forward and takes the first of a repeated autumn time', () => {
    // 02:30 does not exist on 2026-03-29: clocks jump from 02:00 CET to 03:00 CEST.
    expect(instantOfWallClock(wall(2026, 3, 29, 2, 30))).toEqual(at('2026-03-29T01:30:00Z'));
    // 02:30 happens twice on 2026-10-25: first in CEST (00:30Z), then in CET (01:30Z).
    expect(instantOfWallClock(wall(2026, 10, 25, 2, 30))).toEqual(at('2026-10-25T00:30:00Z'));
    expect(instantOfWallClock(wall(2026, 10, 25, 3, 0))).toEqual(at('2026-10-25T02:00:00Z'));
  });

  it('round-trips every hour of a DST year, except the repeated autumn hour', () => {
    for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 3_600_000) {
      const back = instantOfWallClock(wallClockAt(new Date(t))).getTime();
      const repeated = t === Date.parse('2026-10-25T01:00:00Z'); // 02:00 CET, also 02:00 CEST an hour earlier
      expect(back).toBe(repeated ? t - 3_600_000 : t);
    }
  });

  it('hands the library a Date whose local wall clock is the Brussels one, and back', () => {
    const now = at('2026-06-01T07:15:00Z'); // 09:15 CEST
    const lib = toLibraryDate(now);
    expect([lib.getHours(), lib.getMinutes(), lib.getDate()]).toEqual([9, 15, 1]);
    expect(fromLibraryDate(lib)).toEqual(now);
    expect(wallClockOfLocalDate(localDateOfWallClock(wall(2026, 2, 28, 23, 59, 59)))).toEqual(wall(2026, 2, 28, 23, 59, 59));
  });
});

describe('checkOpeningHours', () => {
  it('accepts an empty value (hours not known)', () => {
    expect(checkOpeningHours('')).toEqual({ ok: true, normalized: '', warnings: [] });
    expect(checkOpeningHours('   ')).toEqual({ ok: true, normalized: '', warnings: [] });
  });

  it('accepts a valid value as it is', () => {
    expect(checkOpeningHours('Mo-Fr 09:00-12:00,13:00-17:00; Sa 10:00-13:00; PH off')).toEqual({
      ok: true,
      normalized: 'Mo-Fr 09:00-12:00,13:00-17:00; Sa 10:00-13:00; PH off',
      warnings: []
    });
  });

  it('keeps a value the library had to correct, normalized, with the warnings', () => {
    const result = checkOpeningHours('mo-fr 9-17');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.normalized).toBe('Mo-Fr 09:00-17:00');
    expect(result.warnings.length).toBeGreaterThan(0);
  });

  it('gives warnings in French when asked', () => {
    const result = checkOpeningHours('Lundi 9h-17h', 'fr');
    expect(result).toMatchObject({ ok: true, normalized: 'Mo 09:00-17:00' });
    if (result.ok) expect(result.warnings.join(' ')).toContain('lundi');
  });

  it('joins rules typed one per line', () => {
    expect(checkOpeningHours('Mo-Fr 09:00-17:00;\n\nSa 10:00-12:00\r\n')).toMatchObject({ ok: true, normalized: 'Mo-Fr 09:00-17:00; Sa 10:00-12:00' });
  });

  it('refuses a value the library cannot read, with its explanation', () => {
    const result = checkOpeningHours('whenever we feel like it');
    expect(result).toMatchObject({ ok: false, messageKey: 'epn_survey_error_opening_hours' });
    if (!result.ok) expect(result.detail.length).toBeGreaterThan(0);
    expect(checkOpeningHours('Mo 12:00')).toMatchObject({ ok: false }); // a point in time, not a range
  });

  it('refuses values longer than 500 characters', () => {
    const long = Array.from({ length: 40 }, () => 'Mo 09:00-10:00').join('; ');
    expect(long.length).toBeGreaterThan(500);
    expect(checkOpeningHours(long)).toMatchObject({ ok: false, messageKey: 'epn_survey_error_opening_hours' });
    expect(checkOpeningHours('Mo 09:00-17:00 "' + 'x'.repeat(490) + '"')).toMatchObject({ ok: false });
  });

  it('refuses school holidays (not defined for Brussels) with an explanation, but not the word in a comment', () => {
    const result = checkOpeningHours('Mo-Fr 09:00-17:00; SH off');
    expect(result).toMatchObject({ ok: false, messageKey: 'epn_survey_error_opening_hours' });
    if (!result.ok) expect(result.detail).toContain('school holidays');
    expect(checkOpeningHours('Mo-Fr 09:00-17:00 "closed SH"')).toMatchObject({ ok: true });
  });
});

describe('openingStatus', () => {
  const WEEKDAYS = 'Mo-Fr 09:00-17:00';

  it('is open until closing time, in three languages', () => {
    const now = at('2026-03-23T09:00:00Z'); // Monday 10:00 CET
    const until = at('2026-03-23T16:00:00Z'); // 17:00 CET
    expect(openingStatus(WEEKDAYS, now, 'fr')).toEqual({ state: 'open', until, text: "Ouvert maintenant, jusqu'à 17 h 00" });
    expect(openingStatus(WEEKDAYS, now, 'nl')).toEqual({ state: 'open', until, text: 'Nu open, tot 17.00 uur' });
    expect(openingStatus(WEEKDAYS, now, 'en')).toEqual({ state: 'open', until, text: 'Open now, until 5:00 pm' });
  });

  it('is closed with the next opening: today, tomorrow, or a weekday', () => {
    expect(openingStatus(WEEKDAYS, at('2026-03-23T07:00:00Z'), 'fr')).toEqual({ state: 'closed', next: at('2026-03-23T08:00:00Z'), text: "Fermé, ouvre aujourd'hui à 9 h 00" });
    expect(openingStatus(WEEKDAYS, at('2026-03-23T17:00:00Z'), 'fr').text).toBe('Fermé, ouvre demain à 9 h 00');
    const sunday = at('2026-03-22T12:00:00Z');
    const tuSa = 'Tu-Sa 09:00-17:00';
    expect(openingStatus(tuSa, sunday, 'fr')).toEqual({ state: 'closed', next: at('2026-03-24T08:00:00Z'), text: 'Fermé, ouvre mardi à 9 h 00' });
    expect(openingStatus(tuSa, sunday, 'nl').text).toBe('Gesloten, opent dinsdag om 9.00 uur');
    expect(openingStatus(tuSa, sunday, 'en').text).toBe('Closed, opens Tuesday at 9:00 am');
    expect(openingStatus(WEEKDAYS, at('2026-03-23T17:00:00Z'), 'nl').text).toBe('Gesloten, opent morgen om 9.00 uur');
    expect(openingStatus(WEEKDAYS, at('2026-03-23T07:00:00Z'), 'en').text).toBe('Closed, opens today at 9:00 am');
  });

  it('gives the date when the next opening is a week or more away', () => {
    const status = openingStatus('Dec 25 10:00-12:00', at('2026-03-23T12:00:00Z'), 'fr');
    expect(status.state).toBe('closed');
    expect(status.next).toEqual(at('2026-12-25T09:00:00Z'));
    expect(status.text).toMatch(/^Fermé, ouvre le vendredi 25 décembre à 10 h 00$/);
    expect(openingStatus('Dec 25 10:00-12:00', at('2026-03-23T12:00:00Z'), 'en').text).toMatch(/^Closed, opens on Friday,? 25 December at 10:00 am$/);
  });

  it('says "until midnight" and "until tomorrow" for evening and night openings', () => {
    expect(openingStatus('Mo-Su 20:00-24:00', at('2026-03-23T20:00:00Z'), 'fr').text).toBe("Ouvert maintenant, jusqu'à minuit");
    expect(openingStatus('Mo-Su 20:00-24:00', at('2026-03-23T20:00:00Z'), 'en').text).toBe('Open now, until midnight');
    const night = openingStatus('Fr 22:00-02:00', at('2026-03-27T22:00:00Z'), 'nl'); // Friday 23:00 CET
    expect(night).toEqual({ state: 'open', until: at('2026-03-28T01:00:00Z'), text: 'Nu open, tot morgen 2.00 uur' });
    expect(openingStatus('Fr 22:00-02:00', at('2026-03-27T22:00:00Z'), 'en').text).toBe('Open now, until tomorrow 2:00 am');
  });

  it('handles 24/7 (open, no closing) and "off" (closed, no opening)', () => {
    const now = at('2026-03-23T09:00:00Z');
    expect(openingStatus('24/7', now, 'fr')).toEqual({ state: 'open', text: 'Ouvert 24 h/24, 7 j/7' });
    expect(openingStatus('24/7', now, 'en')).toEqual({ state: 'open', text: 'Open 24/7' });
    expect(openingStatus('off', now, 'fr')).toEqual({ state: 'closed', text: 'Fermé' });
    expect(openingStatus('off', now, 'nl')).toEqual({ state: 'closed', text: 'Gesloten' });
    expect(openingStatus('off', now, 'en')).toEqual({ state: 'closed', text: 'Closed' });
  });

  it('is unknown for an empty or invalid value', () => {
    const now = at('2026-03-23T09:00:00Z');
    expect(openingStatus('', now, 'fr')).toEqual({ state: 'unknown', text: 'Horaires non communiqués' });
    expect(openingStatus('', now, 'nl')).toEqual({ state: 'unknown', text: 'Openingsuren niet bekend' });
    expect(openingStatus('whenever we feel like it', now, 'en')).toEqual({ state: 'unknown', text: 'Opening hours not known' });
  });

  it('is unknown, with the comment, when the value says so', () => {
    const status = openingStatus('Mo-Fr 09:00-17:00 "sur rendez-vous"', at('2026-03-23T09:00:00Z'), 'fr');
    expect(status).toEqual({ state: 'unknown', next: at('2026-03-23T16:00:00Z'), comment: 'sur rendez-vous', text: 'Ouverture à confirmer (sur rendez-vous)' });
    // Before it, closed, and the coming opening's comment is said.
    expect(openingStatus('Mo-Fr 09:00-17:00 "sur rendez-vous"', at('2026-03-23T07:00:00Z'), 'fr').text).toBe("Fermé, ouvre aujourd'hui à 9 h 00 (sur rendez-vous)");
  });

  it('knows the Belgian public holidays (21 July)', () => {
    const value = 'Mo-Fr 09:00-17:00; PH off';
    const nationalDay = at('2026-07-21T08:00:00Z'); // Tuesday 10:00 CEST
    // The library gives the holiday's name as the comment.
    expect(openingStatus(value, nationalDay, 'fr')).toEqual({ state: 'closed', next: at('2026-07-22T07:00:00Z'), text: 'Fermé, ouvre demain à 9 h 00', comment: 'Nationale feestdag - Fête nationale' });
    expect(openingStatus(value, at('2026-07-22T08:00:00Z'), 'fr').state).toBe('open');
  });

  describe('DST nights: an EPN open "Su 01:00-05:00"', () => {
    const value = 'Su 01:00-05:00';

    it('on 2026-03-29 (spring forward) opens 01:00 CET and closes 05:00 CEST: three real hours', () => {
      expect(openingStatus(value, at('2026-03-28T23:30:00Z'), 'fr')).toEqual({ state: 'closed', next: at('2026-03-29T00:00:00Z'), text: "Fermé, ouvre aujourd'hui à 1 h 00" });
      expect(openingStatus(value, at('2026-03-29T00:30:00Z'), 'fr')).toEqual({ state: 'open', until: at('2026-03-29T03:00:00Z'), text: "Ouvert maintenant, jusqu'à 5 h 00" });
      expect(openingStatus(value, at('2026-03-29T02:30:00Z'), 'en')).toEqual({ state: 'open', until: at('2026-03-29T03:00:00Z'), text: 'Open now, until 5:00 am' });
      const after = openingStatus(value, at('2026-03-29T03:00:00Z'), 'fr');
      expect(after.state).toBe('closed');
      expect(after.next).toEqual(at('2026-04-04T23:00:00Z')); // Sunday 5 April 01:00 CEST
      // A week away: "dimanche" alone would read as today, so the date is given.
      expect(after.text).toBe('Fermé, ouvre le dimanche 5 avril à 1 h 00');
    });

    it('on 2026-10-25 (fall back) opens 01:00 CEST and closes 05:00 CET: five real hours', () => {
      expect(openingStatus(value, at('2026-10-24T22:30:00Z'), 'fr')).toEqual({ state: 'closed', next: at('2026-10-24T23:00:00Z'), text: "Fermé, ouvre aujourd'hui à 1 h 00" });
      for (const iso of ['2026-10-24T23:30:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2026-10-25T03:59:00Z']) {
        expect(openingStatus(value, at(iso), 'nl')).toEqual({ state: 'open', until: at('2026-10-25T04:00:00Z'), text: 'Nu open, tot 5.00 uur' });
      }
      expect(openingStatus(value, at('2026-10-25T04:00:00Z'), 'fr')).toMatchObject({ state: 'closed', next: at('2026-11-01T00:00:00Z') });
    });
  });
});

describe('weeklySchedule', () => {
  const value = 'Mo-Fr 09:00-12:00,13:00-17:00; Sa 10:00-13:00; PH off';

  it('lists the seven days, Monday first, with their ranges, in three languages', () => {
    const week = weeklySchedule(value, 'fr', at('2026-03-25T12:00:00Z'));
    expect(week.map((d) => d.day)).toEqual(['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche']);
    expect(week[0]).toEqual({ day: 'Lundi', date: '2026-03-23', ranges: ['9 h 00 – 12 h 00', '13 h 00 – 17 h 00'] });
    expect(week[5]?.ranges).toEqual(['10 h 00 – 13 h 00']);
    expect(week[6]).toEqual({ day: 'Dimanche', date: '2026-03-29', ranges: [] });
    expect(weeklySchedule(value, 'nl', at('2026-03-25T12:00:00Z'))[0]).toEqual({ day: 'Maandag', date: '2026-03-23', ranges: ['9.00 – 12.00 uur', '13.00 – 17.00 uur'] });
    expect(weeklySchedule(value, 'en', at('2026-03-25T12:00:00Z'))[0]).toEqual({ day: 'Monday', date: '2026-03-23', ranges: ['9:00 am – 12:00 pm', '1:00 pm – 5:00 pm'] });
  });

  it('takes the week in Brussels time (Sunday 22:30 UTC is already Monday in Brussels)', () => {
    expect(weeklySchedule(value, 'fr', at('2026-03-29T22:30:00Z'))[0]?.date).toBe('2026-03-30');
    expect(weeklySchedule(value, 'fr', at('2026-12-31T23:30:00Z'))[0]?.date).toBe('2026-12-28'); // Friday 1 Jan 2027 00:30
  });

  it('shows public holidays closed (21 July 2026 is a Tuesday)', () => {
    const week = weeklySchedule(value, 'fr', at('2026-07-21T10:00:00Z'));
    expect(week[1]).toEqual({ day: 'Mardi', date: '2026-07-21', ranges: [] });
    expect(week[2]?.ranges).toHaveLength(2);
  });

  it('splits a night range at midnight, and says "all day" for 24/7', () => {
    const night = weeklySchedule('Fr 22:00-02:00', 'fr', at('2026-03-25T12:00:00Z'));
    expect(night[4]?.ranges).toEqual(['22 h 00 – 24 h 00']);
    expect(night[5]?.ranges).toEqual(['0 h 00 – 2 h 00']);
    expect(weeklySchedule('Fr 22:00-02:00', 'en', at('2026-03-25T12:00:00Z'))[4]?.ranges).toEqual(['10:00 pm – midnight']);
    expect(weeklySchedule('24/7', 'nl', at('2026-03-25T12:00:00Z')).map((d) => d.ranges)).toEqual(Array.from({ length: 7 }, () => ['de hele dag']));
  });

  it('keeps wall-clock ranges on the DST weeks', () => {
    expect(weeklySchedule('Su 01:00-05:00', 'fr', at('2026-03-27T12:00:00Z'))[6]).toEqual({ day: 'Dimanche', date: '2026-03-29', ranges: ['1 h 00 – 5 h 00'] });
    expect(weeklySchedule('Su 01:00-05:00', 'fr', at('2026-10-23T12:00:00Z'))[6]).toEqual({ day: 'Dimanche', date: '2026-10-25', ranges: ['1 h 00 – 5 h 00'] });
  });

  it('marks comments and unknown ranges', () => {
    const week = weeklySchedule('Mo 10:00-12:00 "sur rendez-vous"; Tu 10:00-12:00 unknown', 'fr', at('2026-03-25T12:00:00Z'));
    expect(week[0]?.ranges).toEqual(['10 h 00 – 12 h 00 (sur rendez-vous)']);
    expect(week[1]?.ranges).toEqual(['10 h 00 – 12 h 00 (?)']);
  });

  it('gives no table for an empty or invalid value, and seven closed days for "off"', () => {
    expect(weeklySchedule('', 'fr', at('2026-03-25T12:00:00Z'))).toEqual([]);
    expect(weeklySchedule('nonsense', 'fr', at('2026-03-25T12:00:00Z'))).toEqual([]);
    expect(weeklySchedule('off', 'fr', at('2026-03-25T12:00:00Z')).map((d) => d.ranges)).toEqual(Array.from({ length: 7 }, () => []));
  });
});
