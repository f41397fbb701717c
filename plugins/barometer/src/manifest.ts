import { definePlugin } from '@passerelle/plugin-sdk';

/** The annual digital-inclusion barometer: editions, exact survey estimates, publication, open data. */
export const barometerManifest = definePlugin({
  id: 'barometer',
  nameKey: 'barometer_name',
  descriptionKey: 'barometer_description',
  nav: [
    // Public pages (overview, indicator pages) add their entry here.
    // Staff pages add theirs here.
    { href: '/barometer/manage', labelKey: 'barometer_manage_nav', permission: 'barometer.edition.manage' },
  ],
  permissions: [
    // Staff prepare editions: create, import microdata or aggregates, compute, submit, correct. Drafts are theirs to see.
    { id: 'barometer.edition.manage', defaultRoles: ['staff', 'admin'] },
    // Staff review what another staff member prepared (four eyes: services refuse one's own version).
    { id: 'barometer.edition.review', defaultRoles: ['staff', 'admin'] }
  ],
  routes: [
    // Staff: editions, imports, drafts, review, publication
    '/barometer/manage',
    '/barometer/manage/[year]',
    '/barometer/manage/[year]/microdata',
    '/barometer/manage/[year]/aggregates',

    // Public: overview, indicator pages (grapher), embeds, static maps

    // Open data: API, exports, data packages, sitemap
    '/api/barometer/v1/editions',

  ],
  embeddable: []
});

export const BAROMETER = barometerManifest.id;
