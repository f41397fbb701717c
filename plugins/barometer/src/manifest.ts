import { definePlugin } from '@passerelle/plugin-sdk';

/** The annual digital-inclusion barometer: editions, exact survey estimates, publication, open data. */
export const barometerManifest = definePlugin({
  id: 'barometer',
  nameKey: 'barometer_name',
  descriptionKey: 'barometer_description',
  nav: [
    // Public pages (overview, indicator pages) add their entry here.
    { href: '/barometer', labelKey: 'barometer_pub_nav' },
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
    '/barometer',
    '/barometer/indicators/[id]',
    '/barometer/indicators/[id]/view.csv',
    '/barometer/indicators/[id]/map.svg',
    '/barometer/embed/[id]',

    // Open data: API, exports, data packages, sitemap
    '/api/barometer/v1/editions',
    '/api/barometer/v1/editions/[year]',
    '/api/barometer/v1/editions/[year]/datapackage.json',
    '/api/barometer/v1/editions/[year]/indicators/[file]',
    '/api/barometer/v1/editions/[year]/versions/[number]/[file]',
    '/barometer/editions/[year]',

  ],
  streamedUploads: [
    // Staff: survey microdata, hundreds of MB, streamed into the import task's file (BAROMETER_MAX_UPLOAD_MB).
    { route: '/barometer/manage/[year]/microdata', action: 'upload' },
    // Staff: published aggregates, read within their own limit (AGGREGATES_MAX_BYTES, 20 MB).
    { route: '/barometer/manage/[year]/aggregates', action: 'default' }
  ],
  embeddable: [
    // Public: the compact indicator view other sites may put in an iframe.
    '/barometer/embed/[id]'
  ]
});

export const BAROMETER = barometerManifest.id;
