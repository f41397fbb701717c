import type { Db } from '@passerelle/db';
import { AppError } from '@passerelle/trpc';
import { audit } from '@passerelle/auth';

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'organisation';
}

export async function listOrganisations({ db }: { db: Db }) {
  return db.organisation.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      slug: true,
      kind: true,
      communeNis: true,
      isDemo: true,
      memberships: { select: { role: true, user: { select: { id: true, email: true, displayName: true } } } }
    }
  });
}

export async function createOrganisation({ db, actorId, name, kind, communeNis }: { db: Db; actorId: string; name: string; kind: string; communeNis?: string | null }) {
  if (communeNis && !(await db.commune.findUnique({ where: { nis: communeNis } }))) {
    throw new AppError('VALIDATION', 'unknown commune', { fieldErrors: { communeNis: 'error_field_invalid' } });
  }
  const base = slugify(name);
  const taken = await db.organisation.count({ where: { slug: { startsWith: base } } });
  const slug = taken ? `${base}-${taken + 1}` : base;
  return db.$transaction(async (tx) => {
    const org = await tx.organisation.create({ data: { name, kind, slug, communeNis: communeNis ?? null } });
    await audit({ db: tx as Db, actorId, action: 'organisation.create', targetType: 'organisation', targetId: org.id, data: { name } });
    return org;
  });
}

export async function addMember({ db, actorId, organisationId, email, role }: { db: Db; actorId: string; organisationId: string; email: string; role: 'member' | 'admin' }) {
  const [org, user] = await Promise.all([
    db.organisation.findUnique({ where: { id: organisationId }, select: { id: true } }),
    db.user.findUnique({ where: { email }, select: { id: true } })
  ]);
  if (!org) throw new AppError('NOT_FOUND');
  if (!user) throw new AppError('VALIDATION', 'no such user', { fieldErrors: { email: 'error_user_not_found' } });
  await db.$transaction(async (tx) => {
    await tx.membership.upsert({
      where: { userId_organisationId: { userId: user.id, organisationId } },
      create: { userId: user.id, organisationId, role },
      update: { role }
    });
    await audit({ db: tx as Db, actorId, action: 'organisation.member.add', targetType: 'organisation', targetId: organisationId, data: { userId: user.id, role } });
  });
}

export async function removeMember({ db, actorId, organisationId, userId }: { db: Db; actorId: string; organisationId: string; userId: string }) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.membership.deleteMany({ where: { organisationId, userId } });
    if (count === 0) throw new AppError('NOT_FOUND');
    await audit({ db: tx as Db, actorId, action: 'organisation.member.remove', targetType: 'organisation', targetId: organisationId, data: { userId } });
  });
}
