// A ready "visitor profile" survey, so that an EPN can start collecting comparable figures on day one
// instead of writing its own questions. The bands follow the Statbel/Eurostat ICT household survey where
// one exists (age, ISCED education, employment, the five DigComp 2.2 areas), so that the EPN's public can
// be set beside the regional figures. Texts are plain language (short sentences, everyday words, about
// level B1) because many visitors read FR, NL or EN as a second language.
//
// Question ids and choice values are stored in responses and read by dashboards and exports: never
// rename them; add new ones and bump `templateVersion` instead.
import { ZSurveyDefinition, type Label, type SurveyDefinition } from './definition.ts';
import type { z } from 'zod';
import type { Gender } from './lists.ts';

export const TEMPLATE_ID = 'visitor-profile';
/** Changes whenever a question, choice or text of the template changes. */
export const templateVersion = '2026.1';

type RawDefinition = z.input<typeof ZSurveyDefinition>;
type RawQuestion = RawDefinition['questions'][number];
type RawChoice = NonNullable<RawQuestion['choices']>[number];

const text = (fr: string, nl: string, en: string): Label => ({ fr, nl, en });
const choice = (value: string, fr: string, nl: string, en: string): RawChoice => ({ value, label: text(fr, nl, en) });

/**
 * The warning on every free-text question: a name typed in a comment would make an anonymous response
 * personal data. Same wording as the message `epn_survey_no_names`, so that visitors see one sentence.
 */
export const NO_NAMES = text(
  "N'écrivez pas de nom, ni le vôtre ni celui d'une autre personne.",
  'Schrijf geen namen, niet de uwe en niet die van iemand anders.',
  "Do not write any name, neither yours nor anyone else's."
);

/** One value for "prefer not to say" in every question, so that dashboards can leave it out the same way. */
const NO_ANSWER = choice('no_answer', 'Je préfère ne pas répondre', 'Ik zeg het liever niet', 'I prefer not to say');

const SEVERAL = text('Vous pouvez cocher plusieurs réponses.', 'U mag meerdere antwoorden aanduiden.', 'You can tick more than one answer.');

// Kept equal to the activity reports' GENDERS (plus "prefer not to say"), so that both can be crossed.
const GENDER_CHOICES: Record<Gender, RawChoice> = {
  woman: choice('woman', 'Femme', 'Vrouw', 'Woman'),
  man: choice('man', 'Homme', 'Man', 'Man'),
  other: choice('other', 'Autre ou non-binaire', 'Anders of non-binair', 'Other or non-binary')
};

/** The three answers of the DigComp self-assessment, phrased as replies to "Can you …?". */
const SKILL_CHOICES: RawChoice[] = [
  choice('none', 'Non, je ne sais pas le faire', 'Nee, dat kan ik niet', 'No, I cannot do this'),
  choice('basic', 'Oui, les choses simples', 'Ja, eenvoudige dingen', 'Yes, simple things'),
  choice('above_basic', 'Oui, même les choses plus difficiles', 'Ja, ook moeilijkere dingen', 'Yes, even harder things')
];

/** A DigComp 2.2 area as one question; the hint gives a concrete example, since the area names are jargon. */
const skill = (id: string, label: Label, example: Label): RawQuestion => ({ id, type: 'single', label, hint: example, choices: SKILL_CHOICES });

const QUESTIONS: RawQuestion[] = [
  {
    id: 'age_band',
    type: 'age_band',
    // Required: the one figure every report needs, and the Statbel comparison is by age band.
    required: true,
    label: text('Quel âge avez-vous ?', 'Hoe oud bent u?', 'How old are you?'),
    hint: text("Choisissez votre groupe d'âge.", 'Kies uw leeftijdsgroep.', 'Choose your age group.')
  },
  {
    id: 'gender',
    type: 'single',
    label: text('Vous êtes :', 'U bent:', 'You are:'),
    choices: [GENDER_CHOICES.woman, GENDER_CHOICES.man, GENDER_CHOICES.other, NO_ANSWER]
  },
  {
    id: 'education',
    type: 'single',
    label: text('Quel est votre diplôme le plus élevé ?', 'Wat is uw hoogste diploma?', 'What is your highest diploma?'),
    hint: text(
      "Un diplôme d'un autre pays compte aussi. Choisissez le niveau le plus proche.",
      'Een diploma uit een ander land telt ook. Kies het niveau dat het best past.',
      'A diploma from another country also counts. Choose the closest level.'
    ),
    // ISCED 2011 grouped as Statbel does: low = 0–2, medium = 3–4, high = 5–8.
    choices: [
      choice(
        'low',
        'Pas de diplôme, école primaire ou secondaire inférieur',
        'Geen diploma, lager onderwijs of lager secundair onderwijs',
        'No diploma, primary school or lower secondary school'
      ),
      choice(
        'medium',
        "Diplôme de fin d'études secondaires (CESS) ou équivalent",
        'Diploma secundair onderwijs of gelijkwaardig',
        'Secondary school diploma or equivalent'
      ),
      choice(
        'high',
        "Diplôme de l'enseignement supérieur (haute école, université)",
        'Diploma hoger onderwijs (hogeschool, universiteit)',
        'Higher education degree (college, university)'
      ),
      NO_ANSWER
    ]
  },
  {
    id: 'employment',
    type: 'single',
    label: text("Quelle est votre situation aujourd'hui ?", 'Wat is uw situatie vandaag?', 'What is your situation today?'),
    hint: text('Choisissez la réponse qui vous correspond le mieux.', 'Kies het antwoord dat het best bij u past.', 'Choose the answer that fits you best.'),
    choices: [
      choice('employed', 'Je travaille pour un employeur', 'Ik werk voor een werkgever', 'I work for an employer'),
      choice('self_employed', 'Je travaille à mon compte', 'Ik werk als zelfstandige', 'I am self-employed'),
      choice('job_seeker', 'Je cherche du travail', 'Ik zoek werk', 'I am looking for work'),
      choice('student', 'Je fais des études ou une formation', 'Ik studeer of volg een opleiding', 'I am a student or in training'),
      choice('retired', 'Je suis à la retraite (pension)', 'Ik ben met pensioen', 'I am retired'),
      choice(
        'unable_to_work',
        'Je ne peux pas travailler (maladie, handicap)',
        'Ik kan niet werken (ziekte, handicap)',
        'I cannot work (illness, disability)'
      ),
      choice('at_home', "Je m'occupe de la maison ou de la famille", 'Ik zorg voor het huishouden of het gezin', 'I look after the home or the family'),
      choice('other', 'Autre situation', 'Andere situatie', 'Other situation'),
      NO_ANSWER
    ]
  },
  {
    id: 'income',
    type: 'single',
    label: text(
      "Combien d'argent votre ménage reçoit-il chaque mois ?",
      'Hoeveel geld krijgt uw gezin elke maand?',
      'How much money does your household get each month?'
    ),
    hint: text(
      "Comptez l'argent de toutes les personnes qui vivent avec vous : salaire, allocations, pension. Comptez le montant net, après les impôts.",
      'Tel het geld van alle personen die bij u wonen: loon, uitkeringen, pensioen. Tel het nettobedrag, na belastingen.',
      'Count the money of everyone who lives with you: wages, benefits, pensions. Count the net amount, after tax.'
    ),
    // Net monthly household income in Statbel-style bands. Statbel publishes income by deciles, not by
    // these bands, so they compare only roughly; the lowest one sits near the at-risk-of-poverty threshold
    // of a single person (EU-SILC, about €1,500 a month). Four-digit amounts without a thousands separator
    // are correct in FR and NL and easier to read.
    choices: [
      choice('eur_0_1499', 'Moins de 1500 euros', 'Minder dan 1500 euro', 'Less than €1,500'),
      choice('eur_1500_2499', 'De 1500 à 2499 euros', 'Van 1500 tot 2499 euro', '€1,500 to €2,499'),
      choice('eur_2500_3499', 'De 2500 à 3499 euros', 'Van 2500 tot 3499 euro', '€2,500 to €3,499'),
      choice('eur_3500_4999', 'De 3500 à 4999 euros', 'Van 3500 tot 4999 euro', '€3,500 to €4,999'),
      choice('eur_5000_plus', '5000 euros ou plus', '5000 euro of meer', '€5,000 or more'),
      choice(
        'no_answer',
        'Je ne sais pas ou je préfère ne pas répondre',
        'Ik weet het niet of ik zeg het liever niet',
        "I don't know or I prefer not to say"
      )
    ]
  },
  {
    id: 'commune',
    type: 'commune',
    label: text('Dans quelle commune habitez-vous ?', 'In welke gemeente woont u?', 'In which municipality do you live?'),
    // The quoted choice is the message `epn_survey_outside_brussels`.
    hint: text(
      'Vous habitez hors de la Région bruxelloise ? Choisissez « En dehors de Bruxelles ».',
      'Woont u buiten het Brussels Gewest? Kies dan "Buiten Brussel".',
      'Do you live outside the Brussels Region? Choose "Outside Brussels".'
    )
  },
  {
    id: 'visit_reason',
    type: 'multiple',
    label: text("Pourquoi venez-vous ici aujourd'hui ?", 'Waarom komt u hier vandaag?', 'Why did you come here today?'),
    hint: SEVERAL,
    choices: [
      choice('use_computer', 'Utiliser un ordinateur ou internet', 'Een computer of internet gebruiken', 'Use a computer or the internet'),
      choice(
        'admin_help',
        "Avoir de l'aide pour une démarche en ligne (commune, CPAS, mutuelle)",
        'Hulp bij een aanvraag op internet (gemeente, OCMW, ziekenfonds)',
        'Get help with an online form (municipality, CPAS/OCMW, health insurance)'
      ),
      choice(
        'learn',
        "Apprendre à utiliser l'ordinateur ou le smartphone (atelier, cours)",
        'Leren werken met de computer of smartphone (workshop, les)',
        'Learn to use a computer or smartphone (workshop, class)'
      ),
      choice('print', 'Imprimer, scanner ou copier', 'Afdrukken, scannen of kopiëren', 'Print, scan or copy'),
      choice('job_search', 'Chercher du travail', 'Werk zoeken', 'Look for a job'),
      choice(
        'own_device',
        "Avoir de l'aide avec mon propre appareil (GSM, ordinateur)",
        'Hulp met mijn eigen toestel (gsm, computer)',
        'Get help with my own device (phone, computer)'
      ),
      choice('other', 'Autre chose', 'Iets anders', 'Something else')
    ]
  },
  {
    id: 'internet_home',
    type: 'single',
    label: text('Avez-vous internet à la maison ?', 'Hebt u thuis internet?', 'Do you have internet at home?'),
    choices: [
      choice('yes', 'Oui', 'Ja', 'Yes'),
      choice(
        'mobile_only',
        'Seulement avec les données mobiles de mon smartphone',
        'Alleen met de mobiele data van mijn smartphone',
        'Only with the mobile data of my smartphone'
      ),
      choice('no', 'Non', 'Nee', 'No')
    ]
  },
  {
    // Skip logic: only asked to people without internet at home.
    id: 'no_internet_reason',
    type: 'multiple',
    label: text("Pourquoi n'avez-vous pas internet à la maison ?", 'Waarom hebt u thuis geen internet?', "Why don't you have internet at home?"),
    hint: SEVERAL,
    showIf: { mode: 'all', conditions: [{ question: 'internet_home', op: 'equals', value: 'no' }] },
    choices: [
      choice('cost', "C'est trop cher", 'Het is te duur', 'It costs too much'),
      choice('no_device', "Je n'ai pas d'appareil pour l'utiliser", 'Ik heb geen toestel om het te gebruiken', 'I have no device to use it'),
      choice('no_skills', "Je ne sais pas comment l'utiliser", 'Ik weet niet hoe ik het moet gebruiken', "I don't know how to use it"),
      choice('no_need', "Je n'en ai pas besoin", 'Ik heb het niet nodig', "I don't need it"),
      choice('other', 'Une autre raison', 'Een andere reden', 'Another reason')
    ]
  },
  {
    id: 'devices',
    type: 'multiple',
    label: text('Quels appareils avez-vous ?', 'Welke toestellen hebt u?', 'Which devices do you have?'),
    hint: text(
      'Seulement les appareils à vous, qui marchent. Vous pouvez cocher plusieurs réponses.',
      'Alleen toestellen van uzelf die werken. U mag meerdere antwoorden aanduiden.',
      'Only devices that are yours and that work. You can tick more than one answer.'
    ),
    choices: [
      choice('smartphone', 'Un smartphone', 'Een smartphone', 'A smartphone'),
      choice('computer', 'Un ordinateur (fixe ou portable)', 'Een computer of laptop', 'A computer or laptop'),
      choice('tablet', 'Une tablette', 'Een tablet', 'A tablet'),
      choice('none', 'Aucun de ces appareils', 'Geen van deze toestellen', 'None of these')
    ]
  },
  // The five DigComp 2.2 areas, in the framework's order. This is a self-assessment: Eurostat's Digital
  // Skills Indicator is computed from activities done in the last three months, so compare trends, not levels.
  skill(
    'skill_information',
    text('Savez-vous chercher des informations sur internet ?', 'Kunt u informatie zoeken op internet?', 'Can you search for information on the internet?'),
    text(
      'Par exemple : trouver une information sur un site, vérifier si elle est fiable.',
      'Bijvoorbeeld: informatie vinden op een website, nagaan of ze betrouwbaar is.',
      'For example: find information on a website, check whether it is reliable.'
    )
  ),
  skill(
    'skill_communication',
    text(
      "Savez-vous communiquer avec d'autres personnes par internet ?",
      'Kunt u via internet met andere mensen communiceren?',
      'Can you communicate with other people on the internet?'
    ),
    text(
      'Par exemple : envoyer un e-mail avec un document, faire un appel vidéo.',
      'Bijvoorbeeld: een e-mail met een document sturen, videobellen.',
      'For example: send an email with a document, make a video call.'
    )
  ),
  skill(
    'skill_content',
    text('Savez-vous créer ou modifier un document ou une photo ?', 'Kunt u een document of foto maken of aanpassen?', 'Can you create or change a document or a photo?'),
    text(
      "Par exemple : écrire une lettre sur l'ordinateur, rendre une photo plus petite.",
      'Bijvoorbeeld: een brief typen op de computer, een foto kleiner maken.',
      'For example: type a letter on the computer, make a photo smaller.'
    )
  ),
  skill(
    'skill_safety',
    text('Savez-vous vous protéger sur internet ?', 'Kunt u zich beschermen op internet?', 'Can you protect yourself on the internet?'),
    text(
      'Par exemple : choisir un mot de passe sûr, reconnaître un faux message.',
      'Bijvoorbeeld: een veilig wachtwoord kiezen, een vals bericht herkennen.',
      'For example: choose a safe password, recognise a fake message.'
    )
  ),
  skill(
    'skill_problem_solving',
    text(
      'Savez-vous régler un problème avec un appareil ou une application ?',
      'Kunt u een probleem met een toestel of app oplossen?',
      'Can you solve a problem with a device or an app?'
    ),
    text(
      "Par exemple : installer une application, trouver de l'aide quand quelque chose ne marche pas.",
      'Bijvoorbeeld: een app installeren, hulp vinden als iets niet werkt.',
      'For example: install an app, find help when something does not work.'
    )
  ),
  {
    id: 'comment',
    type: 'long_text',
    label: text('Voulez-vous nous dire autre chose ?', 'Wilt u ons nog iets vertellen?', 'Is there anything else you want to tell us?'),
    hint: text(
      `Par exemple : ce qui vous aide ici, ou ce qui manque. ${NO_NAMES.fr}`,
      `Bijvoorbeeld: wat u hier helpt, of wat er ontbreekt. ${NO_NAMES.nl}`,
      `For example: what helps you here, or what is missing. ${NO_NAMES.en}`
    )
  }
];

const RAW: RawDefinition = {
  title: text('Mieux vous connaître', 'U beter leren kennen', 'Getting to know you'),
  intro: text(
    'Vos réponses nous aident à mieux vous accueillir. Le questionnaire prend environ 5 minutes. Seule la question sur votre âge est obligatoire.',
    'Met uw antwoorden kunnen we u beter helpen. De vragenlijst duurt ongeveer 5 minuten. Alleen de vraag over uw leeftijd is verplicht.',
    'Your answers help us to welcome you better. The survey takes about 5 minutes. Only the question about your age is required.'
  ),
  questions: QUESTIONS
};

/**
 * The visitor profile survey, parsed (defaults filled in). A fresh copy on every call: the survey builder
 * may edit it before saving, and that must not change the template for the next caller.
 */
export function visitorProfileTemplate(): SurveyDefinition {
  return ZSurveyDefinition.parse(structuredClone(RAW));
}
