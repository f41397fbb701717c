import type { PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';

/** /ideas: every consultation, the open ones first. */
export async function load(event: PluginEvent) {
  const consultations = await ideasCaller(event).consultation.list();
  const order = { submission: 0, vote: 1, review: 2, upcoming: 3, results: 4, followup: 5 } as const;
  return { consultations: consultations.sort((a, b) => order[a.phase] - order[b.phase]), canManage: event.locals.ctx.permissions.has('ideas.consultation.manage') };
}
