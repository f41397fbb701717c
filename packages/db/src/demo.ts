// Demo accounts and organisations created by `pnpm db:seed` (src/seed.ts). Listed here so that the
// README, the e2e tests and the login page's demo hints all use the same data.
// Everything seeded is marked isDemo, and organisation names say "(démo)".

/** The password of every demo account. Public on purpose: never seed demo data in production. */
export const DEMO_PASSWORD = 'Demo-passerelle-2026';

/** Global roles stored as UserRole rows. Everyone is a citizen, which has no row. */
export type GlobalRole = 'researcher' | 'staff' | 'admin';
export type DemoRole = 'citizen' | 'association_member' | GlobalRole;

export interface DemoOrganisation {
  slug: string;
  name: string;
  kind: string;
  /** NIS code of the commune (core_commune). */
  communeNis: string;
}

export interface DemoAccount {
  role: DemoRole;
  email: string;
  password: string;
  displayName: string;
  locale: 'fr' | 'nl' | 'en';
  /** UserRole rows: empty for citizen and association_member. */
  globalRoles: GlobalRole[];
  /** Organisation membership (association_member only). */
  membership?: { organisationSlug: string; role: 'admin' | 'member' };
}

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  { slug: 'demo-epn-molenbeek', name: 'EPN Molenbeek Numérique (démo)', kind: 'association', communeNis: '21012' },
  { slug: 'demo-epn-schaerbeek', name: 'Espace public numérique de Schaerbeek (démo)', kind: 'association', communeNis: '21015' },
  { slug: 'demo-cpas-anderlecht', name: "CPAS d'Anderlecht (démo)", kind: 'commune', communeNis: '21001' },
];

const account = (a: Omit<DemoAccount, 'password'>): DemoAccount => ({ ...a, password: DEMO_PASSWORD });

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  account({ role: 'citizen', email: 'citizen@demo.passerelle.brussels', displayName: 'Camille Citoyenne (démo)', locale: 'fr', globalRoles: [] }),
  account({
    role: 'association_member',
    email: 'association@demo.passerelle.brussels',
    displayName: 'Samir Animateur (démo)',
    locale: 'fr',
    globalRoles: [],
    membership: { organisationSlug: 'demo-epn-molenbeek', role: 'admin' },
  }),
  account({ role: 'researcher', email: 'researcher@demo.passerelle.brussels', displayName: 'Lotte Onderzoekster (demo)', locale: 'nl', globalRoles: ['researcher'] }),
  account({ role: 'staff', email: 'staff@demo.passerelle.brussels', displayName: 'Alex Staff (demo)', locale: 'en', globalRoles: ['staff'] }),
  account({ role: 'admin', email: 'admin@demo.passerelle.brussels', displayName: 'Dominique Admin (démo)', locale: 'fr', globalRoles: ['admin'] }),
];
