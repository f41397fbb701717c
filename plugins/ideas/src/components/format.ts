import { m } from '@passerelle/i18n';
import type { Phase } from '../services/phases.ts';

const TZ = 'Europe/Brussels';

// Building an Intl.DateTimeFormat costs far more than formatting with one (an idea page formats a
// date per comment), so there is one formatter per language and style.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : `${locale}-BE`, { dateStyle: 'long', ...(withTime ? { timeStyle: 'short' } : {}), timeZone: TZ });
    formatters.set(key, f);
  }
  return f;
}

export function formatDate(date: Date | string, locale: string): string {
  return formatter(locale, false).format(new Date(date));
}

export function formatDateTime(date: Date | string, locale: string): string {
  return formatter(locale, true).format(new Date(date));
}

export function phaseLabel(phase: Phase): string {
  return {
    upcoming: m.ideas_phase_upcoming,
    submission: m.ideas_phase_submission,
    review: m.ideas_phase_review,
    vote: m.ideas_phase_vote,
    results: m.ideas_phase_results,
    followup: m.ideas_phase_followup
  }[phase]();
}

export const LANGUAGE_NAMES: Record<string, string> = { fr: 'Français', nl: 'Nederlands', en: 'English' };

/** What a refused form sends back (see @passerelle/plugin-sdk/forms). */
export interface FormResult {
  message?: string;
  code?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  done?: string;
  [key: string]: unknown;
}
