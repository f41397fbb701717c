// Applies pending migrations (`prisma migrate deploy`) before the app opens its database.
// The CLI runs in a child process that exits when done: PGlite is single-process, so the app must
// call this BEFORE getDb()/createDb() on the same directory.
import { mkdirSync } from 'node:fs';
import { runPrismaCli, type DbTarget } from './cli/prisma-cli.ts';
import { resolvePgliteDir } from './paths.ts';

export interface MigrateOptions {
  /** PostgreSQL connection string. Default: DATABASE_URL. */
  databaseUrl?: string;
  /** PGlite directory, used when there is no databaseUrl. Default: PGLITE_DIR or <repo>/data/pglite. */
  pgliteDir?: string;
  /** Where the one-line summary goes (default console.log); false for silence. */
  log?: ((message: string) => void) | false;
}

export async function migrateDeploy(opts: MigrateOptions = {}): Promise<void> {
  const log = opts.log === false ? () => {} : (opts.log ?? console.log);
  const databaseUrl = opts.databaseUrl || (opts.pgliteDir ? undefined : process.env.DATABASE_URL);
  let target: DbTarget;
  let where: string;
  if (databaseUrl) {
    target = { databaseUrl };
    where = `postgres ${redact(databaseUrl)}`;
  } else {
    const dir = resolvePgliteDir(opts.pgliteDir);
    if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
    target = { pgliteDir: dir };
    where = `pglite ${dir}`;
  }

  const { code, stdout, stderr, ms } = await runPrismaCli(['migrate', 'deploy'], { target });
  if (code !== 0) {
    throw new Error(`[db] migrate deploy failed on ${where} (exit ${code}):\n${(stderr + stdout).trim()}`);
  }
  const applied = appliedMigrations(stdout);
  log(
    applied.length
      ? `[db] ${where}: applied ${applied.length} migration(s) in ${ms} ms: ${applied.join(', ')}`
      : `[db] ${where}: up to date (${ms} ms)`,
  );
}

/** Migration folder names listed by `migrate deploy` under "The following migration(s) have been applied". */
function appliedMigrations(stdout: string): string[] {
  const section = stdout.split(/have been applied:/)[1] ?? '';
  return [...section.matchAll(/└─ (\d{14}_[\w-]+)\//g)].map((m) => m[1] ?? '');
}

/** postgres://user:secret@host/db -> postgres://user:***@host/db */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}
