import type { Db } from '@passerelle/db';
import { DEMO_ACCOUNTS } from '@passerelle/db/demo';
import { resolveRoles } from '@passerelle/auth';
import type { Actor, Role } from '@passerelle/trpc';
import { brusselsInstant } from '@passerelle/plugin-sdk/time';
import { approve, computeDraft, createEdition, importMicrodata, submitForReview } from './editions.ts';
import type { Mapping } from './microdata.ts';
import { syntheticRespondents } from './synthetic.ts';
import { VARIABLES } from './variables.ts';

// Demo data for `npm start` (SEED_DEMO=1) and the end-to-end tests: three SYNTHETIC editions (2021, 2023,
// 2025) of about 6,000 made-up respondents each (synthetic.ts), marked `synthetic` so that every page,
// export and data package labels them. They go through the real workflow: the demo staff member creates
// the edition, imports the microdata as a CSV file, computes and submits the draft; the demo admin (the
// second pair of eyes) approves it with a release time in the past. Idempotent: an existing year is left
// as it is.

export const DEMO_YEARS = [2021, 2023, 2025] as const;

const COLUMNS = ['weight', 'stratum', 'psu', ...VARIABLES.map((v) => v.id)];
const MAPPING: Mapping = { weight: 'weight', stratum: 'stratum', psu: 'psu', variables: Object.fromEntries(VARIABLES.map((v) => [v.id, v.id])) };

/** The synthetic microdata of a year as the CSV file a statistician would upload. */
export function syntheticCsv(year: number, respondents = 6000): Uint8Array {
  const lines = [COLUMNS.join(',')];
  for (const r of syntheticRespondents({ year, respondents })) lines.push(COLUMNS.map((c) => r[c] ?? '').join(','));
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

async function demoActor(db: Db, role: 'staff' | 'admin'): Promise<Actor | null> {
  const email = DEMO_ACCOUNTS.find((a) => a.role === role)?.email;
  const user = email ? await db.user.findUnique({ where: { email } }) : null;
  if (!user) return null;
  const { roles, memberships } = await resolveRoles({ db, userId: user.id });
  return { id: user.id, email: user.email, displayName: user.displayName, locale: user.locale, roles: roles as Role[], memberships: memberships as Actor['memberships'] };
}

/** A release time in the past: 15 March of the following year, 10:00 in Brussels (or an hour ago, if that is still to come). */
function releaseTime(year: number, now: Date): Date {
  const usual = brusselsInstant(`${year + 1}-03-15`, 10 * 60)!;
  return usual.getTime() < now.getTime() ? usual : new Date(now.getTime() - 3_600_000);
}

/** Seeds the synthetic editions that do not exist yet; returns how many were released. */
export async function seedBarometerDemo(db: Db, { now = new Date(), respondents = 6000, years = DEMO_YEARS }: { now?: Date; respondents?: number; years?: readonly number[] } = {}): Promise<number> {
  const existing = new Set((await db.barometerEdition.findMany({ where: { year: { in: [...years] } }, select: { year: true } })).map((e) => e.year));
  const todo = years.filter((y) => !existing.has(y));
  if (todo.length === 0) return 0;
  const [staff, admin] = [await demoActor(db, 'staff'), await demoActor(db, 'admin')];
  if (!staff || !admin) return 0;
  let released = 0;
  for (const year of todo) {
    const edition = await createEdition({ db, actor: staff, year, synthetic: true });
    const imported = await importMicrodata({ db, actor: staff, editionId: edition.id, upload: syntheticCsv(year, respondents), mapping: MAPPING, fileName: `synthetic-demo-${year}.csv` });
    if (!imported.stored) throw new Error(`barometer demo ${year}: the synthetic file did not pass validation (${imported.report.issueCount} issues)`);
    const draft = await computeDraft({ db, actor: staff, editionId: edition.id });
    await submitForReview({ db, actor: staff, versionId: draft.versionId });
    await approve({ db, actor: admin, versionId: draft.versionId, releaseAt: releaseTime(year, now) });
    released++;
  }
  return released;
}
