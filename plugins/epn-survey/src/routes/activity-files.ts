import { error } from '@sveltejs/kit';
import { orPageError, pullStream, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { epnSurveyCaller } from '../server/router.ts';
import { activitiesCsv, activityTemplateCsv } from '../services/activity-import.ts';
import { requireManager } from './manage.ts';

const csvHeaders = (filename: string) => ({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'private, no-store' });

/** GET /epn/manage/activity/template.csv and /epn/manage/activity/sessions.csv?organisationId=… */
export function activityFile(file: 'template' | 'sessions') {
  return async (event: PluginEvent) => {
    requireManager(event);
    const api = epnSurveyCaller(event);
    if (file === 'template') {
      const places = await api.place.mine();
      return new Response(activityTemplateCsv(places[0]?.name ?? ''), { headers: csvHeaders('sessions-template.csv') });
    }
    const organisationId = event.url.searchParams.get('organisationId') ?? '';
    if (!organisationId) error(404);
    const allowed = await orPageError(event, () => api.activity.exportFile({ organisationId }));
    const chunks = activitiesCsv({ db: event.locals.ctx.db, actor: event.locals.ctx.actor!, organisationId: allowed.organisationId });
    const body = pullStream(chunks);
    return new Response(body, { headers: csvHeaders(allowed.filename) });
  };
}
