import { SESSION_USER_SELECT } from '../sessions.ts';
import type { Db } from '@passerelle/db';
import { AppError } from '@passerelle/trpc/errors';
import { userDataExporters } from './user-data-registry.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Everything the platform holds about a user (GDPR access/portability), as JSON: profile, roles,
 * memberships, sessions (metadata only), one-time tokens (metadata only), invitations they sent,
 * audit entries where they are the actor, and each plugin's section under `plugins.<name>`.
 * Secrets (password hash, token hashes, session ids) are never included.
 */
export async function exportUserData({ db, userId }: { db: Db; userId: string }): Promise<{ [key: string]: JsonValue }> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      ...SESSION_USER_SELECT,
      updatedAt: true,
      roles: { select: { role: true, grantedAt: true }, orderBy: { role: 'asc' } },
      memberships: {
        select: { role: true, createdAt: true, organisation: { select: { id: true, name: true, slug: true } } },
        orderBy: { createdAt: 'asc' }
      },
      sessions: { select: { createdAt: true, lastSeenAt: true, expiresAt: true }, orderBy: { createdAt: 'asc' } },
      tokens: { select: { kind: true, createdAt: true, expiresAt: true, usedAt: true }, orderBy: { createdAt: 'asc' } },
      auditLogs: {
        select: { id: true, action: true, targetType: true, targetId: true, data: true, createdAt: true },
        orderBy: { createdAt: 'asc' }
      }
    }
  });
  if (!user) throw new AppError('NOT_FOUND', 'user not found');
  const { roles, memberships, sessions, tokens, auditLogs, ...profile } = user;
  const [invitationsSent, invitationsReceived] = await Promise.all([
    db.invitation.findMany({
      where: { invitedById: userId },
      select: { email: true, role: true, createdAt: true, expiresAt: true, acceptedAt: true, organisation: { select: { id: true, name: true } } },
      orderBy: { createdAt: 'asc' }
    }),
    db.invitation.findMany({
      where: { email: user.email },
      select: { role: true, createdAt: true, expiresAt: true, acceptedAt: true, organisation: { select: { id: true, name: true } } },
      orderBy: { createdAt: 'asc' }
    })
  ]);

  const plugins: Record<string, unknown> = {};
  for (const [name, exporter] of [...userDataExporters()].sort(([a], [b]) => a.localeCompare(b))) {
    plugins[name] = await exporter({ db, userId });
  }

  return toJson({
    format: 'passerelle.user-data.v1',
    exportedAt: new Date(),
    profile,
    roles,
    memberships,
    sessions,
    authTokens: tokens,
    invitationsSent,
    invitationsReceived,
    auditLog: auditLogs,
    plugins
  }) as { [key: string]: JsonValue };
}

/** A JSON round trip: Dates become ISO strings, undefined disappears, nothing else can sneak in. */
function toJson(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}
