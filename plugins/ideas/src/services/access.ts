import type { Actor } from '@passerelle/trpc';

/** Staff see every idea with its author, and hidden content with the reason. */
export function isStaffLike(permissions: ReadonlySet<string>): boolean {
  return permissions.has('ideas.moderation.manage') || permissions.has('ideas.consultation.manage');
}

export function actorId(actor: Actor | null): string | null {
  return actor?.id ?? null;
}
