import { defineTask, type QueueDefinition } from '@passerelle/jobs';
import { rollUpResponses } from '../services/rollup.ts';
import { responseCount, responsesXlsx, surveyExport } from '../services/exports.ts';

// The plugin's long-running tasks (see @passerelle/jobs): started by a procedure, run by the job queue,
// followed by their owner on the task page.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The responses of a survey as XLSX: slower to write than CSV, so it runs as a task with progress. */
export const responsesXlsxTask = defineTask<{ surveyId: string; locale: string }>({
  kind: 'epn-survey.responses-xlsx',
  titleKey: 'epn_survey_task_responses_xlsx',
  async run({ db, actor, input, progress, writeOutput }) {
    // Checked again when it runs: the owner may have left the organisation since.
    const s = await surveyExport({ db, actor, surveyId: input.surveyId, locale: input.locale });
    const total = await responseCount(db, s.id);
    await progress(0, total);
    const file = await writeOutput({
      name: `${s.code.toLowerCase()}-responses.xlsx`,
      contentType: XLSX_TYPE,
      source: responsesXlsx({ db, surveyId: s.id, questions: s.questions, onProgress: (done) => progress(done, total) })
    });
    return { rows: total, bytes: file.size };
  }
});

/** Every task of the plugin, registered by the app at start. */
export const epnSurveyTasks = [responsesXlsxTask];

/** Background jobs: the visitor-profile roll-up behind the dashboards, every minute. */
export const PROFILE_ROLLUP_QUEUE = 'epn-survey-profile-rollup';
export const epnSurveyJobs: QueueDefinition[] = [
  { name: PROFILE_ROLLUP_QUEUE, cron: '* * * * *', retryLimit: 0, expireInSeconds: 1800, handler: (_data, { db }) => rollUpResponses({ db }) }
];
