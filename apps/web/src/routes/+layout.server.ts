import type { LayoutServerLoad } from './$types';
import { PLUGINS } from '$lib/plugins.ts';
import { buildNav } from '$lib/server/nav.ts';

export const load: LayoutServerLoad = ({ locals }) => {
  const { actor, permissions, enabledPlugins, locale } = locals.ctx;
  return {
    locale,
    actor: actor ? { displayName: actor.displayName, email: actor.email } : null,
    nav: buildNav({ manifests: PLUGINS, enabledPlugins, permissions, locale }),
    isAdmin: [...permissions].some((p) => p.startsWith('core.') && p !== 'core.organisation.invite')
  };
};
