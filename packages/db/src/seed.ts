// Demo data: `pnpm db:seed` (after `pnpm db:migrate`). Idempotent: every row is upserted by a
// natural key (email, slug, NIS), so running it again changes nothing. Works on PGlite and PostgreSQL
// (the database is chosen like the app's: DATABASE_URL, else PGLITE_DIR or <repo>/data/pglite).
import { hash, verify } from '@node-rs/argon2';
import { pathToFileURL } from 'node:url';
import { COMMUNES } from './communes.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS } from './demo.ts';
import { createDb, type Db } from './index.ts';

export interface SeedSummary {
  communes: number;
  organisations: number;
  users: number;
}

export async function seedDemo(db: Db): Promise<SeedSummary> {
  // Reference data: the communes migration inserted them already; upserting keeps them current.
  for (const { nis, ...names } of COMMUNES) {
    await db.commune.upsert({ where: { nis }, create: { nis, ...names }, update: names });
  }

  const organisationIds = new Map<string, string>();
  for (const { slug, ...org } of DEMO_ORGANISATIONS) {
    const row = await db.organisation.upsert({
      where: { slug },
      create: { slug, ...org, isDemo: true },
      update: { ...org, isDemo: true },
    });
    organisationIds.set(slug, row.id);
  }

  for (const account of DEMO_ACCOUNTS) {
    const existing = await db.user.findUnique({ where: { email: account.email } });
    // Hash only when needed: argon2id is deliberately slow, and a re-run must not change the row.
    const passwordHash =
      existing && (await verify(existing.passwordHash, account.password).catch(() => false))
        ? existing.passwordHash
        : await hash(account.password); // @node-rs/argon2 defaults: argon2id, 19 MiB, t=2
    const fields = {
      displayName: account.displayName,
      locale: account.locale,
      passwordHash,
      isDemo: true,
      disabledAt: null,
    };
    const user = await db.user.upsert({
      where: { email: account.email },
      create: { email: account.email, ...fields, emailVerifiedAt: new Date() },
      update: { ...fields, emailVerifiedAt: existing?.emailVerifiedAt ?? new Date() },
    });

    for (const role of account.globalRoles) {
      await db.userRole.upsert({
        where: { userId_role: { userId: user.id, role } },
        create: { userId: user.id, role },
        update: {},
      });
    }
    if (account.membership) {
      const organisationId = organisationIds.get(account.membership.organisationSlug);
      if (!organisationId) throw new Error(`seed: unknown organisation ${account.membership.organisationSlug}`);
      await db.membership.upsert({
        where: { userId_organisationId: { userId: user.id, organisationId } },
        create: { userId: user.id, organisationId, role: account.membership.role },
        update: { role: account.membership.role },
      });
    }
  }

  return { communes: COMMUNES.length, organisations: DEMO_ORGANISATIONS.length, users: DEMO_ACCOUNTS.length };
}

// `tsx src/seed.ts`
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { db, kind, close } = await createDb();
  try {
    const started = performance.now();
    const summary = await seedDemo(db);
    console.log(
      `[db] seeded ${kind}: ${summary.communes} communes, ${summary.organisations} demo organisations, ` +
        `${summary.users} demo users (password in src/demo.ts) in ${Math.round(performance.now() - started)} ms`,
    );
  } finally {
    await close();
  }
}
