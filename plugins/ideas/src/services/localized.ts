import { z } from 'zod';

// Texts written by staff exist in the three languages of the Region; citizens' texts are kept as typed.

export const LOCALES = ['fr', 'nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type Localized = Record<Locale, string>;

export function zLocalized(max: number, min = 1) {
  return z.object({
    fr: z.string().trim().min(min).max(max),
    nl: z.string().trim().min(min).max(max),
    en: z.string().trim().min(min).max(max)
  });
}

/** The text in `locale`, else French, else any language that has it. */
export function pick(value: unknown, locale: string): string {
  if (!value || typeof value !== 'object') return '';
  const v = value as Partial<Record<string, unknown>>;
  const text = v[locale] ?? v.fr ?? v.nl ?? v.en;
  return typeof text === 'string' ? text : '';
}

export function asLocalized(value: unknown): Localized {
  return { fr: pick(value, 'fr'), nl: pick(value, 'nl'), en: pick(value, 'en') };
}
