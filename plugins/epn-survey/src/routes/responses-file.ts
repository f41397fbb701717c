import { error } from '@sveltejs/kit';
import { orPageError, pullStream, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { epnSurveyCaller } from '../server/router.ts';
import { codebookCsv, responsesCsv, responsesDataPackage } from '../services/exports.ts';
import { exportXlsForm } from '../services/xlsform.ts';

/** GET /epn/manage/surveys/[id]/[file]: responses.csv (streamed), codebook.csv, datapackage.json, xlsform.xlsx. */
export async function GET(event: PluginEvent<{ id: string; file: string }>) {
  if (event.params.file === 'xlsform.xlsx') {
    // The survey itself (its latest version), for KoboToolbox, ODK or a spreadsheet.
    const survey = await orPageError(event, () => epnSurveyCaller(event).survey.forEditing({ id: event.params.id }));
    const xlsx = await exportXlsForm(survey.definition, { formId: survey.code.toLowerCase(), version: String(survey.version) });
    return new Response(new Uint8Array(xlsx), { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename="${survey.code.toLowerCase()}-v${survey.version}-xlsform.xlsx"`, 'cache-control': 'private, no-store' } });
  }
  const s = await orPageError(event, () => epnSurveyCaller(event).export.survey({ id: event.params.id }));
  const headers = (type: string) => ({ 'content-type': type, 'content-disposition': `attachment; filename="${s.code.toLowerCase()}-${event.params.file}"`, 'cache-control': 'private, no-store' });
  switch (event.params.file) {
    case 'responses.csv': {
      const chunks = responsesCsv({ db: event.locals.ctx.db, surveyId: s.id, questions: s.questions });
      const body = pullStream(chunks);
      return new Response(body, { headers: headers('text/csv; charset=utf-8') });
    }
    case 'codebook.csv':
      return new Response(codebookCsv(s.questions), { headers: headers('text/csv; charset=utf-8') });
    case 'datapackage.json':
      return new Response(JSON.stringify(responsesDataPackage({ code: s.code, title: s.title, questions: s.questions }), null, 2), { headers: headers('application/json') });
    default:
      error(404);
  }
}
