import { error } from '@sveltejs/kit';
import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
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
    const encoder = new TextEncoder();
    // Pull-based: the next batch is read only when the client has taken the last one.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      }
    });
    return new Response(body, { headers: csvHeaders(allowed.filename) });
  };
}
