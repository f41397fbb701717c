import { t } from '@passerelle/i18n';
import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';
import { toCsv, toXlsx } from '../services/exports.ts';
import { juryReportTable } from '../services/jury.ts';
import { requireStaff } from './manage.ts';

type Params = { slug: string };

async function table(event: PluginEvent<Params>) {
  requireStaff(event);
  const api = ideasCaller(event);
  const c = await orPageError(event, () => api.consultation.get({ slug: event.params.slug }));
  await api.jury.grid({ consultationId: c.id }); // the same permission check as the grid
  const { locale } = event.locals.ctx;
  return { slug: c.slug, ...(await juryReportTable({ db: event.locals.ctx.db, consultationId: c.id, locale, t: (key) => t(key, undefined, { locale }) })) };
}

const headers = (type: string, name: string) => ({ 'content-type': type, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store' });

/** GET /ideas/manage/[slug]/jury.csv */
export async function csv(event: PluginEvent<Params>) {
  const { slug, header, rows } = await table(event);
  return new Response(toCsv(header, rows), { headers: headers('text/csv; charset=utf-8', `jury-${slug}.csv`) });
}

/** GET /ideas/manage/[slug]/jury.xlsx */
export async function xlsx(event: PluginEvent<Params>) {
  const { slug, header, rows } = await table(event);
  return new Response(await toXlsx('Jury', header, rows), { headers: headers('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `jury-${slug}.xlsx`) });
}
