import type { Db } from '@passerelle/db';
import { validateSession, rolesFrom, loadRoleGrants, resolvePermissions } from '@passerelle/auth';
import { defaultGrants, type PluginManifest } from '@passerelle/plugin-sdk';
import type { Actor, Context, OutgoingMail, Role, Translate } from '@passerelle/trpc';
import { bridgesFor } from './bridges.ts';
import { coreManifest } from './core/permissions.ts';
import { enabledPlugins } from './core/services/plugin-switches.ts';
import { cached } from './core/services/settings-cache.ts';

/** role -> permissions granted by default by the core and by every installed plugin. */
export function permissionDefaults(manifests: readonly Pick<PluginManifest, 'permissions'>[]): Map<Role, Set<string>> {
  return defaultGrants([coreManifest, ...manifests]);
}

export interface CreateContextOptions {
  db: Db;
  sessionToken: string | null;
  locale: string;
  translate: Translate;
  ip: string | null;
  origin: string;
  pluginIds: ReadonlySet<string>;
  permissionDefaults: ReadonlyMap<Role, ReadonlySet<string>>;
  sendMail: (message: OutgoingMail) => Promise<void>;
  setSessionToken?: (token: string | null, expiresAt?: Date) => void;
}

/**
 * Resolves who is calling and what they may do: session -> user -> roles (global roles, plus
 * association_member when they belong to an organisation) -> permissions (manifest defaults with the
 * admin's overrides). Anonymous visitors get the permissions of no role at all.
 */
export async function createContext(opts: CreateContextOptions): Promise<Context> {
  const { db } = opts;
  const [session, overrides, enabled] = await Promise.all([
    opts.sessionToken ? validateSession({ db, token: opts.sessionToken }) : null,
    cached(db, 'role-grants', () => loadRoleGrants({ db })),
    cached(db, `plugins:${[...opts.pluginIds].sort().join(',')}`, () => enabledPlugins({ db, pluginIds: opts.pluginIds }))
  ]);

  let actor: Actor | null = null;
  if (session) {
    const { roles, memberships } = rolesFrom(session.roles, session.memberships);
    actor = {
      id: session.user.id,
      email: session.user.email,
      displayName: session.user.displayName,
      locale: session.user.locale,
      roles,
      memberships
    };
  }
  const permissions = actor ? resolvePermissions({ roles: actor.roles, defaults: opts.permissionDefaults, overrides }) : new Set<string>();

  return {
    db,
    actor,
    permissions,
    permissionDefaults: opts.permissionDefaults,
    locale: opts.locale,
    translate: opts.translate,
    sessionId: session?.session.id ?? null,
    ip: opts.ip,
    origin: opts.origin,
    pluginIds: opts.pluginIds,
    enabledPlugins: enabled,
    sendMail: opts.sendMail,
    bridges: bridgesFor(enabled),
    ...(opts.setSessionToken ? { setSessionToken: opts.setSessionToken } : {})
  };
}
