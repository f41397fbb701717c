import type { PageServerLoad } from './$types';
import { t } from '@passerelle/i18n';
import { PLUGINS } from '$lib/plugins.ts';

export const load: PageServerLoad = ({ locals }) => {
  const { enabledPlugins, locale, actor } = locals.ctx;
  return {
    signedIn: !!actor,
    plugins: PLUGINS.filter((p) => enabledPlugins.has(p.id) && p.nav.length > 0).map((p) => ({
      id: p.id,
      href: p.nav[0]!.href,
      name: t(p.nameKey, undefined, { locale }),
      description: p.descriptionKey ? t(p.descriptionKey, undefined, { locale }) : null
    }))
  };
};
