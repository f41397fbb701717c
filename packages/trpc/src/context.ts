import type { Db } from '@passerelle/db';

import type { OrgRole, Role } from './roles.ts';

export interface OrgMembership {
  organisationId: string;
  role: OrgRole;
}

/** The signed-in person, as procedures and services see them. */
export interface Actor {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  roles: Role[];
  memberships: OrgMembership[];
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface Context {
  db: Db;
  actor: Actor | null;
  /** Permissions of the actor (or of an anonymous visitor), after manifest defaults and admin overrides. */
  permissions: ReadonlySet<string>;
  locale: string;
  translate: Translate;
  sessionId: string | null;
  ip: string | null;
  /** role -> permissions granted by the manifests (before admin overrides). */
  permissionDefaults: ReadonlyMap<Role, ReadonlySet<string>>;
  /** Ids of every installed plugin, and of those that are switched on. */
  pluginIds: ReadonlySet<string>;
  enabledPlugins: ReadonlySet<string>;
  /** Sets or clears the session cookie, for procedures that log in or out. */
  setSessionToken?: (token: string | null, expiresAt?: Date) => void;
  /** Absolute origin of the site (for links in emails). */
  origin: string;
  /** Sends an email over SMTP. */
  sendMail: (message: OutgoingMail) => Promise<void>;
  /** What other plugins offer this one (wired by packages/api); a missing entry = that plugin is absent or off. */
  bridges?: Bridges;
}

/**
 * Services one plugin offers to another. A plugin never imports another plugin: the owner exposes a
 * small typed service, packages/api puts it here, and the other side calls it through the context.
 */
export interface Bridges {
  /** epn-survey: records (or, called again with the same externalRef, corrects) a mobile workshop's activity report. */
  recordMobileActivity?: (args: { db: Db; actor: Actor; activity: MobileActivity }) => Promise<{ id: string }>;
  /** barometer: context figures per commune for a year, offered by other plugins (EPNs per 10,000 residents, mobile sessions held...). */
  barometerContext?: readonly BarometerContextProvider[];
}

/** FR/NL/EN text. */
export interface LocalizedText {
  fr: string;
  nl: string;
  en: string;
}

/** One context figure per Brussels commune for a year, shown beside a barometer indicator on its map. */
export interface BarometerContextFigure {
  /** Stable id, prefixed by the offering plugin, e.g. "epn-survey.epns_per_10k". */
  id: string;
  label: LocalizedText;
  /** e.g. "per 10,000 residents aged 16–74", "sessions". */
  unit: LocalizedText;
  /** Where the figure comes from and how it is computed, in plain language. */
  source: LocalizedText;
  /** NIS code of each of the 19 communes -> value (null: no data for that commune). */
  values: Record<string, number | null>;
}

/**
 * Offered by a plugin: its figures for a year. `population` is the barometer edition's estimated number of
 * residents in the survey population (16–74) per commune (sum of weights), for rates "per 10,000 residents".
 */
export type BarometerContextProvider = (args: { db: Db; year: number; population: Readonly<Record<string, number>> }) => Promise<BarometerContextFigure[]>;

/** A mobile workshop as an activity report: place "mobile", anonymous counts by age band then gender. */
export interface MobileActivity {
  externalRef: string;
  organisationId: string;
  /** Brussels date, YYYY-MM-DD. */
  date: string;
  durationMinutes: number;
  sessionType: 'group' | 'individual';
  topics: string[];
  attendees: Record<string, Record<string, number>>;
  note: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export function hasPermission(ctx: Pick<Context, 'permissions'>, permission: string): boolean {
  return ctx.permissions.has(permission);
}

/** True when the actor belongs to the organisation (optionally as its admin). */
export function isMemberOf(actor: Actor | null, organisationId: string, role?: 'admin'): boolean {
  return !!actor?.memberships.some((m) => m.organisationId === organisationId && (!role || m.role === role));
}
