import { attempt as sdkAttempt } from '@passerelle/plugin-sdk/forms';
import { AppError, toTRPCError } from '@passerelle/trpc';
import { checkAlt, processImage, type ProcessedImage } from '../services/images.ts';
import { checked, field, numberField } from '@passerelle/plugin-sdk/server';
import { pickedPoint } from '@passerelle/ui/static-map/pick.ts';

/** The idea fields as typed in the form; the procedure's schema validates them. */
export function ideaFieldsFromForm(form: FormData) {
  const lat = field(form, 'latitude');
  const lng = field(form, 'longitude');
  return {
    title: field(form, 'title'),
    summary: field(form, 'summary'),
    description: field(form, 'description'),
    categoryId: field(form, 'categoryId') || null,
    communeNis: field(form, 'communeNis'),
    latitude: lat ? numberField(form, 'latitude') : null,
    longitude: lng ? numberField(form, 'longitude') : null,
    language: field(form, 'language') as 'fr' | 'nl' | 'en',
    showAuthorName: checked(form, 'showAuthorName')
  };
}

export function citizenFromForm(form: FormData) {
  return {
    initials: field(form, 'initials'),
    birthYear: numberField(form, 'birthYear'),
    communeNis: field(form, 'citizenCommune'),
    consent: (checked(form, 'consent') ? true : false) as true
  };
}

/** Input paths of the procedures -> names of the form fields (for errors next to the right field). */
export const formFieldOf = (path: string) =>
  path
    .replace(/^(fields|input)\./, '')
    .replace(/^citizen\.communeNis$/, 'citizenCommune')
    .replace(/^citizen\./, '');

/** `attempt` from the SDK, with errors placed next to this plugin's form fields. */
export function attempt<T>(form: FormData, locale: string, run: () => Promise<T>) {
  return sdkAttempt(form, locale, run, { rename: formFieldOf });
}

/** A service call from a form action: domain errors become the same form failure as a procedure's. */
export function attemptService<T>(form: FormData, locale: string, run: () => Promise<T>) {
  return attempt(form, locale, () =>
    run().catch((e: unknown) => {
      throw e instanceof AppError ? toTRPCError(e) : e;
    })
  );
}

/** The picture sent with an idea form, checked and re-encoded; null when none was chosen. */
export async function imageFromForm(form: FormData): Promise<{ bytes: Uint8Array; processed: ProcessedImage; alt: string } | null> {
  const file = form.get('image');
  if (!(file instanceof File) || file.size === 0) return null;
  const alt = checkAlt(String(form.get('imageAlt') ?? ''));
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { bytes, processed: await processImage(bytes), alt };
}

/**
 * The point clicked on the map (an <input type="image" name="pick">, see @passerelle/ui's pick.ts).
 * Returns the form's values with the new point, or without any point when "remove" was asked or the
 * click fell outside the Region.
 */
export function pickPoint(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === 'string' && !/^pick\.|^remove-point$/.test(k)) values[k] = v;
  delete values.latitude;
  delete values.longitude;
  if (form.get('remove-point') !== null) return values;
  return { ...values, ...pickedPoint(form) };
}
