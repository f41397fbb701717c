import { AppError, type Actor } from '@passerelle/trpc';

// Association members act for the organisations they belong to; staff and admins for every one of them
// and for region-wide surveys. The procedure's permission says *what* someone may do; these checks say
// *for whom*.

export function isRegionStaff(actor: Pick<Actor, 'roles'> | null): boolean {
  return actor !== null && actor.roles.some((r) => r === 'staff' || r === 'admin');
}

export function canActFor(actor: Pick<Actor, 'roles' | 'memberships'> | null, organisationId: string | null): boolean {
  if (!actor) return false;
  if (isRegionStaff(actor)) return true;
  return organisationId !== null && actor.memberships.some((m) => m.organisationId === organisationId);
}

/** 403 unless the actor may act for this organisation (null = region-wide: staff only). */
export function requireOrganisation(actor: Pick<Actor, 'roles' | 'memberships'>, organisationId: string | null): void {
  if (!canActFor(actor, organisationId)) throw new AppError('FORBIDDEN', 'not a member of this organisation', { messageKey: 'epn_survey_error_not_your_organisation' });
}

/** The organisations whose data the actor sees in their workspace; null = all (staff). */
export function organisationScope(actor: Pick<Actor, 'roles' | 'memberships'>): string[] | null {
  return isRegionStaff(actor) ? null : actor.memberships.map((m) => m.organisationId);
}
