import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { t } from '@passerelle/i18n';
import { failure } from '@passerelle/plugin-sdk/forms';
import { ZCreateRequest } from '../services/requests.ts';
import { ZAvailability } from '../services/trainers.ts';
import { ZVenueInput } from '../services/venues.ts';
import { explain } from './dir-common.ts';
import { renameWith } from './request-form.ts';
import { windowsFromForm } from './trainer-form.ts';

// A refused form names each field with the schema's own message, in the visitor's language (the API
// itself only says "not valid" for a field).

/** What the API answers for this input: a TRPCError around the schema's ZodError. */
function refusedBy(schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, input: unknown) {
  const parsed = schema.safeParse(input);
  expect(parsed.success).toBe(false);
  return new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error as Error });
}

const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
};

describe('form errors of the directory and request pages', () => {
  it('a venue with a postcode of another commune and no capacity: each field says what to write, in Dutch', () => {
    const venue = { type: 'care_home', name: 'Les Tilleuls', street: 'Rue des Tilleuls 12', postcode: '1000', communeNis: '21012', latitude: 50.85, longitude: 4.32, capacity: Number.NaN };
    const page = explain(failure(refusedBy(ZVenueInput, venue), form({ name: 'Les Tilleuls' }), 'nl', { rename: (p) => p }), ZVenueInput, venue, 'nl');
    expect(page.data.errors).toEqual({ capacity: t('mobile_epn_dir_error_capacity', undefined, { locale: 'nl' }) });
    // The postcode check runs once the fields themselves are readable.
    const readable = { ...venue, capacity: 12 };
    const second = explain(failure(refusedBy(ZVenueInput, readable), form({}), 'nl'), ZVenueInput, readable, 'nl');
    expect(second.data.errors).toEqual({ postcode: t('mobile_epn_dir_error_postcode_commune', undefined, { locale: 'nl' }) });
    expect(second.data.errors.postcode).not.toBe('mobile_epn_dir_error_postcode_commune');
    expect(second.data.values.name).toBeUndefined();
  });

  it("a request's second window ends before it starts: the message lands on that window's end field", () => {
    const soon = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 16);
    const input = { topic: 'email', language: 'fr', participants: 0, durationMinutes: 120, windows: [{ from: soon(12), to: soon(11) }], place: { kind: 'venue', venueId: 'v1' } };
    // The form's first pair was left empty: the window is the form's pair number 1 ("w1.*").
    const rename = renameWith([1]);
    const page = explain(failure(refusedBy(ZCreateRequest, input), form({}), 'en', { rename }), ZCreateRequest, input, 'en', rename);
    expect(page.data.errors).toEqual({ participants: t('mobile_epn_dir_error_participants', undefined, { locale: 'en' }), 'w1.to': t('mobile_epn_dir_error_window_dates_order', undefined, { locale: 'en' }) });
  });

  it('availability rows: an overlap is shown on the row that overlaps', () => {
    const { windows, names } = windowsFromForm(form({ 'a.1.0.start': '09:00', 'a.1.0.end': '12:00', 'a.1.2.start': '11:00', 'a.1.2.end': '13:00', 'a.3.0.start': '', 'a.3.0.end': '' }));
    expect(names).toEqual(['a.1.0', 'a.1.2']);
    const rename = (path: string) => path.replace(/^(\d+)\.(start|end)$/, (_m, i: string, end: string) => `${names[Number(i)]}.${end}`);
    const page = explain(failure(refusedBy(ZAvailability, windows), form({}), 'fr', { rename }), ZAvailability, windows, 'fr', rename);
    expect(page.data.errors).toEqual({ 'a.1.2.start': t('mobile_epn_dir_error_window_overlap', undefined, { locale: 'fr' }) });
  });
});
