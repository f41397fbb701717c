import { sqlOf, type Db } from '@passerelle/db';
import { communeName } from '@passerelle/db/communes';
import { label, type SurveyDefinition } from './definition.ts';
import { suppressCounts, suppressTable, type Cell } from './suppression.ts';
import { TEMPLATE_ID, visitorProfileTemplate } from './template.ts';
import { ANSWER_ROWS, PROFILE_QUESTIONS } from './rollup.ts';

// Dashboards: activity (sessions, people, topics, ages) and visitor profiles (answers to surveys made from
// the visitor-profile template), per organisation or EPN, and for the whole region. All aggregation runs
// in SQL. Counts built from survey responses pass small-cell suppression; the periods are whole calendar
// years (fixed tables, so that two views cannot be subtracted to single out a person).

export interface Scope {
  /** null: every organisation (region). */
  organisationIds: string[] | null;
  placeId?: string | null;
  year: number;
}

function where(scope: Scope, alias: string, params: unknown[], dateColumn: string): string {
  const parts = [`${alias}."${dateColumn}" >= $${params.push(`${scope.year}-01-01`)}::date`, `${alias}."${dateColumn}" < $${params.push(`${scope.year + 1}-01-01`)}::date`];
  if (scope.organisationIds) parts.push(`${alias}."organisationId" = ANY($${params.push(scope.organisationIds)}::text[])`);
  if (scope.placeId) parts.push(`${alias}."placeId" = $${params.push(scope.placeId)}`);
  return parts.join(' AND ');
}

/**
 * The activity records that count: every month's totals, and the single sessions of months that have
 * no totals for the same organisation and EPN (a month's totals stand in for its sessions, so a month
 * entered both ways is counted once). Used as `FROM ${COUNTED} a`.
 */
export const COUNTED = `(SELECT x.* FROM "epn_activity" x
  WHERE x."kind" = 'monthly' OR NOT EXISTS (
    SELECT 1 FROM "epn_activity" mo
    WHERE mo."kind" = 'monthly' AND mo."organisationId" = x."organisationId" AND mo."placeId" IS NOT DISTINCT FROM x."placeId"
      AND mo."date" = date_trunc('month', x."date")::date))`;

/** Sessions of a record about a topic: 1 per topic for a session, the entered count for monthly totals. */
const TOPIC_SESSIONS = `CASE WHEN a."kind" = 'monthly' THEN COALESCE((a."topicSessions" ->> t)::int, 0) ELSE a."sessions" END`;

/** Activity of a year: per month, by topic, by location, by age band × gender, and by commune of the EPN. */
export async function activityDashboard({ db, scope, locale }: { db: Db; scope: Scope; locale: string }) {
  const sql = sqlOf(db);
  const p1: unknown[] = [];
  const w1 = where(scope, 'a', p1, 'date');
  const [months, topics, locations, ages, communes] = await Promise.all([
    sql.query<{ month: string; sessions: number; groupSessions: number; people: number; minutes: number }>(
      `SELECT to_char(a."date", 'YYYY-MM') AS month, SUM(a."sessions")::int AS sessions, SUM(a."groupSessions")::int AS "groupSessions", SUM(a."attendeeCount")::int AS people, SUM(a."durationMinutes")::int AS minutes
       FROM ${COUNTED} a WHERE ${w1} GROUP BY 1 ORDER BY 1`,
      p1
    ),
    sql.query<{ topic: string; sessions: number }>(
      `SELECT t AS topic, SUM(${TOPIC_SESSIONS})::int AS sessions FROM ${COUNTED} a, unnest(a."topics") t WHERE ${w1} GROUP BY 1 HAVING SUM(${TOPIC_SESSIONS}) > 0 ORDER BY 2 DESC, 1`,
      p1
    ),
    sql.query<{ location: string; sessions: number; people: number }>(`SELECT a."location", SUM(a."sessions")::int AS sessions, SUM(a."attendeeCount")::int AS people FROM ${COUNTED} a WHERE ${w1} GROUP BY 1 ORDER BY 1`, p1),
    sql.query<{ band: string; gender: string; people: number }>(
      `SELECT b.key AS band, g.key AS gender, SUM(g.value::int)::int AS people
       FROM ${COUNTED} a, jsonb_each(a."attendees") b, jsonb_each_text(b.value) g WHERE ${w1} GROUP BY 1, 2`,
      p1
    ),
    sql.query<{ nis: string; sessions: number; people: number }>(
      `SELECT p."communeNis" AS nis, SUM(a."sessions")::int AS sessions, SUM(a."attendeeCount")::int AS people
       FROM ${COUNTED} a JOIN "epn_place" p ON p."id" = a."placeId" WHERE ${w1} GROUP BY 1 ORDER BY 1`,
      p1
    )
  ]);
  const allMonths = Array.from({ length: 12 }, (_, i) => `${scope.year}-${String(i + 1).padStart(2, '0')}`);
  const byMonth = new Map(months.map((m) => [m.month, m]));
  return {
    months: allMonths.map((month) => ({ month, sessions: byMonth.get(month)?.sessions ?? 0, people: byMonth.get(month)?.people ?? 0, hours: Math.round((byMonth.get(month)?.minutes ?? 0) / 6) / 10 })),
    totals: { sessions: months.reduce((s, m) => s + m.sessions, 0), people: months.reduce((s, m) => s + m.people, 0) },
    /** Sessions by type: individual and group. */
    sessionTypes: { individual: months.reduce((s, m) => s + m.sessions - m.groupSessions, 0), group: months.reduce((s, m) => s + m.groupSessions, 0) },
    topics,
    locations,
    ages,
    communes: communes.map((c) => ({ ...c, name: communeName(c.nis, locale) ?? c.nis }))
  };
}

export interface ProfileQuestion {
  id: string;
  label: string;
  multiple: boolean;
  rows: { value: string; label: string; count: Cell }[];
  /** Respondents who answered the question. */
  total: Cell;
}

/**
 * Visitor profiles from every response to surveys made from the visitor-profile template, in the scope.
 * Single-answer questions are one-way breakdowns with their total (suppressCounts hides small cells and
 * their complements); for multiple-answer questions each option is its own yes/no count. Counts come
 * from the roll-up (services/rollup.ts) plus the responses still pending, read in one statement.
 */
export async function visitorProfile({ db, scope, locale, threshold }: { db: Db; scope: Scope; locale: string; threshold: number }): Promise<{ responses: Cell; questions: ProfileQuestion[] }> {
  const params: unknown[] = [TEMPLATE_ID, `${scope.year}-01-01`, `${scope.year + 1}-01-01`, PROFILE_QUESTIONS];
  const rolled = [`s."templateId" = $1`, `ro."day" >= $2::date`, `ro."day" < $3::date`];
  const live = [`s."templateId" = $1`, `r."day" >= $2::date`, `r."day" < $3::date`];
  if (scope.organisationIds) {
    const i = params.push(scope.organisationIds);
    rolled.push(`s."organisationId" = ANY($${i}::text[])`);
    live.push(`s."organisationId" = ANY($${i}::text[])`);
  }
  if (scope.placeId) {
    const i = params.push(scope.placeId);
    rolled.push(`ro."placeId" = $${i}`);
    live.push(`r."placeId" = $${i}`);
  }
  const rows = await sqlOf(db).query<{ question: string; answer: string; n: number; respondents: number }>(
    `SELECT question, answer, SUM(n)::int AS n, SUM(respondents)::int AS respondents FROM (
       SELECT ro."question", ro."answer", ro."n", ro."respondents"
       FROM "epn_profile_rollup" ro JOIN "epn_survey" s ON s."id" = ro."surveyId"
       WHERE ${rolled.join(' AND ')} AND (ro."question" = ANY($4::text[]) OR ro."question" = '')
       UNION ALL
       SELECT e.key, x.v, COUNT(*), SUM(CASE WHEN x.i = 1 THEN 1 ELSE 0 END)
       FROM "epn_response_pending" p JOIN "epn_response" r ON r."id" = p."responseId" JOIN "epn_survey" s ON s."id" = r."surveyId", ${ANSWER_ROWS}
       WHERE ${live.join(' AND ')} AND e.key = ANY($4::text[]) GROUP BY 1, 2
       UNION ALL
       SELECT '', '', COUNT(*), COUNT(*)
       FROM "epn_response_pending" p JOIN "epn_response" r ON r."id" = p."responseId" JOIN "epn_survey" s ON s."id" = r."surveyId"
       WHERE ${live.join(' AND ')}
     ) t GROUP BY 1, 2`,
    params
  );
  const counts = rows.filter((c) => c.question !== '');
  const answered = new Map<string, number>();
  for (const c of counts) answered.set(c.question, (answered.get(c.question) ?? 0) + c.respondents);
  const total = [{ n: rows.find((c) => c.question === '')?.n ?? 0 }];
  const def: SurveyDefinition = visitorProfileTemplate();
  const questions: ProfileQuestion[] = [];
  for (const id of PROFILE_QUESTIONS) {
    const q = def.questions.find((x) => x.id === id);
    if (!q) continue;
    const options = q.type === 'commune' ? [...new Set(counts.filter((c) => c.question === id).map((c) => c.answer))].sort() : q.type === 'age_band' ? ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'] : (q.choices ?? []).map((c) => c.value);
    const optionLabel = (v: string) => (q.type === 'commune' ? (v === 'outside' ? v : (communeName(v, locale) ?? v)) : q.type === 'age_band' ? v.replace('-', '–') : label(q.choices?.find((c) => c.value === v)?.label, locale) || v);
    const raw = options.map((v) => counts.find((c) => c.question === id && c.answer === v)?.n ?? 0);
    const respondents = answered.get(id) ?? 0;
    if (q.type === 'multiple') {
      // Each option is "ticked by n of the respondents": a table of one cell per option, no additive total.
      const cells = suppressTable(raw.map((n) => [n, respondents - n]), threshold, { rowTotals: true, columnTotals: false, grandTotal: false });
      questions.push({ id, label: label(q.label, locale), multiple: true, rows: options.map((v, i) => ({ value: v, label: optionLabel(v), count: cells.rows[i]![0]! })), total: cells.rowTotals?.[0] ?? { suppressed: true } });
    } else {
      const s = suppressCounts(raw, threshold);
      questions.push({ id, label: label(q.label, locale), multiple: false, rows: options.map((v, i) => ({ value: v, label: optionLabel(v), count: s.cells[i]! })), total: s.total });
    }
  }
  const n = total[0]?.n ?? 0;
  return { responses: n >= threshold ? { value: n } : { suppressed: true }, questions };
}
