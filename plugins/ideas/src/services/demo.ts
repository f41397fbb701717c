import type { Db } from '@passerelle/db';
import { DEMO_ACCOUNTS } from '@passerelle/db/demo';
import { DEFAULT_CRITERIA } from './consultations.ts';

// Demo consultations for `npm start` (SEED_DEMO=1) and the end-to-end tests: one open for ideas, one in
// its public vote with six finalists. Dates are relative to the day of seeding; everything is isDemo.
// Idempotent: a consultation that exists already is left as it is.

const DAY = 86_400_000;

const t = (fr: string, nl: string, en: string) => ({ fr, nl, en });

const CATEGORIES = [t('Apprendre le numérique', 'Digitaal leren', 'Learning digital skills'), t('Services publics en ligne', 'Online overheidsdiensten', 'Online public services'), t('Accès et matériel', 'Toegang en toestellen', 'Access and devices')];

// [title, summary, commune, category, lat, lon]
const IDEAS: [string, string, string, number, number?, number?][] = [
  ['Cours d’informatique pour les aînés dans les maisons de quartier', 'Des cours gratuits, lents et en petits groupes, près de chez soi.', '21015', 0, 50.8676, 4.3773],
  ['Wifi gratuit dans toutes les bibliothèques', 'Beaucoup de gens n’ont pas internet à la maison.', '21004', 2, 50.8466, 4.3528],
  ['Aide pour les démarches en ligne au CPAS', 'Une personne pour aider à remplir les formulaires en ligne.', '21001', 1],
  ['Prêt d’ordinateurs portables pour les étudiants', 'Des ordinateurs reconditionnés prêtés pour l’année scolaire.', '21012', 2, 50.8553, 4.3220],
  ['Guide simple pour itsme et l’eID', 'Une brochure en langage clair, avec des dessins, en plusieurs langues.', '21009', 1],
  ['Ateliers sécurité: reconnaître les arnaques', 'Apprendre à repérer les faux messages et les faux sites.', '21007', 0],
  ['Un numéro de téléphone pour l’aide numérique', 'Pour celles et ceux qui ne peuvent pas venir à un EPN.', '21016', 1],
  ['Réparer les vieux smartphones', 'Des ateliers de réparation pour garder son téléphone plus longtemps.', '21002', 2]
];

async function seedConsultation(db: Db, opts: { slug: string; title: ReturnType<typeof t>; offsetDays: number; finalists: number }) {
  if (await db.ideasConsultation.findUnique({ where: { slug: opts.slug } })) return false;
  const now = Date.now();
  const at = (d: number) => new Date(now + (d + opts.offsetDays) * DAY);
  const author = await db.user.findUnique({ where: { email: DEMO_ACCOUNTS.find((a) => a.role === 'citizen')!.email } });
  const c = await db.ideasConsultation.create({
    data: {
      slug: opts.slug,
      title: opts.title,
      description: t(
        'Comment rendre la vie numérique plus facile pour tout le monde à Bruxelles ? Données fictives de démonstration.',
        'Hoe maken we het digitale leven in Brussel makkelijker voor iedereen? Fictieve demogegevens.',
        'How can we make digital life easier for everyone in Brussels? Made-up demonstration data.'
      ),
      rules: t(
        'Une idée par formulaire. Restez poli. Pas de publicité. Pas d’informations personnelles.',
        'Eén idee per formulier. Blijf beleefd. Geen reclame. Geen persoonlijke gegevens.',
        'One idea per form. Be polite. No advertising. No personal information.'
      ),
      submissionStart: at(-10),
      reviewStart: at(20),
      voteStart: at(30),
      resultsStart: at(45),
      followUpStart: at(60),
      isDemo: true,
      categories: { create: CATEGORIES.map((name, position) => ({ name, position })) },
      criteria: { create: DEFAULT_CRITERIA.map((cr, position) => ({ ...cr, weight: 1, position })) }
    },
    include: { categories: { orderBy: { position: 'asc' } } }
  });
  for (const [i, [title, summary, communeNis, cat, latitude, longitude]] of IDEAS.entries()) {
    await db.ideasIdea.create({
      data: {
        consultationId: c.id,
        number: i + 1,
        title,
        summary,
        description: `**Pour qui ?** Les habitantes et habitants de Bruxelles qui en ont besoin.\n\n- simple à utiliser\n- gratuit\n- près de chez soi\n\n_Données de démonstration._`,
        communeNis,
        latitude: latitude ?? null,
        longitude: longitude ?? null,
        language: 'fr',
        categoryId: c.categories[cat]?.id ?? null,
        authorId: author?.id ?? null,
        showAuthorName: i % 2 === 0,
        finalist: i < opts.finalists
      }
    });
  }
  if (opts.finalists > 0) await db.ideasConsultation.update({ where: { id: c.id }, data: { shortlistPublishedAt: new Date(now + (opts.offsetDays + 29) * DAY) } });
  return true;
}

export async function seedIdeasDemo(db: Db): Promise<{ consultations: number }> {
  let created = 0;
  if (await seedConsultation(db, { slug: 'bruxelles-numerique-demo', title: t('Bruxelles numérique pour toutes et tous (démo)', 'Digitaal Brussel voor iedereen (demo)', 'Digital Brussels for everyone (demo)'), offsetDays: 0, finalists: 0 })) created++;
  if (await seedConsultation(db, { slug: 'brussels-hacks-demo', title: t('Bruxelles hacke la crise (démo)', 'Brussel hackt de crisis (demo)', 'Brussels hacks the crisis (demo)'), offsetDays: -35, finalists: 6 })) created++;
  return { consultations: created };
}
