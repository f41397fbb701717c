import type { Db } from '@passerelle/db';
import { AppError, type Actor } from '@passerelle/trpc';

// Who may see and do what, beyond the permission each procedure names.
// Coordinators are staff (and admins): they see everything, private home addresses included.

export function isCoordinator(actor: Actor | null): boolean {
  return !!actor && (actor.roles.includes('staff') || actor.roles.includes('admin'));
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

export function requireCoordinator(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (!isCoordinator(a)) throw new AppError('FORBIDDEN');
  return a;
}

/** The actor's trainer profile (active), or FORBIDDEN: a trainer is a member of the profile's organisation. */
export async function trainerOf(db: Db, actor: Actor | null) {
  const a = requireActor(actor);
  const trainer = await db.mobileTrainer.findUnique({ where: { userId: a.id } });
  if (!trainer || !trainer.active || !a.memberships.some((m) => m.organisationId === trainer.organisationId)) throw new AppError('FORBIDDEN');
  return trainer;
}

/**
 * May this person see the street address of a venue used by a session? Public pages show only the
 * commune of a private home; its address is for staff and for the trainers assigned to that session.
 */
export function maySeeAddress(actor: Actor | null, venue: { type: string; contactUserId: string | null }, assignedTrainerUserIds: readonly string[] = []): boolean {
  if (venue.type !== 'private_home') return true;
  if (!actor) return false;
  return isCoordinator(actor) || assignedTrainerUserIds.includes(actor.id) || venue.contactUserId === actor.id;
}
