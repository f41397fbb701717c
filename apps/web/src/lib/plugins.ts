import type { PluginManifest } from '@passerelle/plugin-sdk';
import { ideasManifest } from '@passerelle/plugin-ideas';
import { epnSurveyManifest } from '@passerelle/plugin-epn-survey';
import { mobileEpnManifest } from '@passerelle/plugin-mobile-epn';
import { barometerManifest } from '@passerelle/plugin-barometer';

/**
 * The literal list of installed plugins. Adding a plugin = one line here, one line in the root router
 * (packages/api/src/root.ts), its route shims under src/routes/(app)/<id>/, its .prisma file and a
 * migration. The contract test (src/lib/plugins.test.ts) fails if any of these is missing.
 */
export const PLUGINS: readonly PluginManifest[] = [ideasManifest, epnSurveyManifest, mobileEpnManifest, barometerManifest];

export const PLUGIN_IDS: ReadonlySet<string> = new Set(PLUGINS.map((p) => p.id));
