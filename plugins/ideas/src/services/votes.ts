import { randomUUID } from 'node:crypto';
import { Prisma, sqlOf, type Db, type SqlQuery } from '@passerelle/db';
import { AppError, type Actor } from '@passerelle/trpc';
import { ideaLimits } from './limits.ts';
import { currentPhase, type PhaseDates } from './phases.ts';

// The public vote. A person's votes in a consultation hang on one ballot: (consultation, user) is unique,
// and (ballot, idea) is the primary key of a vote, so the database itself guarantees one vote record per
// person per idea. Changing votes locks the ballot row (SELECT … FOR UPDATE) inside a transaction, so
// parallel requests of one person are applied one after the other and the budget always holds.

/** What the vote rules need of a consultation. */
export type VoteRules = PhaseDates & { shortlistPublishedAt: Date | null; voteBudget: number; allowSeveralVotesPerIdea: boolean };

export function requireVoteOpen(c: VoteRules, now: Date) {
  if (currentPhase(c, now) !== 'vote' || !c.shortlistPublishedAt) throw new AppError('CONFLICT', 'vote closed', { messageKey: 'ideas_error_vote_closed' });
}

// Votes are the hottest path of the plugin (a whole city may vote in the last hour), so they are
// plain SQL (sqlOf): a Prisma query costs more CPU than the database spends on the statement.

/** An idea with the vote rules of its consultation, or NOT_FOUND. */
async function loadIdeaRules(db: Db, ideaId: string): Promise<{ finalist: boolean; status: string; consultationId: string; consultation: VoteRules }> {
  const [row] = await sqlOf(db).query<VoteRules & { finalist: boolean; status: string; consultationId: string }>(
    `SELECT i."finalist", i."status", i."consultationId", c."submissionStart", c."reviewStart", c."voteStart", c."resultsStart", c."followUpStart",
            c."phaseOverride", c."shortlistPublishedAt", c."voteBudget", c."allowSeveralVotesPerIdea"
     FROM "ideas_idea" i JOIN "ideas_consultation" c ON c."id" = i."consultationId" WHERE i."id" = $1`,
    [ideaId]
  );
  if (!row) throw new AppError('NOT_FOUND');
  const { finalist, status, consultationId, ...consultation } = row;
  return { finalist, status, consultationId, consultation };
}

async function loadFinalist(db: Db, ideaId: string) {
  const idea = await loadIdeaRules(db, ideaId);
  if (!idea.finalist || idea.status !== 'published') throw new AppError('CONFLICT', 'not a finalist', { messageKey: 'ideas_error_not_finalist' });
  return idea;
}

/**
 * The ballot of a user, created if needed, and locked until the transaction ends: one statement, whether
 * the row is new (locked by the insert) or exists (locked by the no-op update).
 */
async function lockBallot(q: SqlQuery, consultationId: string, userId: string): Promise<string> {
  const rows = await q<{ id: string }>(
    `INSERT INTO "ideas_ballot" ("id", "consultationId", "userId", "createdAt") VALUES ($1, $2, $3, now())
     ON CONFLICT ("consultationId", "userId") DO UPDATE SET "userId" = EXCLUDED."userId" RETURNING "id"`,
    [randomUUID(), consultationId, userId]
  );
  return rows[0]!.id;
}

function checkBudget(c: VoteRules, others: number, count: number) {
  if (count > 1 && !c.allowSeveralVotesPerIdea) throw new AppError('VALIDATION', 'one vote per idea', { messageKey: 'ideas_error_one_vote_per_idea', fieldErrors: { count: 'ideas_error_one_vote_per_idea' } });
  if (others + count > c.voteBudget) {
    throw new AppError('CONFLICT', 'budget exceeded', { messageKey: 'ideas_error_budget_exceeded', params: { budget: c.voteBudget, left: Math.max(0, c.voteBudget - others) } });
  }
}

/**
 * Sets the person's votes on one finalist to `count` (1 unless the consultation allows several votes
 * per idea). Sending the same vote twice changes nothing.
 */
export async function castVote({ db, actor, ideaId, count = 1, now = new Date() }: { db: Db; actor: Actor; ideaId: string; count?: number; now?: Date }) {
  const idea = await loadFinalist(db, ideaId);
  requireVoteOpen(idea.consultation, now);
  await ideaLimits.vote.consume({ db, key: actor.id });
  if (count > 1 && !idea.consultation.allowSeveralVotesPerIdea) checkBudget(idea.consultation, 0, count);
  const budget = idea.consultation.voteBudget;
  return sqlOf(db).transaction(async (q) => {
    const ballotId = await lockBallot(q, idea.consultationId, actor.id);
    // With the ballot locked, this statement sees every vote committed before: the budget check and
    // the write are one step. Nothing is written when the budget would be exceeded.
    const [row] = await q<{ others: number; written: number }>(
      `WITH others AS (SELECT COALESCE(SUM("count"), 0)::int AS used FROM "ideas_vote" WHERE "ballotId" = $1 AND "ideaId" <> $2),
       written AS (
         INSERT INTO "ideas_vote" ("ballotId", "ideaId", "count", "createdAt", "updatedAt")
         SELECT $1, $2, $3, now(), now() FROM others WHERE others.used + $3 <= $4
         ON CONFLICT ("ballotId", "ideaId") DO UPDATE SET "count" = EXCLUDED."count", "updatedAt" = now()
         RETURNING 1
       )
       SELECT (SELECT used FROM others) AS others, (SELECT COUNT(*)::int FROM written) AS written`,
      [ballotId, ideaId, count, budget]
    );
    const others = Number(row!.others);
    if (Number(row!.written) === 0) checkBudget(idea.consultation, others, count);
    return { used: others + count, budget };
  });
}

export async function withdrawVote({ db, actor, ideaId, now = new Date() }: { db: Db; actor: Actor; ideaId: string; now?: Date }) {
  const idea = await loadIdeaRules(db, ideaId);
  requireVoteOpen(idea.consultation, now);
  await ideaLimits.vote.consume({ db, key: actor.id });
  return sqlOf(db).transaction(async (q) => {
    const ballotId = await lockBallot(q, idea.consultationId, actor.id);
    const [row] = await q<{ used: number }>(
      `WITH gone AS (DELETE FROM "ideas_vote" WHERE "ballotId" = $1 AND "ideaId" = $2 RETURNING 1)
       SELECT COALESCE(SUM("count"), 0)::int AS used FROM "ideas_vote" WHERE "ballotId" = $1 AND "ideaId" <> $2`,
      [ballotId, ideaId]
    );
    return { used: row!.used, budget: idea.consultation.voteBudget };
  });
}

/** The person's own votes: which finalists, how many each, and what is left of the budget. */
export async function myBallot({ db, actor, consultationId }: { db: Db; actor: Actor | null; consultationId: string }) {
  const c = await db.ideasConsultation.findUnique({ where: { id: consultationId }, select: { voteBudget: true } });
  if (!c) throw new AppError('NOT_FOUND');
  if (!actor) return { budget: c.voteBudget, used: 0, votes: {} as Record<string, number> };
  const ballot = await db.ideasBallot.findUnique({ where: { consultationId_userId: { consultationId, userId: actor.id } }, include: { votes: true } });
  const votes = Object.fromEntries((ballot?.votes ?? []).map((v) => [v.ideaId, v.count]));
  return { budget: c.voteBudget, used: Object.values(votes).reduce((a, b) => a + b, 0), votes };
}

export interface Tally {
  ideaId: string;
  /** Votes of people with an account. */
  online: number;
  /** Votes recorded by mediators for citizens without an account. */
  mediated: number;
  total: number;
  voters: number;
}

/** Vote totals per finalist; mediated votes are counted separately. */
export async function tally({ db, consultationId }: { db: Db; consultationId: string }): Promise<Tally[]> {
  const rows = await db.$queryRaw<{ ideaId: string; online: bigint | number; mediated: bigint | number; voters: bigint | number }[]>(Prisma.sql`
    SELECT v."ideaId" AS "ideaId",
           COALESCE(SUM(v."count") FILTER (WHERE b."mediationId" IS NULL), 0) AS "online",
           COALESCE(SUM(v."count") FILTER (WHERE b."mediationId" IS NOT NULL), 0) AS "mediated",
           COUNT(*) AS "voters"
    FROM "ideas_vote" v JOIN "ideas_ballot" b ON b."id" = v."ballotId"
    WHERE b."consultationId" = ${consultationId}
    GROUP BY v."ideaId"`);
  return rows.map((r) => {
    const online = Number(r.online);
    const mediated = Number(r.mediated);
    return { ideaId: r.ideaId, online, mediated, total: online + mediated, voters: Number(r.voters) };
  });
}
