// Runs the prisma CLI with the environment the data layer needs:
//   tsx src/cli/run.ts <prisma arguments...>      e.g. `migrate deploy`, `migrate status`
// DATABASE_URL set => PostgreSQL, else the PGlite directory (PGLITE_DIR, default <repo>/data/pglite).
// prisma.config.ts applies the CLI workarounds (src/cli/workarounds.ts) inside the CLI process.
import { runPrismaCli } from './prisma-cli.ts';

const { code } = await runPrismaCli(process.argv.slice(2), { stdio: 'inherit' });
process.exitCode = code;
