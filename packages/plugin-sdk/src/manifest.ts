import { z } from 'zod';
import { ROLES, type Role } from '@passerelle/trpc';

// The manifest is everything the host knows about a plugin besides its router.

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const PERMISSION = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9_-]*\.[a-z][a-z0-9_-]*$/;
/** A route path as the host serves it, without the language prefix, e.g. "/ideas/[id]". */
const ROUTE = /^\/[a-z0-9\-/[\].]*$/;

export const ZPermission = z.object({
  id: z.string().regex(PERMISSION),
  /** Roles that hold it unless an admin overrides the grant. */
  defaultRoles: z.array(z.enum(ROLES))
});

export const ZNavEntry = z.object({
  href: z.string().regex(ROUTE),
  labelKey: z.string().min(1),
  /** Shown only to people holding this permission; public when absent. */
  permission: z.string().regex(PERMISSION).optional()
});

export const ZPluginManifest = z.object({
  id: z.string().regex(ID),
  nameKey: z.string().min(1),
  descriptionKey: z.string().min(1).optional(),
  nav: z.array(ZNavEntry),
  permissions: z.array(ZPermission),
  routes: z.array(z.string().regex(ROUTE)).min(1),
  /** Routes that other sites may show in an iframe (frame-ancestors is relaxed there only). */
  embeddable: z.array(z.string().regex(ROUTE)).default([]),
  /**
   * Form actions that receive files larger than the server's BODY_SIZE_LIMIT (e.g. survey microdata): the
   * host does not limit their body; the action must read it with receiveFile (plugin-sdk/server), which
   * streams the file within the action's own limit. Every other request keeps BODY_SIZE_LIMIT.
   */
  streamedUploads: z.array(z.object({ route: z.string().regex(ROUTE), action: z.string().regex(/^[a-z][a-zA-Z0-9_]*$/) })).default([]),
  /** Settings an admin may change, validated by this schema. */
  settings: z.custom<z.ZodType>((v) => v instanceof z.ZodType).optional()
});

export type PluginManifest = z.input<typeof ZPluginManifest> & { settings?: z.ZodType };
export type Permission = z.infer<typeof ZPermission>;
export type NavEntry = z.infer<typeof ZNavEntry>;

/** Declares a plugin manifest; throws early when it is malformed. */
export function definePlugin<const M extends PluginManifest>(manifest: M): M {
  ZPluginManifest.parse(manifest);
  return manifest;
}

/** Message keys of a plugin start with its id as an identifier: "epn-survey" -> "epn_survey_". */
export function messagePrefix(pluginId: string): string {
  return `${pluginId.replace(/-/g, '_')}_`;
}

/** role -> permissions granted by default, over a list of manifests. */
export function defaultGrants(manifests: readonly { permissions: readonly { id: string; defaultRoles: readonly Role[] }[] }[]): Map<Role, Set<string>> {
  const grants = new Map<Role, Set<string>>(ROLES.map((r) => [r, new Set<string>()]));
  for (const manifest of manifests) {
    for (const permission of manifest.permissions) {
      for (const role of permission.defaultRoles) grants.get(role)!.add(permission.id);
    }
  }
  return grants;
}

/** Does a concrete path (without language prefix) fall under a manifest route pattern? */
export function routeMatches(pattern: string, path: string): boolean {
  const re = new RegExp(
    '^' +
      pattern
        .replace(/\/$/, '')
        .split('/')
        .map((part) => (/^\[\.\.\.[^\]]+\]$/.test(part) ? '.*' : /^\[[^\]]+\]$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|\\]/g, '\\$&')))
        .join('/') +
      '/?$'
  );
  return re.test(path);
}
