import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyRouter } from '@trpc/server';
import { ZPluginManifest, messagePrefix, type PluginManifest } from './manifest.ts';

// The contract every plugin must keep. `checkPluginContract` returns the list of problems, so that the
// SDK can prove each rule with a fixture plugin; `expectPluginContract` is what plugin tests call.

export const LOCALES = ['fr', 'nl', 'en'] as const;

export interface ContractInput {
  manifest: PluginManifest;
  /** The plugin's own router. */
  router: AnyRouter;
  /** Folder holding fr.json, nl.json, en.json. */
  messagesDir: string;
  /** The host's routes folder (apps/web/src/routes); when given, every manifest route needs a shim. */
  appRoutesDir?: string;
  /** The host's root router; when given, the plugin's router must be registered under its id. */
  rootRouter?: AnyRouter;
}

interface ProcedureDef {
  _def: { meta?: { access?: string; permission?: string }; type?: string };
}

/** Every procedure of a router as [path, meta]. */
export function listProcedures(router: AnyRouter): Array<[string, { access?: string; permission?: string } | undefined]> {
  const procedures = router._def.procedures as Record<string, ProcedureDef>;
  return Object.entries(procedures).map(([path, p]) => [path, p._def.meta]);
}

function readMessages(dir: string, locale: string): Record<string, unknown> | null {
  const file = join(dir, `${locale}.json`);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** Where SvelteKit looks for a route: any folder chain (route groups allowed) ending in +page.svelte or +server.ts. */
function hasShim(routesDir: string, route: string): boolean {
  const segments = route.split('/').filter(Boolean);
  const search = (dir: string, rest: string[]): boolean => {
    if (!existsSync(dir)) return false;
    const entries = readdirSync(dir, { withFileTypes: true });
    if (rest.length === 0) {
      if (entries.some((e) => e.isFile() && /^\+(page\.svelte|server\.(ts|js))$/.test(e.name))) return true;
    }
    return entries.some((e) => {
      if (!e.isDirectory()) return false;
      if (/^\(.+\)$/.test(e.name) || /^\[\[.+\]\]$/.test(e.name)) return search(join(dir, e.name), rest); // groups, optional params
      return rest.length > 0 && e.name === rest[0] && search(join(dir, e.name), rest.slice(1));
    });
  };
  return search(routesDir, segments);
}

function paramsOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

export function checkPluginContract(input: ContractInput): string[] {
  const problems: string[] = [];
  const { manifest } = input;
  const parsed = ZPluginManifest.safeParse(manifest);
  if (!parsed.success) {
    problems.push(`manifest is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return problems;
  }
  const id = manifest.id;

  for (const p of manifest.permissions) {
    if (!p.id.startsWith(`${id}.`)) problems.push(`permission ${p.id} must start with "${id}."`);
  }
  for (const nav of manifest.nav) {
    if (!manifest.routes.includes(nav.href)) problems.push(`nav entry ${nav.href} is not one of the manifest routes`);
  }
  for (const route of manifest.embeddable ?? []) {
    if (!manifest.routes.includes(route)) problems.push(`embeddable route ${route} is not one of the manifest routes`);
  }
  for (const upload of manifest.streamedUploads ?? []) {
    if (!manifest.routes.includes(upload.route)) problems.push(`streamed upload route ${upload.route} is not one of the manifest routes`);
  }

  // Permissions <-> procedures.
  const procedures = listProcedures(input.router);
  const declared = new Set(manifest.permissions.map((p) => p.id));
  const used = new Set<string>();
  for (const [path, meta] of procedures) {
    if (!meta?.access) problems.push(`procedure ${path} does not declare who may call it`);
    if (meta?.access === 'permission' && meta.permission) {
      used.add(meta.permission);
      if (!declared.has(meta.permission)) problems.push(`procedure ${path} uses undeclared permission ${meta.permission}`);
    }
  }
  for (const p of declared) if (!used.has(p)) problems.push(`permission ${p} is not used by any procedure`);

  // Registration in the root router.
  if (input.rootRouter) {
    const record = input.rootRouter._def.record as Record<string, unknown>;
    if (record[id] === undefined) problems.push(`router is not registered in the root router under "${id}"`);
    else {
      const rootPaths = new Set(Object.keys(input.rootRouter._def.procedures as object));
      for (const [path] of procedures) if (!rootPaths.has(`${id}.${path}`)) problems.push(`procedure ${id}.${path} is missing from the root router`);
    }
  }

  // Shims in the host app.
  if (input.appRoutesDir) {
    for (const route of manifest.routes) {
      if (!hasShim(input.appRoutesDir, route)) problems.push(`route ${route} has no shim in the app (${input.appRoutesDir})`);
    }
  }

  // Messages: same keys in every language, namespaced, non-empty, same parameters.
  const prefix = messagePrefix(id);
  const catalogs = LOCALES.map((l) => [l, readMessages(input.messagesDir, l)] as const);
  const allKeys = new Set<string>();
  for (const [locale, messages] of catalogs) {
    if (!messages) problems.push(`messages/${locale}.json is missing`);
    else for (const key of Object.keys(messages)) if (key !== '$schema') allKeys.add(key);
  }
  const needed = [manifest.nameKey, ...(manifest.descriptionKey ? [manifest.descriptionKey] : []), ...manifest.nav.map((n) => n.labelKey)];
  for (const key of needed) allKeys.add(key);
  for (const key of allKeys) {
    if (!key.startsWith(prefix)) problems.push(`message key ${key} must start with "${prefix}"`);
    let reference: string[] | null = null;
    for (const [locale, messages] of catalogs) {
      if (!messages) continue;
      const value = messages[key];
      if (typeof value !== 'string' || value.trim() === '') {
        problems.push(`message ${key} is missing in ${locale}`);
        continue;
      }
      const params = paramsOf(value);
      if (reference === null) reference = params;
      else if (params.join(',') !== reference.join(',')) problems.push(`message ${key} has different parameters in ${locale}`);
    }
  }
  return problems;
}

/** For a plugin's manifest.test.ts: fails with every problem listed. */
export function expectPluginContract(input: ContractInput): void {
  const problems = checkPluginContract(input);
  if (problems.length > 0) {
    throw new Error(`Plugin "${input.manifest.id}" breaks the plugin contract:\n- ${problems.join('\n- ')}`);
  }
}
