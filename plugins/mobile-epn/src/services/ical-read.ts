import ICAL from 'ical.js';

// Reads an iCalendar text back with ical.js (a real parser, the one many web calendars use): for the
// feed tests, unit and end-to-end. Not used by the app itself.

export interface ReadEvent {
  uid: string;
  sequence: number;
  summary: string;
  location: string;
  description: string;
  status: string;
  geo: [number, number] | null;
  start: Date;
  end: Date;
  stamp: string;
  /** VALARM actions and triggers (seconds, negative = before the start). */
  alarms: { action: string; seconds: number }[];
}

export function readCalendar(text: string): { name: string; events: ReadEvent[] } {
  const cal = new ICAL.Component(ICAL.parse(text));
  return {
    name: String(cal.getFirstPropertyValue('x-wr-calname')),
    events: cal.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      const geo = v.getFirstPropertyValue('geo') as unknown as [number, number] | null;
      return {
        uid: e.uid,
        sequence: e.sequence,
        summary: e.summary,
        location: e.location,
        description: e.description,
        status: String(v.getFirstPropertyValue('status')),
        geo: geo ? [Number(geo[0]), Number(geo[1])] : null,
        start: e.startDate.toJSDate(),
        end: e.endDate.toJSDate(),
        stamp: String(v.getFirstPropertyValue('dtstamp')),
        alarms: v.getAllSubcomponents('valarm').map((a) => ({ action: String(a.getFirstPropertyValue('action')), seconds: (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds() }))
      };
    })
  };
}
