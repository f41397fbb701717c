import { getDb } from '@passerelle/db';
import { permissionDefaults } from '@passerelle/api';
import { PLUGINS, PLUGIN_IDS } from '$lib/plugins.ts';

// Process-wide values of the server: the permission defaults of all manifests.

export const defaults = permissionDefaults(PLUGINS);
export { PLUGIN_IDS };

export async function checkDatabase(): Promise<void> {
  await getDb().$queryRaw`SELECT 1`;
}
