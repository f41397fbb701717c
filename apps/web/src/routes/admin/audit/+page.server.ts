import type { PageServerLoad } from './$types';
import { caller } from '$lib/server/caller.ts';

export const load: PageServerLoad = async (event) => {
  const cursor = event.url.searchParams.get('cursor') ?? undefined;
  const action = event.url.searchParams.get('action')?.slice(0, 100) || undefined;
  return { action: action ?? '', ...(await caller(event).admin.audit.list({ cursor, action, limit: 50 })) };
};
