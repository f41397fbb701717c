// Messages looked up by key at run time (keys that come as data, such as an API error's messageKey).
// Kept apart from index.ts: referencing the catalogue by key keeps every message in the bundle.
import * as messages from './paraglide/messages.js';
import { toLocale, type Locale } from './paraglide/runtime.js';

/** Every message name, e.g. "nav_home" or "epn_survey_title". */
export type MessageKey = keyof typeof messages.m;
export type MessageParams = Record<string, string | number>;

type AnyMessage = (inputs?: MessageParams, options?: { locale?: Locale }) => string;

function lookup(key: string): AnyMessage | undefined {
  const fn = Object.hasOwn(messages.m, key) ? (messages.m as Record<string, unknown>)[key] : undefined;
  return typeof fn === 'function' ? (fn as AnyMessage) : undefined;
}

/** Whether a message with this key exists. */
export function hasMessage(key: string): key is MessageKey {
  return lookup(key) !== undefined;
}

export interface TranslateOptions {
  /** Language to use; defaults to the current one (getLocale()). An unknown value is ignored. */
  locale?: Locale | string;
  /** Key to use when `key` does not exist, e.g. "error_internal" for an unknown error code. */
  fallback?: string;
}

/**
 * Looks a message up by its key at run time: for keys that come as data, such as the
 * `messageKey` of an API error ("error_rate_limited", { seconds: 30 }). In components, prefer
 * `m.nav_home()`, which is type-checked. Returns the key itself when no message matches.
 */
export function t(key: string, params?: MessageParams, options: TranslateOptions = {}): string {
  const fn = lookup(key) ?? (options.fallback !== undefined ? lookup(options.fallback) : undefined);
  if (!fn) return key;
  const locale = toLocale(options.locale);
  return fn(params ?? {}, locale ? { locale } : {});
}

