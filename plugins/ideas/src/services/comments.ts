import { z } from 'zod';
import { sqlOf, type Db } from '@passerelle/db';
import { audit } from '@passerelle/auth';
import { AppError, type Actor } from '@passerelle/trpc';
import { ideaLimits } from './limits.ts';
import { renderMarkdown } from './markdown.ts';

// Comments (one level of replies), reports by anyone signed in, and the staff moderation queue.

export const ZCommentBody = z.string().trim().min(2).max(3000);
export const ZReason = z.string().trim().min(3).max(500);

export async function addComment({ db, actor, ideaId, parentId, body }: { db: Db; actor: Actor; ideaId: string; parentId?: string | null; body: string }) {
  const idea = await db.ideasIdea.findUnique({ where: { id: ideaId }, select: { id: true, status: true } });
  if (!idea || idea.status === 'merged') throw new AppError('NOT_FOUND');
  if (idea.status === 'hidden') throw new AppError('CONFLICT', 'idea hidden', { messageKey: 'ideas_error_idea_hidden' });
  if (parentId) {
    const parent = await db.ideasComment.findUnique({ where: { id: parentId }, select: { ideaId: true, parentId: true } });
    if (!parent || parent.ideaId !== ideaId) throw new AppError('NOT_FOUND');
    // One level of replies: a reply to a reply joins the same thread.
    if (parent.parentId) parentId = parent.parentId;
  }
  await ideaLimits.comment.consume({ db, key: actor.id });
  const comment = await db.ideasComment.create({ data: { ideaId, parentId: parentId ?? null, authorId: actor.id, body } });
  return { id: comment.id };
}

export async function listComments({ db, ideaId, viewerId, staff }: { db: Db; ideaId: string; viewerId: string | null; staff: boolean }) {
  // Plain SQL (sqlOf): an idea page may list hundreds of comments.
  const rows = await sqlOf(db).query<{ id: string; parentId: string | null; authorId: string | null; authorName: string | null; body: string; hiddenAt: Date | null; hiddenReason: string | null; createdAt: Date }>(
    `SELECT c."id", c."parentId", c."authorId", u."displayName" AS "authorName", c."body", c."hiddenAt", c."hiddenReason", c."createdAt"
     FROM "ideas_comment" c LEFT JOIN "core_user" u ON u."id" = c."authorId"
     WHERE c."ideaId" = $1 ORDER BY c."createdAt" ASC, c."id" ASC`,
    [ideaId]
  );
  const view = (c: (typeof rows)[number]) => {
    const mine = viewerId !== null && c.authorId === viewerId;
    const hidden = c.hiddenAt !== null;
    const readable = !hidden || mine || staff;
    return {
      id: c.id,
      parentId: c.parentId,
      authorName: c.authorName,
      mine,
      hidden,
      // The author and staff see why a comment was hidden; others only that it was.
      hiddenReason: hidden && (mine || staff) ? c.hiddenReason : null,
      bodyHtml: readable ? renderMarkdown(c.body) : '',
      createdAt: c.createdAt
    };
  };
  const replies = new Map<string, typeof rows>();
  for (const r of rows) {
    if (!r.parentId) continue;
    const list = replies.get(r.parentId);
    if (list) list.push(r);
    else replies.set(r.parentId, [r]);
  }
  return rows.filter((c) => !c.parentId).map((c) => ({ ...view(c), replies: (replies.get(c.id) ?? []).map(view) }));
}

export async function reportContent({ db, actor, ideaId, commentId, reason }: { db: Db; actor: Actor; ideaId: string; commentId?: string | null; reason: string }) {
  const idea = await db.ideasIdea.findUnique({ where: { id: ideaId }, select: { id: true } });
  if (!idea) throw new AppError('NOT_FOUND');
  if (commentId) {
    const comment = await db.ideasComment.findUnique({ where: { id: commentId }, select: { ideaId: true } });
    if (!comment || comment.ideaId !== ideaId) throw new AppError('NOT_FOUND');
  }
  await ideaLimits.report.consume({ db, key: actor.id });
  // Reporting the same thing twice keeps one open report.
  const open = await db.ideasReport.findFirst({ where: { ideaId, commentId: commentId ?? null, reporterId: actor.id, resolvedAt: null }, select: { id: true } });
  if (open) return { id: open.id };
  const report = await db.ideasReport.create({ data: { ideaId, commentId: commentId ?? null, reporterId: actor.id, reason } });
  return { id: report.id };
}

/** Open reports grouped by what they target, oldest first. */
export async function moderationQueue({ db }: { db: Db }) {
  const reports = await db.ideasReport.findMany({
    where: { resolvedAt: null },
    orderBy: { createdAt: 'asc' },
    include: {
      idea: { select: { id: true, number: true, title: true, summary: true, status: true, hiddenReason: true, consultation: { select: { slug: true } } } },
      comment: { select: { id: true, body: true, hiddenAt: true, hiddenReason: true, author: { select: { displayName: true } } } },
      reporter: { select: { displayName: true } }
    }
  });
  const groups = new Map<string, { key: string; kind: 'idea' | 'comment'; idea: (typeof reports)[number]['idea']; comment: (typeof reports)[number]['comment']; reasons: { reason: string; reporter: string; at: Date }[] }>();
  for (const r of reports) {
    const key = r.commentId ? `comment:${r.commentId}` : `idea:${r.ideaId}`;
    const group = groups.get(key) ?? { key, kind: r.commentId ? 'comment' : 'idea', idea: r.idea, comment: r.comment, reasons: [] };
    group.reasons.push({ reason: r.reason, reporter: r.reporter.displayName, at: r.createdAt });
    groups.set(key, group);
  }
  return [...groups.values()];
}

type Target = { kind: 'idea'; id: string } | { kind: 'comment'; id: string };

/**
 * Staff hide or restore an idea or a comment, with a reason: the reason goes to the audit log and is
 * shown to the author. Open reports on it are resolved.
 */
export async function moderate({ db, actorId, target, action, reason, now = new Date() }: { db: Db; actorId: string; target: Target; action: 'hide' | 'restore' | 'dismiss'; reason: string; now?: Date }) {
  await db.$transaction(async (tx) => {
    if (target.kind === 'idea') {
      const idea = await tx.ideasIdea.findUnique({ where: { id: target.id }, select: { status: true } });
      if (!idea) throw new AppError('NOT_FOUND');
      if (action !== 'dismiss') {
        if (idea.status === 'merged') throw new AppError('CONFLICT', 'merged', { messageKey: 'ideas_error_merged' });
        await tx.ideasIdea.update({ where: { id: target.id }, data: action === 'hide' ? { status: 'hidden', hiddenReason: reason, finalist: false } : { status: 'published', hiddenReason: null } });
      }
      await tx.ideasReport.updateMany({ where: { ideaId: target.id, commentId: null, resolvedAt: null }, data: { resolvedAt: now } });
    } else {
      const comment = await tx.ideasComment.findUnique({ where: { id: target.id }, select: { id: true } });
      if (!comment) throw new AppError('NOT_FOUND');
      if (action !== 'dismiss') {
        await tx.ideasComment.update({ where: { id: target.id }, data: action === 'hide' ? { hiddenAt: now, hiddenReason: reason } : { hiddenAt: null, hiddenReason: null } });
      }
      await tx.ideasReport.updateMany({ where: { commentId: target.id, resolvedAt: null }, data: { resolvedAt: now } });
    }
    await audit({ db: tx as Db, actorId, action: `ideas.moderation.${action}`, targetType: `ideas.${target.kind}`, targetId: target.id, data: { reason } });
  });
}
