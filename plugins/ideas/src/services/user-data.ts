import type { Db } from '@passerelle/db';
import { registerUserDataEraser, registerUserDataExporter } from '@passerelle/auth';

// The person's data in this plugin, for the account's data export, and what happens to it when the
// account is deleted: public contributions stay (ideas and comments lose their author, through the
// foreign keys), votes stay counted but lose the link to the person, private data goes.

export async function exportIdeasData({ db, userId }: { db: Db; userId: string }) {
  const [ideas, comments, ballots, follows, prefs, reviews, scores, mediations] = await Promise.all([
    db.ideasIdea.findMany({ where: { authorId: userId }, select: { number: true, title: true, summary: true, description: true, communeNis: true, showAuthorName: true, status: true, createdAt: true, consultation: { select: { slug: true } } } }),
    db.ideasComment.findMany({ where: { authorId: userId }, select: { body: true, createdAt: true, hiddenAt: true, idea: { select: { number: true, consultation: { select: { slug: true } } } } } }),
    db.ideasBallot.findMany({ where: { userId }, select: { consultation: { select: { slug: true } }, votes: { select: { count: true, idea: { select: { number: true, title: true } } } } } }),
    db.ideasFollow.findMany({ where: { userId }, select: { createdAt: true, idea: { select: { number: true, title: true } } } }),
    db.ideasNotificationPrefs.findUnique({ where: { userId }, select: { onStatus: true, onReply: true, onFollowed: true } }),
    db.ideasJuryReview.findMany({ where: { jurorId: userId }, select: { note: true, conflict: true, idea: { select: { number: true, title: true } } } }),
    db.ideasScore.count({ where: { jurorId: userId } }),
    db.ideasMediation.count({ where: { mediatorId: userId } })
  ]);
  return { ideas, comments, votes: ballots, follows, notificationPreferences: prefs, juryReviews: reviews, juryScores: scores, contributionsRecordedAsMediator: mediations };
}

export async function eraseIdeasData({ db, userId }: { db: Db; userId: string }) {
  // Votes stay in the totals, without the person.
  await db.ideasBallot.updateMany({ where: { userId }, data: { userId: null } });
  // Follows, reports, preferences, jury role, scores and notes are deleted with the user (cascade);
  // ideas and comments keep their text and lose their author (set null).
}

/** Called once by the host at start-up. */
export function registerIdeasUserData(): void {
  registerUserDataExporter('ideas', ({ db, userId }) => exportIdeasData({ db: db as Db, userId }));
  registerUserDataEraser('ideas', ({ db, userId }) => eraseIdeasData({ db: db as Db, userId }));
}
