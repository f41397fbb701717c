import { definePlugin } from '@passerelle/plugin-sdk';

/** Idea consultations: submission -> jury review -> public vote -> results -> follow-up. */
export const ideasManifest = definePlugin({
  id: 'ideas',
  nameKey: 'ideas_name',
  descriptionKey: 'ideas_description',
  nav: [
    { href: '/ideas', labelKey: 'ideas_nav' },
    { href: '/ideas/manage', labelKey: 'ideas_nav_manage', permission: 'ideas.consultation.manage' }
  ],
  permissions: [
    { id: 'ideas.consultation.manage', defaultRoles: ['staff', 'admin'] },
    { id: 'ideas.moderation.manage', defaultRoles: ['staff', 'admin'] },
    { id: 'ideas.idea.submit', defaultRoles: ['citizen'] },
    { id: 'ideas.comment.write', defaultRoles: ['citizen'] },
    { id: 'ideas.report.create', defaultRoles: ['citizen'] },
    { id: 'ideas.vote.cast', defaultRoles: ['citizen'] },
    { id: 'ideas.mediation.record', defaultRoles: ['association_member', 'staff'] }
  ],
  routes: [
    '/ideas',
    '/ideas/suggest.js',
    '/ideas/image/[id]',
    '/ideas/map.svg',
    '/ideas/manage',
    '/ideas/manage/new',
    '/ideas/manage/moderation',
    '/ideas/manage/[slug]',
    '/ideas/manage/[slug]/jury',
    '/ideas/manage/[slug]/jury.csv',
    '/ideas/manage/[slug]/jury.xlsx',
    '/ideas/notifications',
    '/ideas/unsubscribe',
    '/ideas/[slug]',
    '/ideas/[slug]/new',
    '/ideas/[slug]/similar',
    '/ideas/[slug]/vote',
    '/ideas/[slug]/mediated',
    '/ideas/[slug]/results',
    '/ideas/[slug]/map',
    '/ideas/[slug]/data',
    '/api/ideas/v1/consultations',
    '/api/ideas/v1/consultations/[slug]/[file]',
    '/ideas/[slug]/jury',
    '/ideas/[slug]/jury/[number]',
    '/ideas/[slug]/[number]',
    '/ideas/[slug]/[number]/edit'
  ],
  embeddable: []
});

export const IDEAS = ideasManifest.id;
