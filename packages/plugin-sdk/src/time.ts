// Dates typed by staff are Brussels wall-clock times ("2026-12-01T10:00" from <input type=datetime-local>),
// whatever the server's time zone.
export const TIME_ZONE = 'Europe/Brussels';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit'
});

/** Milliseconds to add to UTC to get Brussels wall-clock time at that instant. */
function offsetAt(ms: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!) - Math.floor(ms / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "YYYY-MM-DDTHH:mm" as Brussels time -> the instant; null when malformed. */
export function fromBrusselsLocal(value: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  if (Number.isNaN(wall)) return null;
  let guess = wall - offsetAt(wall);
  guess = wall - offsetAt(guess);
  return new Date(guess);
}

/** The instant as Brussels wall-clock "YYYY-MM-DDTHH:mm", for <input type=datetime-local>. */
export function toBrusselsLocal(date: Date): string {
  return new Date(date.getTime() + offsetAt(date.getTime())).toISOString().slice(0, 16);
}

/** Midnight (Brussels) of the day holding `now`. */
export function startOfBrusselsDay(now: Date = new Date()): Date {
  const local = toBrusselsLocal(now).slice(0, 10);
  return fromBrusselsLocal(`${local}T00:00`)!;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const weekdayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, weekday: 'short' });

/** Brussels wall-clock facts of an instant: the date, ISO weekday (1 = Monday) and minute of the day. */
export function brusselsParts(date: Date): { day: string; weekday: number; minute: number } {
  const local = toBrusselsLocal(date);
  return { day: local.slice(0, 10), weekday: WEEKDAYS[weekdayFormat.format(date)]!, minute: +local.slice(11, 13) * 60 + +local.slice(14, 16) };
}

/** The instant of a Brussels date ("YYYY-MM-DD") at a minute of the day (0..1440). */
export function brusselsInstant(day: string, minute: number): Date | null {
  if (minute === 1440) {
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return fromBrusselsLocal(`${next}T00:00`);
  }
  return fromBrusselsLocal(`${day}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
}

/** The Brussels date `n` days after `day` ("YYYY-MM-DD"). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
