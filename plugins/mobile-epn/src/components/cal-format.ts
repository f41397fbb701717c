// Formatting for the calendar pages: Brussels dates ("YYYY-MM-DD") in words, in the page's language.

const tag = (locale: string) => (locale === 'en' ? 'en-GB' : `${locale}-BE`);

/** "mardi 9 mars 2027" */
export function longDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${day}T12:00:00Z`));
}

/** "mar. 9 mars" */
export function shortDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${day}T12:00:00Z`));
}

/** "mars 2027" */
export function monthName(day: string, locale: string): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(`${day}T12:00:00Z`));
}

/** Weekday names, Monday first. */
export function weekdayNames(locale: string): string[] {
  // 2027-03-01 is a Monday.
  return Array.from({ length: 7 }, (_, i) => new Intl.DateTimeFormat(tag(locale), { timeZone: 'UTC', weekday: 'long' }).format(new Date(Date.UTC(2027, 2, 1 + i, 12))));
}

/** Day of the month, "9". */
export const dayNumber = (day: string) => String(Number(day.slice(8, 10)));
