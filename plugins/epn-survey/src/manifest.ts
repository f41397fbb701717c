import { definePlugin } from '@passerelle/plugin-sdk';

/** EPN directory, anonymous visitor surveys (public link and kiosk) and activity reports. */
export const epnSurveyManifest = definePlugin({
  id: 'epn-survey',
  nameKey: 'epn_survey_name',
  descriptionKey: 'epn_survey_description',
  nav: [
    { href: '/epn', labelKey: 'epn_survey_nav' },
    { href: '/epn/manage', labelKey: 'epn_survey_nav_manage', permission: 'epn-survey.place.manage' },
    { href: '/epn/region', labelKey: 'epn_survey_nav_region', permission: 'epn-survey.dashboard.region' }
  ],
  permissions: [
    // Association members act for their own organisations; staff for all of them (see services/access.ts).
    { id: 'epn-survey.place.manage', defaultRoles: ['association_member', 'staff', 'admin'] },
    { id: 'epn-survey.survey.manage', defaultRoles: ['association_member', 'staff', 'admin'] },
    { id: 'epn-survey.activity.record', defaultRoles: ['association_member', 'staff', 'admin'] },
    { id: 'epn-survey.response.export', defaultRoles: ['association_member', 'researcher', 'staff', 'admin'] },
    { id: 'epn-survey.dashboard.region', defaultRoles: ['researcher', 'staff', 'admin'] },
    { id: 'epn-survey.settings.manage', defaultRoles: ['staff', 'admin'] }
  ],
  routes: [
    '/epn',
    '/epn/directory.csv',
    '/epn/directory.json',
    '/epn/datapackage.json',
    '/epn/map.svg',
    '/epn/place/[id]',
    '/epn/s/[code]',
    '/epn/kiosk',
    '/epn/kiosk.js',
    '/epn/manage',
    '/epn/manage/places/new',
    '/epn/manage/places/import',
    '/epn/manage/places/[id]',
    '/epn/manage/activity',
    '/epn/manage/activity/new',
    '/epn/manage/activity/month',
    '/epn/manage/activity/import',
    '/epn/manage/activity/template.csv',
    '/epn/manage/activity/sessions.csv',
    '/epn/manage/activity/[id]',
    '/epn/manage/surveys/[id]',
    '/epn/manage/surveys/[id]/edit',
    '/epn/manage/surveys/[id]/poster',
    '/epn/manage/surveys/[id]/[file]',
    '/epn/manage/dashboard',
    '/epn/manage/settings',
    '/epn/region'
  ],
  embeddable: []
});

export const EPN_SURVEY = epnSurveyManifest.id;
