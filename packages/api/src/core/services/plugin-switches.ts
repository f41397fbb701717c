import type { Db } from '@passerelle/db';
import { audit } from '@passerelle/auth';
import { invalidate } from './settings-cache.ts';

// A plugin is on unless the environment (PASSERELLE_DISABLED_PLUGINS=ideas,barometer) or an admin
// (Setting "plugins.disabled") switches it off. The environment wins: an admin cannot switch on a
// plugin the deployment has disabled. Tables of a disabled plugin stay, so the schema is unchanged.

const SETTING_KEY = 'plugins.disabled';

export function envDisabledPlugins(env: Record<string, string | undefined> = process.env): Set<string> {
  return new Set((env.PASSERELLE_DISABLED_PLUGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean));
}

export async function adminDisabledPlugins({ db }: { db: Db }): Promise<Set<string>> {
  const row = await db.setting.findUnique({ where: { key: SETTING_KEY } });
  return new Set(Array.isArray(row?.value) ? (row.value as unknown[]).filter((v): v is string => typeof v === 'string') : []);
}

export async function enabledPlugins({ db, pluginIds }: { db: Db; pluginIds: Iterable<string> }): Promise<Set<string>> {
  const off = new Set([...envDisabledPlugins(), ...(await adminDisabledPlugins({ db }))]);
  return new Set([...pluginIds].filter((id) => !off.has(id)));
}

export interface PluginSwitch {
  id: string;
  enabled: boolean;
  /** Switched off by the deployment's environment: admins cannot change it. */
  lockedByEnv: boolean;
}

export async function listPluginSwitches({ db, pluginIds }: { db: Db; pluginIds: Iterable<string> }): Promise<PluginSwitch[]> {
  const env = envDisabledPlugins();
  const admin = await adminDisabledPlugins({ db });
  return [...pluginIds].map((id) => ({ id, enabled: !env.has(id) && !admin.has(id), lockedByEnv: env.has(id) }));
}

export async function setPluginEnabled({ db, actorId, pluginId, enabled }: { db: Db; actorId: string; pluginId: string; enabled: boolean }): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: SETTING_KEY } });
    const current = new Set(Array.isArray(row?.value) ? (row.value as string[]) : []);
    if (enabled) current.delete(pluginId);
    else current.add(pluginId);
    const value = [...current].sort();
    await tx.setting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, value, updatedById: actorId }, update: { value, updatedById: actorId } });
    await audit({ db: tx as Db, actorId, action: enabled ? 'plugin.enable' : 'plugin.disable', targetType: 'plugin', targetId: pluginId });
  });
  invalidate(db);
}
