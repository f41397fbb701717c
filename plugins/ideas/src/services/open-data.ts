import type { Db } from '@passerelle/db';
import { communeName } from '@passerelle/db/communes';
import { AppError } from '@passerelle/trpc';
import { pick } from './localized.ts';
import { currentPhase } from './phases.ts';
import { tally } from './votes.ts';

// Open data of a consultation: ideas, anonymised comments and, once published, vote totals. Each
// dataset has a codebook (field, type, meaning in fr/nl/en). The same rows feed the CSV and JSON files.
// Nothing personal is published: no author unless they chose to show their name, no commenter, no
// voter, nothing about mediated citizens beyond a flag.

export type FieldType = 'integer' | 'number' | 'string' | 'boolean' | 'date' | 'datetime';
export interface FieldDef {
  name: string;
  type: FieldType;
  /** Message key of the meaning. */
  description: string;
}

export const DATASETS = {
  ideas: [
    { name: 'number', type: 'integer', description: 'ideas_cb_number' },
    { name: 'title', type: 'string', description: 'ideas_cb_title' },
    { name: 'summary', type: 'string', description: 'ideas_cb_summary' },
    { name: 'description_markdown', type: 'string', description: 'ideas_cb_description' },
    { name: 'language', type: 'string', description: 'ideas_cb_language' },
    { name: 'category', type: 'string', description: 'ideas_cb_category' },
    { name: 'commune_nis', type: 'string', description: 'ideas_cb_commune_nis' },
    { name: 'commune_name', type: 'string', description: 'ideas_cb_commune_name' },
    { name: 'latitude', type: 'number', description: 'ideas_cb_latitude' },
    { name: 'longitude', type: 'number', description: 'ideas_cb_longitude' },
    { name: 'author', type: 'string', description: 'ideas_cb_author' },
    { name: 'mediated', type: 'boolean', description: 'ideas_cb_mediated' },
    { name: 'finalist', type: 'boolean', description: 'ideas_cb_finalist' },
    { name: 'winner', type: 'boolean', description: 'ideas_cb_winner' },
    { name: 'stage', type: 'string', description: 'ideas_cb_stage' },
    { name: 'comments', type: 'integer', description: 'ideas_cb_comments' },
    { name: 'submitted_on', type: 'date', description: 'ideas_cb_submitted_on' }
  ],
  comments: [
    { name: 'comment_id', type: 'string', description: 'ideas_cb_comment_id' },
    { name: 'idea_number', type: 'integer', description: 'ideas_cb_idea_number' },
    { name: 'reply_to', type: 'string', description: 'ideas_cb_reply_to' },
    { name: 'text_markdown', type: 'string', description: 'ideas_cb_text' },
    { name: 'posted_on', type: 'date', description: 'ideas_cb_posted_on' }
  ],
  votes: [
    { name: 'idea_number', type: 'integer', description: 'ideas_cb_idea_number' },
    { name: 'title', type: 'string', description: 'ideas_cb_title' },
    { name: 'votes_online', type: 'integer', description: 'ideas_cb_votes_online' },
    { name: 'votes_mediated', type: 'integer', description: 'ideas_cb_votes_mediated' },
    { name: 'votes_total', type: 'integer', description: 'ideas_cb_votes_total' },
    { name: 'winner', type: 'boolean', description: 'ideas_cb_winner' }
  ]
} as const satisfies Record<string, readonly FieldDef[]>;
export type DatasetName = keyof typeof DATASETS;
export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];

type Row = Record<string, string | number | boolean | null>;

const day = (d: Date) => d.toISOString().slice(0, 10);

async function consultation(db: Db, slug: string) {
  const c = await db.ideasConsultation.findUnique({ where: { slug }, include: { categories: true } });
  if (!c || currentPhase(c) === 'upcoming') throw new AppError('NOT_FOUND');
  return c;
}

/** Whether a dataset is available yet (vote totals only once the results are published). */
export function available(c: { resultsPublishedAt: Date | null }, name: DatasetName): boolean {
  return name !== 'votes' || c.resultsPublishedAt !== null;
}

export async function datasetRows({ db, slug, name, locale }: { db: Db; slug: string; name: DatasetName; locale: string }): Promise<Row[]> {
  const c = await consultation(db, slug);
  if (!available(c, name)) throw new AppError('NOT_FOUND', 'results not published', { messageKey: 'ideas_error_results_hidden' });
  if (name === 'ideas') {
    const ideas = await db.ideasIdea.findMany({
      where: { consultationId: c.id, status: 'published' },
      orderBy: { number: 'asc' },
      include: { category: true, author: { select: { displayName: true } }, _count: { select: { comments: { where: { hiddenAt: null } } } } }
    });
    return ideas.map((i) => ({
      number: i.number,
      title: i.title,
      summary: i.summary,
      description_markdown: i.description,
      language: i.language,
      category: i.category ? pick(i.category.name, locale) : null,
      commune_nis: i.communeNis,
      commune_name: communeName(i.communeNis, locale) ?? null,
      latitude: i.latitude,
      longitude: i.longitude,
      author: i.showAuthorName ? (i.author?.displayName ?? null) : null,
      mediated: i.mediationId !== null,
      finalist: i.finalist,
      winner: i.winner,
      stage: i.stage,
      comments: i._count.comments,
      submitted_on: day(i.createdAt)
    }));
  }
  if (name === 'comments') {
    const comments = await db.ideasComment.findMany({
      where: { hiddenAt: null, idea: { consultationId: c.id, status: 'published' } },
      orderBy: { createdAt: 'asc' },
      select: { id: true, parentId: true, body: true, createdAt: true, idea: { select: { number: true } } }
    });
    return comments.map((cm) => ({ comment_id: cm.id, idea_number: cm.idea.number, reply_to: cm.parentId, text_markdown: cm.body, posted_on: day(cm.createdAt) }));
  }
  const [finalists, totals] = await Promise.all([
    db.ideasIdea.findMany({ where: { consultationId: c.id, finalist: true }, orderBy: { number: 'asc' }, select: { id: true, number: true, title: true, winner: true } }),
    tally({ db, consultationId: c.id })
  ]);
  return finalists.map((f) => {
    const t = totals.find((x) => x.ideaId === f.id);
    return { idea_number: f.number, title: f.title, votes_online: t?.online ?? 0, votes_mediated: t?.mediated ?? 0, votes_total: t?.total ?? 0, winner: f.winner };
  });
}

/** The codebook of a dataset in one language. */
export function codebook(name: DatasetName, translate: (key: string) => string) {
  return DATASETS[name].map((f) => ({ field: f.name, type: f.type, meaning: translate(f.description) }));
}

/** Published consultations and what can be downloaded from each. */
export async function catalogue({ db, locale }: { db: Db; locale: string }) {
  const rows = await db.ideasConsultation.findMany({ orderBy: { submissionStart: 'desc' } });
  return rows
    .filter((c) => currentPhase(c) !== 'upcoming')
    .map((c) => ({ slug: c.slug, title: pick(c.title, locale), phase: currentPhase(c), resultsPublished: c.resultsPublishedAt !== null, datasets: DATASET_NAMES.filter((n) => available(c, n)) }));
}
