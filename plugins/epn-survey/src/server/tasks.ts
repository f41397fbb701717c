import { defineTask, type QueueDefinition } from '@passerelle/jobs';
import type { Prisma } from '@passerelle/db';
import { importActivities } from '../services/activity-import.ts';
import { importPlaces, type PlaceFileFormat } from '../services/place-import.ts';
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


/** Background jobs: the visitor-profile roll-up behind the dashboards, every minute. */
export const PROFILE_ROLLUP_QUEUE = 'epn-survey-profile-rollup';
export const epnSurveyJobs: QueueDefinition[] = [
  { name: PROFILE_ROLLUP_QUEUE, cron: '* * * * *', retryLimit: 0, expireInSeconds: 1800, handler: (_data, { db }) => rollUpResponses({ db }) }
];

/** A CSV file of past sessions: checked (dryRun) or imported, as a task that follows the rows. */
export const activityImportTask = defineTask<{ organisationId: string; dryRun: boolean; fileName: string }>({
  kind: 'epn-survey.activity-import',
  titleKey: 'epn_survey_task_activity_import',
  async run({ db, actor, input, readInput, progress }) {
    const report = await importActivities({ db, actor, organisationId: input.organisationId, upload: readInput(), dryRun: input.dryRun, onProgress: (done, total) => void progress(done, total) });
    return report as unknown as Prisma.InputJsonValue;
  }
});

/** A directory file (mednum Belgian profile, CSV or JSON): checked (dryRun) or imported, as a task. */
export const placeImportTask = defineTask<{ organisationId: string | null; format: PlaceFileFormat; dryRun: boolean; fileName: string }>({
  kind: 'epn-survey.place-import',
  titleKey: 'epn_survey_task_place_import',
  async run({ db, actor, input, readInput, progress }) {
    const report = await importPlaces({ db, actor, organisationId: input.organisationId, format: input.format, upload: readInput(), dryRun: input.dryRun, onProgress: (done, total) => void progress(done, total) });
    return report as unknown as Prisma.InputJsonValue;
  }
});

/** Every task of the plugin, registered by the app at start. */
export const epnSurveyTasks = [responsesXlsxTask, activityImportTask, placeImportTask];
