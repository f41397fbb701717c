import { z } from 'zod';
import type { Db, Prisma } from '@passerelle/db';
import { audit } from '@passerelle/auth';
import { AppError, type Actor } from '@passerelle/trpc';
import { requireCoordinator } from './access.ts';
import { KIT_STATUSES } from './lists.ts';
import { ZId, required } from './directory-input.ts';

// Equipment kits (tablets, laptops, a 4G router), owned by an organisation and booked like people.
// A kit in repair is offered for nothing new.

export const ZKitInput = z.object({
  name: required(2, 120, 'mobile_epn_dir_error_name'),
  organisationId: ZId,
  /** One line per item ("8 tablets"); blank lines are dropped. */
  contents: z
    .array(z.string({ message: 'mobile_epn_dir_error_contents' }).trim().max(120, { message: 'mobile_epn_dir_error_contents' }), { message: 'mobile_epn_dir_error_contents' })
    .max(40, { message: 'mobile_epn_dir_error_contents' })
    .transform((lines) => lines.filter((l) => l !== ''))
    .refine((lines) => lines.length > 0, { message: 'mobile_epn_dir_error_contents' }),
  devices: z.number({ message: 'mobile_epn_dir_error_devices' }).int({ message: 'mobile_epn_dir_error_devices' }).min(0, { message: 'mobile_epn_dir_error_devices' }).max(500, { message: 'mobile_epn_dir_error_devices' }),
  status: z.enum(KIT_STATUSES, { message: 'mobile_epn_dir_error_kit_status' })
});
export type KitInput = z.input<typeof ZKitInput>;

const include = { organisation: { select: { id: true, name: true } } } satisfies Prisma.MobileKitInclude;
type KitRow = Prisma.MobileKitGetPayload<{ include: typeof include }>;

export const kitView = (k: KitRow) => ({ id: k.id, name: k.name, organisation: k.organisation, contents: k.contents, devices: k.devices, status: k.status, archived: k.archivedAt !== null, isDemo: k.isDemo, updatedAt: k.updatedAt });
export type KitView = ReturnType<typeof kitView>;

async function checkOrganisation(db: Db, organisationId: string) {
  if (!(await db.organisation.findUnique({ where: { id: organisationId }, select: { id: true } }))) throw new AppError('VALIDATION', 'unknown organisation', { messageKey: 'mobile_epn_dir_error_organisation', fieldErrors: { organisationId: 'mobile_epn_dir_error_organisation' } });
}

export async function createKit({ db, actor, input }: { db: Db; actor: Actor | null; input: z.infer<typeof ZKitInput> }) {
  const a = requireCoordinator(actor);
  await checkOrganisation(db, input.organisationId);
  return db.$transaction(async (tx) => {
    const kit = await tx.mobileKit.create({ data: input });
    await audit({ db: tx, actorId: a.id, action: 'mobile-epn.kit.create', targetType: 'mobile-epn.kit', targetId: kit.id, data: { organisationId: input.organisationId, status: input.status } });
    return { id: kit.id };
  });
}

export async function updateKit({ db, actor, id, input }: { db: Db; actor: Actor | null; id: string; input: z.infer<typeof ZKitInput> }) {
  const a = requireCoordinator(actor);
  const before = await db.mobileKit.findUnique({ where: { id } });
  if (!before) throw new AppError('NOT_FOUND');
  await checkOrganisation(db, input.organisationId);
  await db.$transaction(async (tx) => {
    await tx.mobileKit.update({ where: { id }, data: input });
    await audit({ db: tx, actorId: a.id, action: 'mobile-epn.kit.update', targetType: 'mobile-epn.kit', targetId: id, data: { status: { from: before.status, to: input.status } } });
  });
  return { id };
}

export const ZKitFilters = z.object({ status: z.enum(KIT_STATUSES).optional(), organisationId: ZId.optional() });

export async function listKits({ db, actor, filters }: { db: Db; actor: Actor | null; filters: z.infer<typeof ZKitFilters> }) {
  requireCoordinator(actor);
  const rows = await db.mobileKit.findMany({ where: { archivedAt: null, ...(filters.status ? { status: filters.status } : {}), ...(filters.organisationId ? { organisationId: filters.organisationId } : {}) }, include, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  return rows.map(kitView);
}

export async function getKit({ db, actor, id }: { db: Db; actor: Actor | null; id: string }) {
  requireCoordinator(actor);
  const k = await db.mobileKit.findUnique({ where: { id }, include });
  if (!k) throw new AppError('NOT_FOUND');
  return kitView(k);
}

/** Organisations that may own a kit (the form's choice). */
export async function kitOwners({ db, actor }: { db: Db; actor: Actor | null }) {
  requireCoordinator(actor);
  return db.organisation.findMany({ select: { id: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
}
