import type { PluginManifest } from '@passerelle/plugin-sdk';
import { t } from '@passerelle/i18n';

export interface NavItem {
  href: string;
  /** Translated on the server, so the browser never loads the whole message catalogue. */
  label: string;
  pluginId: string;
}

/** The main navigation: nav entries of switched-on plugins that the visitor may see. */
export function buildNav({ manifests, enabledPlugins, permissions, locale }: { manifests: readonly PluginManifest[]; enabledPlugins: ReadonlySet<string>; permissions: ReadonlySet<string>; locale: string }): NavItem[] {
  return manifests
    .filter((p) => enabledPlugins.has(p.id))
    .flatMap((p) => p.nav.filter((n) => !n.permission || permissions.has(n.permission)).map((n) => ({ href: n.href, label: t(n.labelKey, undefined, { locale }), pluginId: p.id })));
}
