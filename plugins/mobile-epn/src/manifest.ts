import { definePlugin } from '@passerelle/plugin-sdk';

/** Mobile digital-skills workshops: venues, trainers, kits, requests, scheduling, registrations, feeds. */
export const mobileEpnManifest = definePlugin({
  id: 'mobile-epn',
  nameKey: 'mobile_epn_name',
  descriptionKey: 'mobile_epn_description',
  nav: [
    { href: '/mobile', labelKey: 'mobile_epn_nav' },
    { href: '/mobile/trainer', labelKey: 'mobile_epn_nav_trainer', permission: 'mobile-epn.session.train' },
    { href: '/mobile/manage', labelKey: 'mobile_epn_nav_manage', permission: 'mobile-epn.schedule.manage' }
  ],
  permissions: [
    // Anyone with an account: a venue contact, or a citizen asking for a home visit.
    { id: 'mobile-epn.request.create', defaultRoles: ['citizen'] },
    // An EPN mediator requests a workshop for a citizen without an account.
    { id: 'mobile-epn.request.mediate', defaultRoles: ['association_member', 'staff', 'admin'] },
    // Venue contacts register their residents (services check they are the venue's contact).
    { id: 'mobile-epn.registration.manage', defaultRoles: ['citizen'] },
    // Trainers: their own schedule, day sheet, feed and attendance (services check the trainer profile).
    { id: 'mobile-epn.session.train', defaultRoles: ['association_member', 'staff', 'admin'] },
    // Coordinators: venues, trainers, kits, the request queue, sessions. They see private home addresses.
    { id: 'mobile-epn.schedule.manage', defaultRoles: ['staff', 'admin'] }
  ],
  routes: [
    // Directory and requests (coordinator hub and queue, venues, trainers, kits, request forms)
    '/mobile/manage',
    '/mobile/manage/map.svg',
    '/mobile/manage/venues',
    '/mobile/manage/venues/new',
    '/mobile/manage/venues/[id]',
    '/mobile/manage/trainers',
    '/mobile/manage/trainers/new',
    '/mobile/manage/trainers/[id]',
    '/mobile/manage/kits',
    '/mobile/manage/kits/new',
    '/mobile/manage/kits/[id]',
    '/mobile/manage/settings',
    '/mobile/request',
    '/mobile/requests',
    '/mobile/mediate',

    // Scheduling
    '/mobile/manage/requests/[id]',
    '/mobile/manage/sessions/[id]',

    // Registrations and attendance (public list of group workshops, registrations, attendance)
    '/mobile',
    '/mobile/sessions/[id]',
    '/mobile/venue',
    '/mobile/venue/sessions/[id]',
    '/mobile/trainer/sessions/[id]/attendance',

    // Feeds, reminders and calendar views (the trainer's home, calendars, day map and sheet, feeds)
    '/mobile/trainer',
    '/mobile/calendar/[kind]/[id]',
    '/mobile/day/[trainer]',
    '/mobile/day/[trainer]/sheet',
    '/mobile/day/[trainer]/map.svg',
    '/mobile/feeds',
    '/mobile/feeds/[token].ics',
  ],
  embeddable: []
});

export const MOBILE_EPN = mobileEpnManifest.id;
