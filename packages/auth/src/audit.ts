import type { DbClient } from './db-client.ts';

// Append-only log of staff and admin actions. Pass a transaction's `tx` as db to log inside it.

export type AuditData = string | number | boolean | null | AuditData[] | { [key: string]: AuditData };

export interface AuditEntry {
  id: string;
  actorId: string | null;
  actor: { id: string; displayName: string; email: string } | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  data: unknown;
  createdAt: Date;
}

export async function audit({ db, actorId, action, targetType, targetId, data }: { db: DbClient; actorId: string | null; action: string; targetType?: string; targetId?: string; data?: { [key: string]: AuditData } }): Promise<{ id: string }> {
  return db.auditLog.create({
    data: { actorId, action, targetType: targetType ?? null, targetId: targetId ?? null, ...(data === undefined ? {} : { data }) },
    select: { id: true }
  });
}

export const AUDIT_PAGE_MAX = 200;

/**
 * Newest first. `cursor` is the `nextCursor` of the previous page (an entry id); `action` filters
 * exactly, or by prefix when it ends with '.' or '*' ("user." -> user.disable, user.role.grant…).
 */
export async function listAuditLog({ db, cursor, limit = 50, action }: { db: DbClient; cursor?: string | null; limit?: number; action?: string | null }): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const take = Math.min(Math.max(Math.trunc(limit), 1), AUDIT_PAGE_MAX);
  const where = action
    ? action.endsWith('*') || action.endsWith('.')
      ? { action: { startsWith: action.replace(/\*$/, '') } }
      : { action }
    : {};
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: take + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: { id: true, actorId: true, action: true, targetType: true, targetId: true, data: true, createdAt: true, actor: { select: { id: true, displayName: true, email: true } } }
  });
  const entries = rows.slice(0, take);
  return { entries, nextCursor: rows.length > take ? (entries.at(-1)?.id ?? null) : null };
}
