import { sqlOf, type Db } from '@passerelle/db';
import { TEMPLATE_ID } from './template.ts';

// The visitor-profile roll-up: answers to surveys made from the visitor-profile template, counted per
// survey, EPN and day in epn_profile_rollup. Responses are never edited, so counts only grow. A trigger
// puts every new response in epn_response_pending; rollUpResponses() moves them into the counts, a batch
// per transaction (the batch leaves "pending" in the same transaction as it is added to the counts, so a
// dashboard, which reads both in one statement, always counts every response exactly once).

/** The questions of the visitor-profile template shown on dashboards (all of them fixed-choice). */
export const PROFILE_QUESTIONS = ['age_band', 'gender', 'education', 'employment', 'income', 'commune', 'visit_reason', 'internet_home', 'devices', 'skill_information', 'skill_communication', 'skill_content', 'skill_safety', 'skill_problem_solving'];

/**
 * One row per (response r, question, answer): a single answer gives one row, a multiple-choice answer
 * one per ticked option; x.i = 1 on exactly one row of each (response, question), to count respondents.
 */
export const ANSWER_ROWS = `jsonb_each(r."answers") e,
  LATERAL (SELECT t.v, t.i FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(e.value) = 'array' THEN e.value ELSE '[]'::jsonb END) WITH ORDINALITY AS t(v, i)
           UNION ALL SELECT e.value #>> '{}', 1 WHERE jsonb_typeof(e.value) <> 'array') x`;

/** Moves pending responses into the counts, `batch` at a time, until none is left. Returns how many. */
export async function rollUpResponses({ db, batch = 20_000 }: { db: Db; batch?: number }): Promise<number> {
  const sql = sqlOf(db);
  let total = 0;
  for (;;) {
    // Plain index lookups by id at each step, whatever the planner's statistics say (a bulk load makes
    // them stale: a join planned for an empty table would compare every pending row with every other).
    const taken = await sql.transaction(async (query) => {
      const ids = (await query<{ id: string }>(`SELECT "responseId" AS id FROM "epn_response_pending" LIMIT $1 FOR UPDATE SKIP LOCKED`, [batch])).map((r) => r.id);
      if (ids.length === 0) return 0;
      await query(
        `WITH responses AS (
           SELECT r."surveyId", COALESCE(r."placeId", '') AS "placeId", r."day", r."answers"
           FROM "epn_response" r JOIN "epn_survey" s ON s."id" = r."surveyId"
           WHERE r."id" = ANY($1::text[]) AND s."templateId" = $2
         ), counts AS (
           SELECT r."surveyId", r."placeId", r."day", e.key AS question, x.v AS answer, COUNT(*)::int AS n, SUM(CASE WHEN x.i = 1 THEN 1 ELSE 0 END)::int AS respondents
           FROM responses r, ${ANSWER_ROWS}
           WHERE e.key = ANY($3::text[]) GROUP BY 1, 2, 3, 4, 5
           UNION ALL
           SELECT r."surveyId", r."placeId", r."day", '', '', COUNT(*)::int, COUNT(*)::int FROM responses r GROUP BY 1, 2, 3
         )
         INSERT INTO "epn_profile_rollup" ("surveyId", "placeId", "day", "question", "answer", "n", "respondents")
         SELECT * FROM counts
         ON CONFLICT ("surveyId", "placeId", "day", "question", "answer")
         DO UPDATE SET "n" = "epn_profile_rollup"."n" + EXCLUDED."n", "respondents" = "epn_profile_rollup"."respondents" + EXCLUDED."respondents"`,
        [ids, TEMPLATE_ID, PROFILE_QUESTIONS]
      );
      await query(`DELETE FROM "epn_response_pending" WHERE "responseId" = ANY($1::text[])`, [ids]);
      return ids.length;
    });
    total += taken;
    if (taken < batch) break;
  }
  // The dashboards join the pending rows to the responses: with statistics from when the table was full,
  // the planner would scan every response instead of looking up the few left. Fresh statistics (cheap on
  // a table this small) keep that join an index lookup.
  if (total > 0) await sql.query(`ANALYZE "epn_response_pending"`);
  return total;
}

/** How many responses wait to be counted (the dashboards count them live meanwhile). */
export async function pendingResponses(db: Db): Promise<number> {
  const [row] = await sqlOf(db).query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "epn_response_pending"`);
  return row?.n ?? 0;
}
