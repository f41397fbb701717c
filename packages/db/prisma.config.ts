// Configuration of the prisma CLI (generate, migrate). Loaded only by the CLI, never by the app.
// Prisma 7 cannot run offline here; Prisma 6.19.3 runs its schema engine as WebAssembly through a
// driver adapter (PGlite or pg), which needs the workarounds in src/cli/workarounds.ts.
import { defineConfig } from 'prisma/config';
import { cliAdapter } from './src/cli/workarounds.ts';

// No update check (offline machine).
process.env.CHECKPOINT_DISABLE ??= '1';
// schema.prisma's datasource reads this. It must resolve, or Prisma 6.19 falls back to the native
// engine, but the real connection always comes from the adapter below.
process.env.PRISMA_DATASOURCE_URL ??= process.env.DATABASE_URL || 'postgresql://adapter@localhost/adapter';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  // DATABASE_URL set => PostgreSQL, else the embedded PGlite directory (PGLITE_DIR).
  adapter: cliAdapter,
});
