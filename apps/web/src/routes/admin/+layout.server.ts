import { error, redirect } from '@sveltejs/kit';
import { localizeHref, t } from '@passerelle/i18n';
import type { LayoutServerLoad } from './$types';

const SECTIONS = [
  { href: '/admin/users', permission: 'core.user.manage', key: 'app_admin_users_title' },
  { href: '/admin/organisations', permission: 'core.organisation.manage', key: 'app_admin_orgs_title' },
  { href: '/admin/plugins', permission: 'core.plugin.manage', key: 'app_admin_plugins_title' },
  { href: '/admin/permissions', permission: 'core.role.manage', key: 'app_admin_permissions_title' },
  { href: '/admin/audit', permission: 'core.audit.read', key: 'app_admin_audit_title' }
] as const;

export const load: LayoutServerLoad = ({ locals, url }) => {
  const { actor, permissions, locale } = locals.ctx;
  if (!actor) redirect(303, `${localizeHref('/login')}?next=${encodeURIComponent(url.pathname)}`);
  const sections = SECTIONS.filter((s) => permissions.has(s.permission)).map((s) => ({ href: s.href, label: t(s.key, undefined, { locale }) }));
  if (sections.length === 0) error(403, t('error_forbidden', undefined, { locale }));
  return { sections };
};
