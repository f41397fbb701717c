// Filesystem locations shared by the client factory, the CLI and the tests.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The monorepo root: the nearest folder above this module that holds pnpm-workspace.yaml.
 * Found by walking up rather than by a fixed `../..`, because the app's build may bundle this
 * module into apps/web/build/.
 */
export const REPO_ROOT = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
/** packages/db: prisma.config.ts, the schema and the migrations live here. */
export const DB_PACKAGE_DIR = path.join(REPO_ROOT, 'packages', 'db');
export const MIGRATIONS_DIR = path.join(DB_PACKAGE_DIR, 'prisma', 'migrations');

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`@passerelle/db: no pnpm-workspace.yaml above ${from}`);
  }
}

/**
 * Where the embedded database lives: PGLITE_DIR, else <repo root>/data/pglite.
 * A relative PGLITE_DIR is resolved against the repo root, not the cwd, because pnpm runs each
 * package's scripts in its own folder and the app and the CLI must agree on one directory.
 * `memory://` (an in-memory PGlite) is passed through unchanged.
 */
export function resolvePgliteDir(dir: string | undefined = process.env.PGLITE_DIR): string {
  if (!dir) return path.join(REPO_ROOT, 'data', 'pglite');
  if (dir.startsWith('memory://')) return dir;
  return path.resolve(REPO_ROOT, dir);
}
