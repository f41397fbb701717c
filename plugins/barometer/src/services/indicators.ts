import { z } from 'zod';
import { compileRule, RuleError, truthy } from './rules.ts';
import { DSI_AREAS, variableById, type Respondent } from './variables.ts';

export { RuleError };

// The indicator catalogue. Each indicator is a share of a population, computed from microdata by a
// declarative rule (JsonLogic, evaluated by the json-logic-js interpreter: data, never code). A rule is
// checked before use: only the operators below, only known variables.

const text = z.object({ fr: z.string().trim().min(1).max(2000), nl: z.string().trim().min(1).max(2000), en: z.string().trim().min(1).max(2000) });
export type Localized = z.infer<typeof text>;

export type Rule = unknown;

export const ZIndicator = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, { message: 'barometer_error_indicator_id' }),
  name: text,
  definition: text,
  /** Who is counted (the denominator), in words. */
  population: text,
  unit: z.literal('percent'),
  sourceNotes: text,
  /** Who is in the population (a respondent outside it, or with a missing answer, is not counted). */
  universe: z.unknown(),
  /** True for a respondent who has the characteristic. */
  rule: z.unknown()
});
export type Indicator = z.infer<typeof ZIndicator>;

/** Derived variables, computed before the indicators, in order. */
export interface Derived {
  id: string;
  rule: Rule;
}

/** Checks a rule: known operators only (rules.ts), variables among `known`. Throws RuleError with the reason. */
export function checkRule(rule: unknown, known: ReadonlySet<string>, path = 'rule'): void {
  compileRule(rule, known, path);
}

const v = (id: string) => ({ var: id });
const areasAtLeast = (level: number) => ({ '+': DSI_AREAS.map((a) => ({ if: [{ '>=': [v(a), level] }, 1, 0] })) });
const areasKnown = { and: DSI_AREAS.map((a) => ({ '!=': [v(a), null] })) };
const recentUser = { '==': [v('internet_use'), '3m'] };

/**
 * Overall digital skills (DSI 2.0): above basic in all five areas; basic = at least basic in all five;
 * no skills = basic in none; low = in between. People who did not go online in the last 3 months are
 * counted with "no skills" (their skills cannot be observed; Eurostat's convention).
 */
export const DERIVED: readonly Derived[] = [
  {
    id: 'skill_level',
    rule: {
      if: [
        { '==': [v('internet_use'), null] }, null,
        { '!': recentUser }, 'no',
        { '!': areasKnown }, null,
        { '==': [areasAtLeast(2), 5] }, 'above',
        { '==': [areasAtLeast(1), 5] }, 'basic',
        { '==': [areasAtLeast(1), 0] }, 'no',
        'low'
      ]
    }
  }
];

const RESIDENTS = { fr: 'Résidents de 16 à 74 ans', nl: 'Inwoners van 16 tot 74 jaar', en: 'Residents aged 16–74' };
const USERS = { fr: "Résidents de 16 à 74 ans ayant utilisé internet au cours des 3 derniers mois", nl: 'Inwoners van 16 tot 74 jaar die de afgelopen 3 maanden internet gebruikten', en: 'Residents aged 16–74 who used the internet in the last 3 months' };
const SOURCE = {
  fr: "Enquête TIC auprès des ménages (Statbel, méthode Eurostat) ; indicateur de compétences numériques DSI 2.0. Données de démonstration synthétiques tant qu'aucune édition réelle n'est importée.",
  nl: 'ICT-enquête bij huishoudens (Statbel, Eurostat-methode); indicator digitale vaardigheden DSI 2.0. Synthetische demonstratiegegevens zolang er geen echte editie is ingevoerd.',
  en: "ICT household survey (Statbel, Eurostat method); Digital Skills Indicator 2.0. Synthetic demo data until a real edition is imported."
};
const notNull = (id: string) => ({ '!=': [v(id), null] });

function indicator(id: string, name: Localized, definition: Localized, rule: Rule, universe: Rule, population: Localized = RESIDENTS): Indicator {
  return { id, name, definition, population, unit: 'percent', sourceNotes: SOURCE, universe, rule };
}

const AREA_NAMES: Record<(typeof DSI_AREAS)[number], Localized> = {
  dsi_information: { fr: "Recherche d'information et données", nl: 'Informatie en data', en: 'Information and data literacy' },
  dsi_communication: { fr: 'Communication et collaboration', nl: 'Communicatie en samenwerking', en: 'Communication and collaboration' },
  dsi_content: { fr: 'Création de contenu', nl: 'Digitale inhoud maken', en: 'Digital content creation' },
  dsi_safety: { fr: 'Sécurité', nl: 'Veiligheid', en: 'Safety' },
  dsi_problem_solving: { fr: 'Résolution de problèmes', nl: 'Problemen oplossen', en: 'Problem solving' }
};

const level = (l: string) => ({ '==': [v('skill_level'), l] });

export const DEFAULT_INDICATORS: readonly Indicator[] = [
  indicator('non_users', { fr: "Non-utilisateurs d'internet", nl: 'Niet-gebruikers van internet', en: 'Internet non-users' }, { fr: "N'a pas utilisé internet au cours des 3 derniers mois.", nl: 'Gebruikte de afgelopen 3 maanden geen internet.', en: 'Did not use the internet in the last 3 months.' }, { '!': recentUser }, notNull('internet_use')),
  indicator('skills_none', { fr: 'Aucune compétence numérique', nl: 'Geen digitale vaardigheden', en: 'No digital skills' }, { fr: "Aucun domaine au niveau de base, ou pas d'internet ces 3 derniers mois.", nl: 'In geen enkel domein basisniveau, of geen internet de afgelopen 3 maanden.', en: 'Basic level in no area, or no internet use in the last 3 months.' }, level('no'), notNull('skill_level')),
  indicator('skills_low', { fr: 'Faibles compétences numériques', nl: 'Zwakke digitale vaardigheden', en: 'Low digital skills' }, { fr: 'Niveau de base dans 1 à 4 des 5 domaines.', nl: 'Basisniveau in 1 tot 4 van de 5 domeinen.', en: 'Basic level in 1 to 4 of the 5 areas.' }, level('low'), notNull('skill_level')),
  indicator('skills_basic', { fr: 'Compétences numériques de base', nl: 'Digitale basisvaardigheden', en: 'Basic digital skills' }, { fr: 'Au moins le niveau de base dans les 5 domaines, sans être avancé partout.', nl: 'Minstens basisniveau in alle 5 domeinen, maar niet overal gevorderd.', en: 'At least basic in all 5 areas, not above basic in all.' }, level('basic'), notNull('skill_level')),
  indicator('skills_above_basic', { fr: 'Compétences numériques avancées', nl: 'Gevorderde digitale vaardigheden', en: 'Above-basic digital skills' }, { fr: 'Au-delà du niveau de base dans les 5 domaines.', nl: 'Boven basisniveau in alle 5 domeinen.', en: 'Above basic in all 5 areas.' }, level('above'), notNull('skill_level')),
  indicator('skills_at_least_basic', { fr: 'Au moins des compétences de base', nl: 'Minstens basisvaardigheden', en: 'At least basic digital skills' }, { fr: 'Au moins le niveau de base dans les 5 domaines.', nl: 'Minstens basisniveau in alle 5 domeinen.', en: 'At least basic in all 5 areas.' }, { in: [v('skill_level'), ['basic', 'above']] }, notNull('skill_level')),
  ...DSI_AREAS.map((area) =>
    indicator(
      `area_${area.slice(4)}_basic`,
      { fr: `${AREA_NAMES[area].fr} : au moins de base`, nl: `${AREA_NAMES[area].nl}: minstens basis`, en: `${AREA_NAMES[area].en}: at least basic` },
      { fr: 'Au moins le niveau de base dans ce domaine (les non-utilisateurs comptent comme « aucun »).', nl: 'Minstens basisniveau in dit domein (niet-gebruikers tellen als "geen").', en: 'At least basic in this area (non-users count as "none").' },
      { and: [recentUser, { '>=': [v(area), 1] }] },
      { and: [notNull('internet_use'), { or: [{ '!': recentUser }, notNull(area)] }] }
    )
  ),
  indicator('digitally_vulnerable', { fr: 'Vulnérabilité numérique', nl: 'Digitale kwetsbaarheid', en: 'Digitally vulnerable' }, { fr: 'Non-utilisateurs et personnes aux compétences numériques faibles ou nulles.', nl: 'Niet-gebruikers en mensen met zwakke of geen digitale vaardigheden.', en: 'Non-users plus people with low or no digital skills.' }, { in: [v('skill_level'), ['no', 'low']] }, notNull('skill_level')),
  indicator('no_home_internet', { fr: "Pas d'internet à domicile", nl: 'Geen internet thuis', en: 'No internet at home' }, { fr: "Le ménage n'a pas de connexion internet.", nl: 'Het huishouden heeft geen internetverbinding.', en: 'The household has no internet connection.' }, { '==': [v('home_internet'), 0] }, notNull('home_internet')),
  indicator('smartphone_only', { fr: 'Accès par smartphone uniquement', nl: 'Enkel toegang via smartphone', en: 'Smartphone-only access' }, { fr: "Va en ligne uniquement avec un smartphone, sans ordinateur ni tablette.", nl: 'Gaat enkel online met een smartphone, zonder computer of tablet.', en: 'Goes online with a smartphone only, no computer or tablet.' }, { '==': [v('access_devices'), 'smartphone_only'] }, notNull('access_devices')),
  indicator('egov_12m', { fr: 'A utilisé des services publics en ligne', nl: 'Gebruikte online overheidsdiensten', en: 'Used online public services' }, { fr: 'A utilisé un site ou une appli de service public ces 12 derniers mois.', nl: 'Gebruikte de afgelopen 12 maanden een website of app van de overheid.', en: 'Used a public-service website or app in the last 12 months.' }, { '==': [v('egov_12m'), 1] }, notNull('egov_12m')),
  indicator('eid_itsme', { fr: 'A utilisé eID ou itsme', nl: 'Gebruikte eID of itsme', en: 'Used eID or itsme' }, { fr: "S'est identifié en ligne avec la carte eID ou itsme.", nl: 'Meldde zich online aan met eID of itsme.', en: 'Logged in online with the eID card or itsme.' }, { '==': [v('eid_itsme'), 1] }, notNull('eid_itsme')),
  indicator('admin_help', { fr: "A eu besoin d'aide pour une démarche en ligne", nl: 'Had hulp nodig bij een online procedure', en: 'Needed help with an online procedure' }, { fr: "A dû demander de l'aide pour une démarche administrative en ligne.", nl: 'Moest hulp vragen voor een online administratieve procedure.', en: 'Had to ask for help with an online administrative procedure.' }, { '==': [v('admin_help'), 1] }, notNull('admin_help')),
  indicator('no_safety_precaution', { fr: 'Aucune précaution de sécurité en ligne', nl: 'Geen enkele voorzorg voor online veiligheid', en: 'No online-safety precaution' }, { fr: 'N\u2019a pris aucune des précautions de sécurité listées.', nl: 'Nam geen van de vermelde veiligheidsmaatregelen.', en: 'Took none of the listed safety precautions.' }, { '==': [v('safety_precautions'), 0] }, { and: [recentUser, notNull('safety_precautions')] }, USERS)
];

/** Evaluates the derived variables then each indicator for one respondent: 1, 0 or NaN (not counted). */
export function compileIndicators(indicators: readonly Indicator[], derived: readonly Derived[] = DERIVED) {
  const known = new Set([...variableById.keys(), ...derived.map((d) => d.id)]);
  const steps = derived.map((d) => ({ id: d.id, run: compileRule(d.rule, known, d.id) }));
  const rules = indicators.map((i) => ({ universe: compileRule(i.universe, known, `${i.id}.universe`), rule: compileRule(i.rule, known, `${i.id}.rule`) }));
  return (respondent: Respondent, out: Float64Array): void => {
    const data: Record<string, unknown> = { ...respondent };
    for (const d of steps) data[d.id] = d.run(data) ?? null;
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i]!;
      out[i] = !truthy(r.universe(data)) ? NaN : truthy(r.rule(data)) ? 1 : 0;
    }
  };
}
