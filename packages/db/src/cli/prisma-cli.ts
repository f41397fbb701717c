// Spawns the prisma CLI in a child process with the environment the data layer needs.
// A child process because the CLI must be able to exit (and PGlite is single-process: the CLI
// must have closed the directory before the app opens it). Plain node is enough: the CLI loads
// prisma.config.ts (TypeScript) itself.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { DB_PACKAGE_DIR } from '../paths.ts';

/** Which database the CLI works on. Neither given: the environment decides (DATABASE_URL, PGLITE_DIR). */
export interface DbTarget {
  databaseUrl?: string;
  pgliteDir?: string;
}

export interface PrismaCliResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

const PRISMA_BIN = createRequire(import.meta.url).resolve('prisma/build/index.js');

export function prismaCliEnv(target: DbTarget = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' };
  if (target.databaseUrl) {
    env.DATABASE_URL = target.databaseUrl;
  } else if (target.pgliteDir) {
    delete env.DATABASE_URL;
    env.PGLITE_DIR = target.pgliteDir;
  }
  // Always set from the chosen target: the datasource url must resolve, the adapter does the rest.
  env.PRISMA_DATASOURCE_URL = env.DATABASE_URL || 'postgresql://adapter@localhost/adapter';
  return env;
}

/**
 * Runs `prisma <args>` from packages/db (where prisma.config.ts is). With stdio 'pipe' the output
 * is captured and returned; with 'inherit' it goes to the terminal.
 */
export function runPrismaCli(
  args: string[],
  opts: { target?: DbTarget; stdio?: 'pipe' | 'inherit' } = {},
): Promise<PrismaCliResult> {
  const started = performance.now();
  const child = spawn(process.execPath, [PRISMA_BIN, ...args], {
    cwd: DB_PACKAGE_DIR,
    env: prismaCliEnv(opts.target),
    stdio: opts.stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr, ms: Math.round(performance.now() - started) }),
    );
  });
}
