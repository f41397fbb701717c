import type { PluginEvent } from '@passerelle/plugin-sdk/server';
import { orPageError } from '@passerelle/plugin-sdk/server';
import { epnSurveyCaller } from '../server/router.ts';
import { myOrganisations, requireManager } from './manage.ts';

const count = (v: string | null) => (v && /^\d{1,6}$/.test(v) ? Number(v) : null);

/** /epn/manage/activity: every record of the member's organisations, who entered it, when and how. */
export async function load(event: PluginEvent) {
  requireManager(event);
  const params = event.url.searchParams;
  const page = count(params.get('page')) || 1;
  const chosen = params.get('organisationId') ?? '';
  const organisations = await myOrganisations(event);
  const organisationId = organisations.some((o) => o.id === chosen) ? chosen : undefined;
  const list = await orPageError(event, () => epnSurveyCaller(event).activity.list({ page: Math.min(page, 10_000), ...(organisationId ? { organisationId } : {}) }));
  return {
    list,
    pages: Math.max(1, Math.ceil(list.total / list.pageSize)),
    organisations,
    organisationId: organisationId ?? '',
    imported: count(params.get('imported')),
    updated: count(params.get('updated')),
    deleted: params.has('deleted')
  };
}
