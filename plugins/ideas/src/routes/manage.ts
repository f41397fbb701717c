import { error } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { loginRedirect, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';

/** Staff pages need the permission; others are sent to sign in, or refused. */
export function requireStaff(event: PluginEvent<Record<string, string>>, permission = 'ideas.consultation.manage') {
  const { ctx } = event.locals;
  if (!ctx.actor) loginRedirect(event.url, localizeHref);
  if (!ctx.permissions.has(permission)) error(403, ctx.translate('error_forbidden'));
}

/** /ideas/manage: consultations for staff, with their phase and numbers. */
export async function load(event: PluginEvent) {
  requireStaff(event);
  const api = ideasCaller(event);
  const [consultations, queue] = await Promise.all([api.consultation.list(), event.locals.ctx.permissions.has('ideas.moderation.manage') ? api.moderation.queue() : []]);
  return { consultations, openReports: queue.length };
}
