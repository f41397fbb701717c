// Vitest global setup: builds the migrated test templates (PGlite and PostgreSQL) once, in vitest's
// main process, before any worker starts, and fails the run at once if PostgreSQL is unreachable.
// Reference it from each package's vitest.config.ts (see packages/db/README.md).
import { ensureTestTemplates } from './test-databases.ts';

export default async function setup(): Promise<void> {
  await ensureTestTemplates((message) => console.log(message));
}
