import OpeningHours from 'opening_hours';

// Opening hours of EPNs, in OpenStreetMap `opening_hours` syntax (the mednum standard's `horaires`
// field uses the same syntax), checked and evaluated with the `opening_hours` library.
//
// Time zones: the library reads and builds Dates with their LOCAL getters/constructors, so it works
// in the server process's time zone. EPNs are in Brussels whatever the server's TZ, so we hand the
// library "library dates": Dates whose local wall clock equals the Brussels wall clock, and convert
// its answers back to real instants. The conversions are the exported pure functions below.
// Limitation: if the process runs in a zone with DST transitions of its own (neither UTC nor
// Europe/Brussels), a Brussels wall-clock time that falls in that zone's spring-forward gap cannot be
// represented as a library date and is shifted by the library by one hour; UTC (usual on servers) and
// Europe/Brussels are both exact.

export type Locale = 'fr' | 'nl' | 'en';

export const BRUSSELS_TZ = 'Europe/Brussels';

/** Longest accepted value: real EPN schedules are far shorter; the cap bounds parsing work. */
export const OPENING_HOURS_MAX_LENGTH = 500;

/**
 * The library's "nominatim object": country and region select the public holidays (`PH`), the
 * coordinates (Brussels centre) the sunrise/sunset times.
 */
const BELGIAN_CONTEXT = { lat: 50.85, lon: 4.35, address: { country_code: 'be', state: 'Brussels-Capital' } };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How far ahead we look for the next opening or closing: a year covers seasonal schedules. */
const HORIZON = 366 * DAY;

// ---------------------------------------------------------------------------------------------
// Wall clocks and instants (pure conversions)

/** A calendar date and time of day as read on a clock, without a time zone. month is 1–12. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/** YYYY-MM-DD of an instant in Brussels: 00:30 in Brussels belongs to that Brussels day. */
export function brusselsDay(instant: Date): string {
  const w = wallClockAt(instant);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** The wall clock of `timeZone` at this instant. */
export function wallClockAt(instant: Date, timeZone: string = BRUSSELS_TZ): WallClock {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    // Some ICU versions still write midnight as "24" despite h23.
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0
  };
}

function wallClockAsUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The zone's offset from UTC at this instant, in milliseconds (CET: +3,600,000). */
function offsetAt(instantMs: number, timeZone: string): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return wallClockAsUtc(wallClockAt(new Date(whole), timeZone)) - whole;
}

function sameWallClock(a: WallClock, b: WallClock): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute && a.second === b.second;
}

/**
 * The instant at which `timeZone`'s clocks show `w`. Like Temporal's "compatible" disambiguation: a
 * time that happens twice (the autumn night's repeated hour) gives the earlier instant; a time that
 * never happens (the spring night's skipped hour) is moved forward by the length of the gap.
 */
export function instantOfWallClock(w: WallClock, timeZone: string = BRUSSELS_TZ): Date {
  const naive = wallClockAsUtc(w);
  // Offsets a day before and after: transitions are months apart, so these are the offsets on
  // either side of any transition near `w`.
  const before = offsetAt(naive - DAY, timeZone);
  const after = offsetAt(naive + DAY, timeZone);
  const candidates = [...new Set([naive - before, naive - after])].sort((x, y) => x - y);
  const valid = candidates.find((t) => sameWallClock(wallClockAt(new Date(t), timeZone), w));
  return new Date(valid ?? naive - before);
}

/** A Date whose LOCAL wall clock (process time zone) reads `w`: what the library works with. */
export function localDateOfWallClock(w: WallClock): Date {
  return new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The LOCAL wall clock of a Date (process time zone): how the library's answers are read. */
export function wallClockOfLocalDate(d: Date): WallClock {
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds() };
}

/** A real instant → the library date showing Brussels' wall clock at that instant. */
export function toLibraryDate(instant: Date): Date {
  return localDateOfWallClock(wallClockAt(instant));
}

/** A library date (Brussels wall clock in local getters) → the real instant. */
export function fromLibraryDate(libraryDate: Date): Date {
  return instantOfWallClock(wallClockOfLocalDate(libraryDate));
}

// ---------------------------------------------------------------------------------------------
// Parsing and checking

type Parsed = InstanceType<typeof OpeningHours>;

/** A comment ("…") may contain anything, so keywords are looked for outside of comments only. */
function withoutComments(value: string): string {
  return value.replace(/"[^"]*"/g, '""');
}

/**
 * Values typed in a textarea may put one rule per line; OSM separates rules with "; ". Only done when
 * the value has line breaks, so single-line values are kept as they are.
 */
function joinLines(value: string): string {
  if (!/[\r\n]/.test(value)) return value.trim();
  return value
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim().replace(/;+$/, '').trim())
    .filter((line) => line.length > 0)
    .join('; ');
}

/** The library throws strings (sometimes Errors); either way the text is the useful part. */
function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).trim();
}

/** The library only has warning/error texts in English, German and French. */
function libraryLocale(locale: Locale): string {
  return locale === 'fr' ? 'fr' : 'en';
}

function parse(value: string, locale: Locale = 'en'): Parsed {
  // The typings want every key; undefined ones keep the library's defaults (tag_key sets time-range mode).
  return new OpeningHours(value, BELGIAN_CONTEXT, { tag_key: 'opening_hours', locale: libraryLocale(locale), mode: undefined, map_value: undefined, warnings_severity: undefined });
}

export type OpeningHoursCheck =
  | { ok: true; normalized: string; warnings: string[] }
  | { ok: false; messageKey: 'epn_survey_error_opening_hours'; detail: string };

/** A non-empty value parsed, or why it cannot be. */
function parseChecked(input: string, locale: Locale): { parsed: Parsed } | { detail: string } {
  if (input.length > OPENING_HOURS_MAX_LENGTH) return { detail: `longer than ${OPENING_HOURS_MAX_LENGTH} characters` };
  // School holidays differ between the French- and Dutch-speaking schools of Brussels, so the library
  // has no "SH" for the region (it would throw and log to the console): explain instead.
  if (/\bSH\b/i.test(withoutComments(input))) {
    return { detail: 'school holidays (SH) are not defined for Brussels (French- and Dutch-speaking schools have different calendars): give the dates instead' };
  }
  try {
    return { parsed: parse(input, locale) };
  } catch (e) {
    return { detail: errorText(e) };
  }
}

/** The library's canonical spelling ("mo-fr 9-17" → "Mo-Fr 09:00-17:00"), if it parses again. */
function prettified(parsed: Parsed, fallback: string): string {
  try {
    const pretty = parsed.prettifyValue();
    parse(pretty);
    return pretty;
  } catch {
    return fallback;
  }
}

/**
 * Checks an opening-hours value before it is stored. Empty means "not known" and is fine. Values the
 * library understands but had to guess at (e.g. "9-17" without minutes, "lundi") are accepted in their
 * normalized form, and the warnings say what was corrected, so the editor can check it.
 * `locale` is the language of `detail` and `warnings` (French or English; Dutch gets English).
 */
export function checkOpeningHours(value: string, locale: Locale = 'en'): OpeningHoursCheck {
  const input = joinLines(value);
  if (input === '') return { ok: true, normalized: '', warnings: [] };
  const result = parseChecked(input, locale);
  if ('detail' in result) return { ok: false, messageKey: 'epn_survey_error_opening_hours', detail: result.detail };
  const warnings = result.parsed.getStructuredWarnings().map((w) => w.message);
  return { ok: true, normalized: prettified(result.parsed, input), warnings };
}

/** Parsed values, by value: listing the directory evaluates the same few values again and again. */
const parsedCache = new Map<string, Parsed | null>();
const PARSED_CACHE_SIZE = 500;

/** The parsed value, or null when it is empty, too long or invalid (evaluated as "not known"). */
function parsedOrNull(value: string): Parsed | null {
  const input = joinLines(value);
  const cached = parsedCache.get(input);
  if (cached !== undefined) return cached;
  const result = input === '' ? null : parseChecked(input, 'en');
  const parsed = result && 'parsed' in result ? result.parsed : null;
  if (parsedCache.size >= PARSED_CACHE_SIZE) {
    const oldest = parsedCache.keys().next();
    if (!oldest.done) parsedCache.delete(oldest.value);
  }
  parsedCache.set(input, parsed);
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// Words

interface Words {
  notKnown: string;
  maybeOpen: string;
  openNow: string;
  alwaysOpen: string;
  closed: string;
  /** "jusqu'à 17 h 00", with the day phrase (today: empty) before the time. */
  until: (day: DayPhrase, time: string) => string;
  untilMidnight: string;
  opens: (day: DayPhrase, time: string) => string;
  time: (hour: number, minute: number) => string;
  allDay: string;
  /** A range of a weekly-schedule cell. */
  range: (from: string, to: string) => string;
  rangeTime: (hour: number, minute: number) => string;
  endOfDay: string;
}

/** When something happens, relative to now: today, tomorrow, a weekday this week, or a date. */
type DayPhrase = { kind: 'today' } | { kind: 'tomorrow' } | { kind: 'weekday'; name: string } | { kind: 'date'; text: string };

const pad2 = (n: number) => String(n).padStart(2, '0');

function englishTime(hour: number, minute: number): string {
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${h12}:${pad2(minute)} ${hour < 12 ? 'am' : 'pm'}`;
}

const WORDS: Record<Locale, Words> = {
  fr: {
    notKnown: 'Horaires non communiqués',
    maybeOpen: 'Ouverture à confirmer',
    openNow: 'Ouvert maintenant',
    alwaysOpen: 'Ouvert 24 h/24, 7 j/7',
    closed: 'Fermé',
    until: (d, t) => {
      switch (d.kind) {
        case 'today':
          return `jusqu'à ${t}`;
        case 'tomorrow':
          return `jusqu'à demain ${t}`;
        case 'weekday':
          return `jusqu'à ${d.name} ${t}`;
        case 'date':
          return `jusqu'au ${d.text} à ${t}`;
      }
    },
    untilMidnight: "jusqu'à minuit",
    opens: (d, t) => {
      switch (d.kind) {
        case 'today':
          return `ouvre aujourd'hui à ${t}`;
        case 'tomorrow':
          return `ouvre demain à ${t}`;
        case 'weekday':
          return `ouvre ${d.name} à ${t}`;
        case 'date':
          return `ouvre le ${d.text} à ${t}`;
      }
    },
    time: (h, m) => `${h} h ${pad2(m)}`,
    allDay: 'toute la journée',
    range: (a, b) => `${a} – ${b}`,
    rangeTime: (h, m) => `${h} h ${pad2(m)}`,
    endOfDay: '24 h 00'
  },
  nl: {
    notKnown: 'Openingsuren niet bekend',
    maybeOpen: 'Opening onder voorbehoud',
    openNow: 'Nu open',
    alwaysOpen: 'Dag en nacht open',
    closed: 'Gesloten',
    until: (d, t) => {
      switch (d.kind) {
        case 'today':
          return `tot ${t}`;
        case 'tomorrow':
          return `tot morgen ${t}`;
        case 'weekday':
          return `tot ${d.name} ${t}`;
        case 'date':
          return `tot ${d.text} om ${t}`;
      }
    },
    untilMidnight: 'tot middernacht',
    opens: (d, t) => {
      switch (d.kind) {
        case 'today':
          return `opent vandaag om ${t}`;
        case 'tomorrow':
          return `opent morgen om ${t}`;
        case 'weekday':
          return `opent ${d.name} om ${t}`;
        case 'date':
          return `opent op ${d.text} om ${t}`;
      }
    },
    time: (h, m) => `${h}.${pad2(m)} uur`,
    allDay: 'de hele dag',
    range: (a, b) => `${a} – ${b} uur`,
    rangeTime: (h, m) => `${h}.${pad2(m)}`,
    endOfDay: '24.00'
  },
  en: {
    notKnown: 'Opening hours not known',
    maybeOpen: 'Opening to be confirmed',
    openNow: 'Open now',
    alwaysOpen: 'Open 24/7',
    closed: 'Closed',
    until: (d, t) => {
      switch (d.kind) {
        case 'today':
          return `until ${t}`;
        case 'tomorrow':
          return `until tomorrow ${t}`;
        case 'weekday':
          return `until ${d.name} ${t}`;
        case 'date':
          return `until ${d.text} at ${t}`;
      }
    },
    untilMidnight: 'until midnight',
    opens: (d, t) => {
      switch (d.kind) {
        case 'today':
          return `opens today at ${t}`;
        case 'tomorrow':
          return `opens tomorrow at ${t}`;
        case 'weekday':
          return `opens ${d.name} at ${t}`;
        case 'date':
          return `opens on ${d.text} at ${t}`;
      }
    },
    time: englishTime,
    allDay: 'all day',
    range: (a, b) => `${a} – ${b}`,
    rangeTime: englishTime,
    endOfDay: 'midnight'
  }
};

// Weekday and date names come from Intl, in Brussels time, with formatters built once per locale.
const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB' };
const weekdayFormatters = new Map<Locale, Intl.DateTimeFormat>();
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function weekdayName(instant: Date, locale: Locale): string {
  let f = weekdayFormatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: BRUSSELS_TZ, weekday: 'long' });
    weekdayFormatters.set(locale, f);
  }
  return f.format(instant);
}

function dateText(instant: Date, locale: Locale, withYear: boolean): string {
  const key = `${locale}:${withYear}`;
  let f = dateFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: BRUSSELS_TZ, weekday: 'long', day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}) });
    dateFormatters.set(key, f);
  }
  return f.format(instant);
}

/** Whole calendar days from `a` to `b` (wall clocks), e.g. 1 for tomorrow. */
function calendarDaysBetween(a: WallClock, b: WallClock): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY);
}

function dayPhrase(now: Date, target: Date, locale: Locale): DayPhrase {
  const from = wallClockAt(now);
  const to = wallClockAt(target);
  const days = calendarDaysBetween(from, to);
  if (days <= 0) return { kind: 'today' };
  if (days === 1) return { kind: 'tomorrow' };
  // Within the coming week a weekday is unambiguous; further away, the date is needed.
  if (days < 7) return { kind: 'weekday', name: weekdayName(target, locale) };
  return { kind: 'date', text: dateText(target, locale, to.year !== from.year) };
}

// ---------------------------------------------------------------------------------------------
// Status now

export interface OpeningStatus {
  state: 'open' | 'closed' | 'unknown';
  /** When it closes (state open), if it does within a year. */
  until?: Date;
  /** Closed: when it opens next, if it does within a year. Unknown: when that state ends. */
  next?: Date;
  /** Plain-language status in the visitor's language. */
  text: string;
  /** The value's comment for this moment, e.g. "sur rendez-vous". */
  comment?: string;
}

function nextChange(parsed: Parsed, libraryNow: Date): Date | undefined {
  const change = parsed.getNextChange(libraryNow, new Date(libraryNow.getTime() + HORIZON));
  return change ? fromLibraryDate(change) : undefined;
}

function openText(now: Date, until: Date | undefined, w: Words, locale: Locale): string {
  if (!until) return w.alwaysOpen;
  const end = wallClockAt(until);
  const days = calendarDaysBetween(wallClockAt(now), end);
  // Closing at midnight tonight reads better as "until midnight" than "until tomorrow 0:00".
  if (days === 1 && end.hour === 0 && end.minute === 0) return `${w.openNow}, ${w.untilMidnight}`;
  return `${w.openNow}, ${w.until(dayPhrase(now, until, locale), w.time(end.hour, end.minute))}`;
}

/** `nextComment`: the comment of the coming opening (e.g. "sur rendez-vous"), worth saying now. */
function closedText(now: Date, next: Date | undefined, nextComment: string | undefined, w: Words, locale: Locale): string {
  if (!next) return w.closed;
  const start = wallClockAt(next);
  const text = `${w.closed}, ${w.opens(dayPhrase(now, next, locale), w.time(start.hour, start.minute))}`;
  return nextComment ? `${text} (${nextComment})` : text;
}

/**
 * Whether an EPN is open at `now`, in Brussels time whatever the server's time zone, with a sentence
 * for the visitor. An empty or invalid value is "unknown" ("opening hours not known"); a value whose
 * rule says "unknown" or only has a comment (e.g. `Mo 10:00-12:00 "sur rendez-vous"`) is "unknown"
 * too, with `next` set to when that changes.
 */
export function openingStatus(value: string, now: Date, locale: Locale): OpeningStatus {
  const w = WORDS[locale];
  const parsed = parsedOrNull(value);
  if (!parsed) return { state: 'unknown', text: w.notKnown };
  const libraryNow = toLibraryDate(now);
  const comment = parsed.getComment(libraryNow);
  const extra = comment ? { comment } : {};
  const change = nextChange(parsed, libraryNow);
  if (parsed.getUnknown(libraryNow)) {
    return { state: 'unknown', ...(change ? { next: change } : {}), text: comment ? `${w.maybeOpen} (${comment})` : w.maybeOpen, ...extra };
  }
  if (parsed.getState(libraryNow)) {
    return { state: 'open', ...(change ? { until: change } : {}), text: openText(now, change, w, locale), ...extra };
  }
  const nextComment = change ? parsed.getComment(toLibraryDate(change)) : undefined;
  return { state: 'closed', ...(change ? { next: change } : {}), text: closedText(now, change, nextComment, w, locale), ...extra };
}

// ---------------------------------------------------------------------------------------------
// Weekly schedule

export interface ScheduleDay {
  /** Weekday name, capitalised, e.g. "Lundi". */
  day: string;
  /** The date, YYYY-MM-DD (Brussels): public holidays make a week differ from the next. */
  date: string;
  /** Opening ranges as text, e.g. ["9 h 00 – 12 h 00", "13 h 00 – 17 h 00"]; empty when closed. */
  ranges: string[];
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

function rangeText(from: Date, to: Date, dayEnd: Date, w: Words): string {
  const start = wallClockOfLocalDate(from);
  const startsAtMidnight = start.hour === 0 && start.minute === 0;
  const endsAtMidnight = to.getTime() >= dayEnd.getTime();
  if (startsAtMidnight && endsAtMidnight) return w.allDay;
  const end = wallClockOfLocalDate(to);
  return w.range(w.rangeTime(start.hour, start.minute), endsAtMidnight ? w.endOfDay : w.rangeTime(end.hour, end.minute));
}

function dayRanges(parsed: Parsed, dayStart: Date, dayEnd: Date, w: Words): string[] {
  return parsed.getOpenIntervals(dayStart, dayEnd).map(([from, to, unknown, comment]) => {
    const text = rangeText(from, to, dayEnd, w);
    if (comment) return `${text} (${comment})`;
    return unknown ? `${text} (?)` : text;
  });
}

/**
 * The seven days (Monday first) of the Brussels week containing `weekOf`, with their opening ranges
 * as text for a table. Ranges are wall-clock times, so a DST night does not shift them. Returns an
 * empty list (no table) when the value is empty or invalid, since "closed every day" would be wrong.
 */
export function weeklySchedule(value: string, locale: Locale, weekOf: Date): ScheduleDay[] {
  const parsed = parsedOrNull(value);
  if (!parsed) return [];
  const w = WORDS[locale];
  const today = wallClockAt(weekOf);
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
  const monday = today.day - ((weekday + 6) % 7);
  return Array.from({ length: 7 }, (_, i) => {
    // Library dates of the day's bounds (Date normalises day overflow across months and years).
    const dayStart = new Date(today.year, today.month - 1, monday + i);
    const dayEnd = new Date(today.year, today.month - 1, monday + i + 1);
    const noon = new Date(Date.UTC(dayStart.getFullYear(), dayStart.getMonth(), dayStart.getDate(), 12));
    return {
      day: capitalise(weekdayName(noon, locale)),
      date: noon.toISOString().slice(0, 10),
      ranges: dayRanges(parsed, dayStart, dayEnd, w)
    };
  });
}
