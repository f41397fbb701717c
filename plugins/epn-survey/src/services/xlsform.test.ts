import { readFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@passerelle/trpc';
import { COMMUNES } from '@passerelle/db/communes';
import { CONDITION_OPS, QUESTION_TYPES, ZSurveyDefinition, type Condition, type Label, type Question, type SurveyDefinition } from './definition.ts';
import { escapeCell, exportXlsForm, formatNumber, importXlsForm, parseConstraint, parseLanguage, parseRelevance, unescapeCell, type SkippedItem } from './xlsform.ts';

// ---------------------------------------------------------------------------------------------------
// Helpers

const fixture = (name: string) => readFile(new URL(`./fixtures/xlsform/${name}`, import.meta.url));

type Cell = string | number | boolean | null;

/** A workbook written cell by cell, for the small cases a fixture file would not make clearer. */
async function xlsx(sheets: Record<string, Cell[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function sheetsOf(buf: Buffer): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const out = new Map<string, string[][]>();
  for (const ws of wb.worksheets) {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      for (let i = 1; i <= ws.columnCount; i++) cells.push(String(row.getCell(i).value ?? ''));
      rows.push(cells);
    });
    out.set(ws.name, rows);
  }
  return out;
}

/** The AppError a promise rejects with. */
async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (err: unknown) => err
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/** A zip written by hand (stored, no compression), for "a zip but not an xlsx". */
function storedZip(files: Record<string, string>, declaredSize?: number): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declaredSize ?? data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const skip = (sheet: string, row: number | undefined, what: string, reason: string): SkippedItem => ({ ...(row === undefined ? {} : { row }), sheet, what, reason });
const all = (conditions: Condition[]) => ({ mode: 'all' as const, conditions });
const any = (conditions: Condition[]) => ({ mode: 'any' as const, conditions });

// ---------------------------------------------------------------------------------------------------
// Round trip
//
// importXlsForm(exportXlsForm(def)) gives back `def` for every valid definition written the canonical
// way. A few spellings mean the same and come back in one form, so the property below generates only
// the canonical one: an empty label text is the same as none; `integer: false` is the same as no
// `integer`; mode 'any' with a single condition is the same as 'all'; fields that do not belong to a type
// (choices of a scale, min of a text…) are not exported; and a condition value '' is not representable
// (XLSForm's `!= ''` means "answered", `= ''` "not answered").

const rich: SurveyDefinition = ZSurveyDefinition.parse({
  title: { fr: 'Votre visite', nl: 'Uw bezoek', en: 'Your visit' },
  intro: { fr: "=Merci d'avance", en: '+Thanks in advance' },
  questions: [
    {
      id: 'first_visit',
      type: 'single',
      label: { fr: '=SUM(A1:A9)', nl: 'Eerste bezoek?' },
      hint: { en: '+1 if unsure' },
      required: true,
      choices: [
        { value: 'yes', label: { fr: 'Oui', nl: 'Ja', en: 'Yes' } },
        { value: 'no', label: { fr: '-Non', en: '@No' } }
      ]
    },
    {
      id: 'services',
      type: 'multiple',
      label: { en: '-dash first' },
      choices: [
        { value: 'wifi', label: { en: 'Wi-Fi' } },
        { value: 'print', label: { fr: "'=quoted formula" } },
        { value: 'help.desk-1', label: { nl: "'Twas brillig" } }
      ]
    },
    { id: 'passerelle_scale', type: 'single', label: { fr: "''two quotes" }, choices: [{ value: 'a', label: { fr: 'A' } }, { value: 'b', label: { fr: "'" } }] },
    { id: 'passerelle_intro', type: 'scale', label: { fr: '@mention', nl: 'Tevredenheid' }, required: true },
    { id: 'visits', type: 'number', label: { fr: 'Combien ?' }, integer: true, min: 1, max: 100 },
    { id: 'hours', type: 'number', label: { en: 'Hours' }, min: -2.5 },
    { id: 'tiny', type: 'number', label: { en: 'Tiny' }, max: 1e-7 },
    { id: 'huge', type: 'number', label: { en: 'Huge' }, min: -0, max: 1.5e21 },
    { id: 'name', type: 'short_text', label: { fr: 'Nom', nl: 'Naam', en: 'Name' }, hint: { fr: 'a_x0041_b\r\nc\u0001d' } },
    { id: 'comments', type: 'long_text', label: { fr: 'Commentaires' } },
    { id: 'visit_date', type: 'date', label: { en: 'Date' }, required: true },
    { id: 'commune', type: 'commune', label: { fr: 'Commune', nl: 'Gemeente', en: 'Municipality' } },
    { id: '_age', type: 'age_band', label: { fr: 'Âge' } },
    { id: 'note', type: 'note', label: { fr: 'Une note', en: 'A note' } },
    { id: 'q_equals', type: 'short_text', label: { en: 'equals' }, showIf: all([{ question: 'first_visit', op: 'equals', value: 'yes' }]) },
    { id: 'q_not_equals', type: 'short_text', label: { en: 'not equals' }, showIf: all([{ question: 'first_visit', op: 'not_equals', value: 'no' }]) },
    {
      id: 'q_includes_any',
      type: 'short_text',
      label: { en: 'includes, any' },
      showIf: any([
        { question: 'services', op: 'includes', value: 'wifi' },
        { question: 'services', op: 'includes', value: 'help.desk-1' },
        { question: 'passerelle_intro', op: 'gt', value: 3 }
      ])
    },
    {
      id: 'q_numbers_all',
      type: 'short_text',
      label: { en: 'numbers, all' },
      showIf: all([
        { question: 'visits', op: 'gte', value: 10 },
        { question: 'visits', op: 'lt', value: -0 },
        { question: 'hours', op: 'lte', value: 1e-7 },
        { question: 'hours', op: 'gt', value: '3' },
        { question: 'commune', op: 'equals', value: '21004' },
        { question: '_age', op: 'not_equals', value: '75+' }
      ])
    },
    {
      id: 'q_texts',
      type: 'long_text',
      label: { en: 'quoted values' },
      showIf: any([
        { question: 'name', op: 'equals', value: "it's" },
        { question: 'name', op: 'equals', value: 'say "hi"' },
        { question: 'name', op: 'equals', value: `it's "both" ' and " ${'${x}'} ) and or` },
        { question: 'name', op: 'not_equals', value: ' spaced ' },
        { question: 'comments', op: 'answered' },
        { question: 'visit_date', op: 'gte', value: '2024-01-01' }
      ])
    },
    { id: 'q_single_any', type: 'note', label: { en: 'answered' }, showIf: all([{ question: 'visit_date', op: 'answered' }]) }
  ]
});

describe('XLSForm round trip', () => {
  it('gives back a definition with every question type, operator, mode and awkward label', async () => {
    const { definition, skipped } = await importXlsForm(await exportXlsForm(rich));
    expect(skipped).toEqual([]);
    expect(definition).toEqual(rich);
  });

  it('gives back a definition without intro, with a title in one language only', async () => {
    const def = ZSurveyDefinition.parse({ title: { nl: 'Alleen Nederlands' }, questions: [{ id: 'q', type: 'date', label: { nl: 'Datum' } }] });
    expect((await importXlsForm(await exportXlsForm(def))).definition).toEqual(def);
  });

  it('round-trips random valid definitions exactly', async () => {
    await fc.assert(
      fc.asyncProperty(definitionArb, async (def) => {
        const { definition, skipped } = await importXlsForm(await exportXlsForm(def));
        expect(skipped).toEqual([]);
        expect(definition).toEqual(def);
      }),
      { numRuns: 100 }
    );
  });
});

// Random canonical definitions (see the comment above `rich`).
const tricky = fc.constantFrom('=1+1', '+x', '-1', '@a', "'=b", "'", "''", "'Twas", '_x0041_', 'a\r\nb', '\uD800 lone', 'x\u0000y', 'concat(', '${a}');
const text = fc
  .oneof(tricky, fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), fc.string({ minLength: 1, maxLength: 12 }))
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const labelArb: fc.Arbitrary<Label> = fc
  .record({ fr: text, nl: text, en: text }, { requiredKeys: [] })
  .filter((l) => Object.keys(l).length > 0);
const nameArb = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,11}$/);
const numberArb = fc.double({ noNaN: true, noDefaultInfinity: true });

const questionSpec = fc.record({
  type: fc.constantFrom(...QUESTION_TYPES),
  label: labelArb,
  hint: fc.option(labelArb, { nil: undefined }),
  required: fc.boolean(),
  choices: fc.uniqueArray(fc.record({ value: nameArb, label: labelArb }), { minLength: 2, maxLength: 4, selector: (c) => c.value }),
  bounds: fc.tuple(fc.option(numberArb, { nil: undefined }), fc.option(numberArb, { nil: undefined })),
  integer: fc.boolean(),
  conditions: fc.array(
    fc.record({ target: fc.nat(), op: fc.constantFrom(...CONDITION_OPS), value: fc.oneof(text.map((s) => s.slice(0, 200)), numberArb) }),
    { maxLength: 4 }
  ),
  any: fc.boolean()
});
type Spec = typeof questionSpec extends fc.Arbitrary<infer T> ? T : never;

function buildQuestion(id: string, s: Spec, earlier: Question[]): Question {
  const q: Question = { id, type: s.type, label: s.label, required: s.required && s.type !== 'note' };
  if (s.hint) q.hint = s.hint;
  if (s.type === 'single' || s.type === 'multiple') q.choices = s.choices;
  if (s.type === 'number') {
    const [a, b] = s.bounds;
    if (a !== undefined) q.min = b !== undefined ? Math.min(a, b) : a;
    if (b !== undefined) q.max = a !== undefined ? Math.max(a, b) : b;
    if (s.integer) q.integer = true;
  }
  const targets = earlier.filter((e) => e.type !== 'note');
  const conditions: Condition[] = targets.length
    ? s.conditions.map((c) => {
        const target = targets[c.target % targets.length]!;
        const op = c.op === 'includes' && target.type !== 'multiple' ? 'equals' : c.op;
        return op === 'answered' ? { question: target.id, op } : { question: target.id, op, value: c.value };
      })
    : [];
  if (conditions.length) q.showIf = { mode: s.any && conditions.length > 1 ? 'any' : 'all', conditions };
  return q;
}

const definitionArb: fc.Arbitrary<SurveyDefinition> = fc
  .uniqueArray(nameArb, { minLength: 1, maxLength: 7 })
  .chain((ids) => fc.tuple(fc.constant(ids), fc.array(questionSpec, { minLength: ids.length, maxLength: ids.length }), labelArb, fc.option(labelArb, { nil: undefined })))
  .map(([ids, specs, title, intro]) => {
    const questions: Question[] = [];
    ids.forEach((id, i) => questions.push(buildQuestion(id, specs[i]!, questions)));
    return ZSurveyDefinition.parse({ title, ...(intro ? { intro } : {}), questions });
  });

// ---------------------------------------------------------------------------------------------------
// Export

describe('exportXlsForm', () => {
  it('writes the survey, choices and settings sheets the XLSForm way', async () => {
    const sheets = await sheetsOf(await exportXlsForm(rich, { formId: 'visit_2024', version: '3' }));
    const survey = sheets.get('survey')!;
    expect(survey[0]).toEqual([
      'type',
      'name',
      'label::French (fr)',
      'label::Dutch (nl)',
      'label::English (en)',
      'hint::French (fr)',
      'hint::Dutch (nl)',
      'hint::English (en)',
      'required',
      'relevant',
      'constraint',
      'appearance',
      'passerelle_type'
    ]);
    const byName = new Map(survey.slice(1).map((r) => [r[1], r]));
    const col = (name: string, header: string) => byName.get(name)![survey[0]!.indexOf(header)];
    expect(survey[1]!.slice(0, 2)).toEqual(['note', 'passerelle_intro_2']);
    expect(col('passerelle_intro_2', 'passerelle_type')).toBe('intro');
    expect(col('first_visit', 'type')).toBe('select_one first_visit');
    expect(col('first_visit', 'required')).toBe('yes');
    expect(col('services', 'type')).toBe('select_multiple services');
    // A question named like a fixed list gets a list name of its own.
    expect(col('passerelle_scale', 'type')).toBe('select_one passerelle_scale_2');
    expect(col('passerelle_intro', 'type')).toBe('select_one passerelle_scale');
    expect(col('passerelle_intro', 'appearance')).toBe('likert');
    expect(col('visits', 'type')).toBe('integer');
    expect(col('visits', 'constraint')).toBe('. >= 1 and . <= 100');
    expect(col('hours', 'type')).toBe('decimal');
    expect(col('tiny', 'constraint')).toBe('. <= 0.0000001');
    expect(col('huge', 'constraint')).toBe('. >= -0 and . <= 1500000000000000000000');
    expect(col('name', 'type')).toBe('text');
    expect(col('comments', 'appearance')).toBe('multiline');
    expect(col('visit_date', 'type')).toBe('date');
    expect(col('commune', 'type')).toBe('select_one passerelle_commune');
    expect(col('_age', 'type')).toBe('select_one passerelle_age_band');
    expect(col('note', 'type')).toBe('note');
    expect(col('first_visit', 'label::English (en)')).toBe('');
    expect(col('q_equals', 'relevant')).toBe("${first_visit} = 'yes'");
    expect(col('q_not_equals', 'relevant')).toBe("${first_visit} != 'no'");
    expect(col('q_includes_any', 'relevant')).toBe("selected(${services}, 'wifi') or selected(${services}, 'help.desk-1') or ${passerelle_intro} > 3");
    expect(col('q_numbers_all', 'relevant')).toBe("${visits} >= 10 and ${visits} < -0 and ${hours} <= 0.0000001 and ${hours} > '3' and ${commune} = '21004' and ${_age} != '75+'");
    expect(col('q_texts', 'relevant')).toBe(
      `\${name} = "it's" or \${name} = 'say "hi"' or \${name} = concat('it', "'", 's "both" ', "'", ' and " \${x} ) and or') or \${name} != ' spaced ' or \${comments} != '' or \${visit_date} >= '2024-01-01'`
    );

    const choices = sheets.get('choices')!;
    expect(choices[0]).toEqual(['list_name', 'name', 'label::French (fr)', 'label::Dutch (nl)', 'label::English (en)']);
    expect(choices.filter((r) => r[0] === 'passerelle_scale').map((r) => r[1])).toEqual(['1', '2', '3', '4', '5']);
    expect(choices.filter((r) => r[0] === 'passerelle_age_band').map((r) => r[1])).toEqual(['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+']);
    const communes = choices.filter((r) => r[0] === 'passerelle_commune');
    expect(communes.map((r) => r[1])).toEqual([...COMMUNES.map((c) => c.nis), 'outside']);
    expect(communes[0]!.slice(2)).toEqual([COMMUNES[0]!.nameFr, COMMUNES[0]!.nameNl, COMMUNES[0]!.nameEn]);
    expect(choices.find((r) => r[0] === 'first_visit' && r[1] === 'no')).toEqual(['first_visit', 'no', "'-Non", '', "'@No"]);

    expect(sheets.get('settings')).toEqual([
      ['form_title', 'form_id', 'version', 'default_language', 'passerelle_title::French (fr)', 'passerelle_title::Dutch (nl)', 'passerelle_title::English (en)'],
      ['Votre visite', 'visit_2024', '3', 'French (fr)', '', 'Uw bezoek', 'Your visit']
    ]);
  });

  it('derives form_id from the title when none is given', async () => {
    const def = ZSurveyDefinition.parse({ title: { nl: 'Één enquête — 2024!' }, questions: [{ id: 'q', type: 'date', label: { nl: 'Datum' } }] });
    const settings = (await sheetsOf(await exportXlsForm(def))).get('settings')!;
    expect(settings[1]!.slice(0, 4)).toEqual(['Één enquête — 2024!', 'een_enquete_2024', '', 'Dutch (nl)']);
  });

  it('never writes a cell a spreadsheet could run as a formula', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsForm(rich)) as unknown as ExcelJS.Buffer);
    let cells = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          cells++;
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          expect(String(cell.value)).not.toMatch(/^[=+\-@\t\r]/);
        })
      );
    }
    expect(cells).toBeGreaterThan(100);
    // The escaped texts are there, with their apostrophe.
    const sheets = await sheetsOf(await exportXlsForm(rich));
    expect(sheets.get('survey')!.flat()).toEqual(expect.arrayContaining(["'=SUM(A1:A9)", "'+1 if unsure", "'-dash first", "'@mention", "'=Merci d'avance", "'''two quotes"]));
    expect(sheets.get('choices')!.flat()).toEqual(expect.arrayContaining(["''=quoted formula", "'-Non", "'@No", "'Twas brillig", "'"]));
  });
});

describe('cell escaping', () => {
  it('escapes formula starts and is undone exactly by unescapeCell', () => {
    expect(escapeCell('=1+1')).toBe("'=1+1");
    expect(escapeCell('\tx')).toBe("'\tx");
    expect(escapeCell("'=1")).toBe("''=1");
    expect(escapeCell("''")).toBe("'''");
    expect(escapeCell("'Twas")).toBe("'Twas");
    expect(escapeCell('plain')).toBe('plain');
    fc.assert(fc.property(fc.oneof(fc.string(), tricky, fc.string().map((s) => `'${s}`)), (s) => unescapeCell(escapeCell(s)) === s));
  });

  it("keeps a hand-written apostrophe unless it escapes a formula character", () => {
    expect(unescapeCell("'Twas")).toBe("'Twas");
    expect(unescapeCell("'=A1")).toBe('=A1');
  });

  it('formats numbers without exponent', () => {
    expect([1e21, 1.5e-7, -2.5e-10, -0, 0, 42, 1.25].map(formatNumber)).toEqual(['1000000000000000000000', '0.00000015', '-0.00000000025', '-0', '0', '42', '1.25']);
    fc.assert(fc.property(numberArb, (n) => Object.is(Number(formatNumber(n)), n) && !/e/i.test(formatNumber(n))));
  });
});

// ---------------------------------------------------------------------------------------------------
// Import of hand-written forms

describe('importXlsForm with hand-written fixtures', () => {
  it('reads a KoboToolbox-style form in three languages', async () => {
    const { definition, skipped } = await importXlsForm(await fixture('kobo-visitor-feedback.xlsx'));
    const yesNo = [
      { value: 'yes', label: { fr: 'Oui', nl: 'Ja', en: 'Yes' } },
      { value: 'no', label: { fr: 'Non', nl: 'Nee', en: 'No' } }
    ];
    const visitedBefore = all([{ question: 'visited_before', op: 'equals', value: 'yes' }]);
    expect(definition).toEqual({
      title: { fr: 'Avis des visiteurs' },
      questions: [
        { id: 'visited_before', type: 'single', required: true, choices: yesNo, label: { fr: "Êtes-vous déjà venu·e à l'EPN ?", nl: 'Bent u al eens naar de EOC gekomen?', en: 'Have you visited the centre before?' } },
        {
          id: 'visits',
          type: 'number',
          integer: true,
          required: true,
          label: { fr: 'Combien de fois êtes-vous venu·e cette année ?', nl: 'Hoe vaak bent u dit jaar gekomen?', en: 'How many times this year?' },
          hint: { en: 'Count this visit too' },
          showIf: visitedBefore
        },
        {
          id: 'services_used',
          type: 'multiple',
          required: true,
          label: { fr: 'Quels services avez-vous utilisés ?', nl: 'Welke diensten hebt u gebruikt?', en: 'Which services did you use?' },
          choices: [
            { value: 'wifi', label: { fr: 'Wi-Fi', nl: 'Wifi', en: 'Wi-Fi' } },
            { value: 'printing', label: { fr: 'Impression', nl: 'Afdrukken', en: 'Printing' } },
            { value: 'training', label: { fr: 'Formation', nl: 'Opleiding', en: 'Training' } },
            { value: 'help_admin', label: { fr: 'Aide administrative', nl: 'Administratieve hulp', en: 'Help with paperwork' } }
          ],
          showIf: visitedBefore
        },
        {
          id: 'satisfaction',
          type: 'single',
          required: true,
          label: { fr: 'Êtes-vous satisfait·e ?', nl: 'Bent u tevreden?', en: 'Are you satisfied?' },
          choices: [
            { value: 'very_satisfied', label: { fr: 'Très satisfait·e', nl: 'Zeer tevreden', en: 'Very satisfied' } },
            { value: 'satisfied', label: { fr: 'Satisfait·e', nl: 'Tevreden', en: 'Satisfied' } },
            { value: 'neutral', label: { fr: 'Neutre', nl: 'Neutraal', en: 'Neutral' } },
            { value: 'unsatisfied', label: { fr: 'Pas satisfait·e', nl: 'Niet tevreden', en: 'Not satisfied' } }
          ]
        },
        { id: 'comments', type: 'long_text', required: false, label: { fr: 'Un commentaire ?', nl: 'Nog een opmerking?', en: 'Any comments?' } },
        { id: 'thanks', type: 'note', required: false, label: { fr: 'Merci !', nl: 'Bedankt!', en: 'Thank you!' } }
      ]
    });
    expect(skipped).toEqual([
      skip('survey', 2, "start 'start'", 'metadata fields are not collected by Passerelle surveys; skipped'),
      skip('survey', 3, "end 'end'", 'metadata fields are not collected by Passerelle surveys; skipped'),
      skip('survey', 7, "appearance of 'satisfaction'", "'likert' is not supported; ignored")
    ]);
  });

  it('reads an ODK-style form: plain label, groups flattened, constraint, selected() with or', async () => {
    const { definition, skipped } = await importXlsForm(await fixture('odk-digital-skills.xlsx'));
    expect(definition.title).toEqual({ fr: 'Compétences numériques' });
    expect(definition.intro).toBeUndefined();
    const q = new Map(definition.questions.map((x) => [x.id, x]));
    expect([...q.keys()]).toEqual(['welcome', 'age', 'last_training', 'devices', 'level', 'which_training', 'hours', 'needs_help', 'bye']);
    expect(q.get('welcome')).toEqual({ id: 'welcome', type: 'note', required: false, label: { fr: 'Bienvenue ! Ce questionnaire prend cinq minutes.', en: 'Welcome! This questionnaire takes five minutes.' } });
    expect(q.get('age')).toEqual({ id: 'age', type: 'number', integer: true, min: 16, max: 120, required: true, label: { fr: 'Quel âge avez-vous ?', en: 'How old are you?' }, hint: { fr: 'En années' } });
    expect(q.get('last_training')).toEqual({ id: 'last_training', type: 'date', required: false, label: { fr: 'Date de votre dernière formation', en: 'Date of your last training' } });
    expect(q.get('devices')!.choices!.map((c) => c.value)).toEqual(['smartphone', 'tablet', 'computer', 'none']);
    expect(q.get('devices')!.choices![1]).toEqual({ value: 'tablet', label: { fr: 'Tablette', en: 'Tablet' } });
    expect(q.get('devices')!.hint).toEqual({ fr: 'Plusieurs réponses possibles' });
    expect(q.get('level')!.type).toBe('single');
    expect(q.get('which_training')!.type).toBe('short_text');
    expect(q.get('which_training')!.showIf).toEqual(
      any([
        { question: 'devices', op: 'includes', value: 'computer' },
        { question: 'devices', op: 'includes', value: 'tablet' }
      ])
    );
    expect(q.get('hours')).toMatchObject({ type: 'number', min: 0, showIf: all([{ question: 'level', op: 'not_equals', value: 'beginner' }]) });
    expect(q.get('hours')!.integer).toBeUndefined();
    expect(q.get('hours')!.max).toBeUndefined();
    // The group's condition is joined to the question's own.
    expect(q.get('needs_help')!.showIf).toEqual(
      all([
        { question: 'age', op: 'gte', value: 65 },
        { question: 'level', op: 'equals', value: 'beginner' }
      ])
    );
    expect(q.get('bye')!.showIf).toEqual(all([{ question: 'devices', op: 'answered' }]));
    expect(skipped).toEqual([
      skip('survey', 1, "column 'constraint_message'", 'this column is not supported; its values were ignored'),
      skip('survey', 3, "begin_group 'about_you'", 'groups are not supported; the group was flattened and its questions imported one by one'),
      skip('survey', 11, "begin group 'seniors'", 'groups are not supported; the group was flattened and its questions imported one by one')
    ]);
  });

  it('reports every unsupported part of a form and keeps the rest', async () => {
    const { definition, skipped } = await importXlsForm(await fixture('unsupported-bits.xlsx'));
    expect(definition.title).toEqual({ fr: 'unsupported_bits' });
    const agree = [
      { value: '_1', label: { fr: 'Oui', nl: 'Ja' } },
      { value: '_2', label: { fr: 'Non', nl: 'Nee' } },
      { value: '_3', label: { fr: 'Sans avis', nl: 'Geen mening' } }
    ];
    expect(definition.questions).toEqual([
      { id: 'full_name', type: 'short_text', required: true, label: { fr: 'Nom', nl: 'Naam' } },
      { id: 'agree', type: 'single', required: true, label: { fr: "D'accord ?", nl: 'Akkoord?' }, choices: agree },
      { id: 'even_number', type: 'number', integer: true, required: false, label: { fr: 'Un nombre pair', nl: 'Een even getal' } },
      { id: 'why', type: 'short_text', required: false, label: { fr: 'Pourquoi ?', nl: 'Waarom?' } },
      { id: 'why_not', type: 'short_text', required: false, label: { fr: 'Pourquoi pas ?', nl: 'Waarom niet?' }, showIf: all([{ question: 'agree', op: 'equals', value: '_2' }]) },
      { id: 'where', type: 'short_text', required: false, label: { fr: 'Où ?', nl: 'Waar?' } },
      { id: 'filtered', type: 'single', required: false, label: { fr: 'Choix filtré', nl: 'Gefilterde keuze' }, choices: agree },
      { id: 'free_note', type: 'short_text', required: false, label: { fr: 'Note libre', nl: 'Vrije notitie' } },
      { id: 'age_reel', type: 'short_text', required: false, label: { fr: 'Âge réel', nl: 'Werkelijke leeftijd' }, hint: { fr: 'En années' } }
    ]);
    const kept = 'the question is kept without this condition';
    expect(skipped).toEqual([
      skip('survey', 1, "column 'label::Deutsch (de)'", "the language 'Deutsch (de)' is not supported (only French, Dutch and English); this column was ignored"),
      skip('survey', 3, "geopoint 'location'", 'location questions are not supported; skipped'),
      skip('survey', 4, "calculate 'score'", 'calculations are not supported; skipped'),
      skip('survey', 5, "begin_repeat 'children'", 'repeats are not supported; the repeat and every question in it are skipped'),
      skip('survey', 6, "integer 'child_age'", "inside repeat 'children', which is not supported; skipped"),
      skip('survey', 9, "select_one colours 'colour'", "the choice list 'colours' is not in the choices sheet; skipped"),
      skip('survey', 10, "select_one_from_file communes.csv 'commune_file'", 'choices from an external file are not supported; skipped'),
      skip('survey', 11, "constraint of 'even_number'", '". mod 2 = 0" is not supported (only ". >= min and . <= max"); ignored'),
      skip('survey', 12, "text 'full_name'", 'an earlier question has the same name; skipped'),
      skip('survey', 13, "relevant of 'why'", `"\${agree} = '1' and \${full_name} != '' or \${agree} = '2'" cannot be used ('and' and 'or' are mixed); ${kept}`),
      skip('survey', 15, "relevant of 'where'", `"\${location} != ''" cannot be used ('location' is not an earlier imported question); ${kept}`),
      skip('survey', 16, "choice_filter of 'filtered'", `"name != '3'" is not supported; all choices are offered`),
      skip('survey', 17, "image 'photo'", 'photo, audio, video and file questions are not supported; skipped'),
      skip('survey', 18, "barcode 'card'", 'barcode questions are not supported; skipped'),
      skip('survey', 19, "audio 'voice'", 'photo, audio, video and file questions are not supported; skipped'),
      skip('survey', 20, "rating_stars 'stars'", 'unknown question type; skipped'),
      skip('survey', 21, "relevant of 'free_note'", `"not(\${agree} = '1')" cannot be used (the function not() is not supported); ${kept}`),
      skip('survey', 22, "time 'hour'", 'time questions are not supported (only dates); skipped'),
      skip('survey', 23, "name 'âge réel'", "not a valid Passerelle name (letters, digits, _ . - and a letter or _ first, at most 64); renamed to 'age_reel'"),
      skip('survey', 23, "required of 'âge réel'", "'maybe' is not supported (only yes or no); the question is optional"),
      skip('choices', 2, "choice '1' in list 'agree'", "'1' is not a valid Passerelle value (letters, digits, _ . - and a letter or _ first); renamed to '_1'"),
      skip('choices', 3, "choice '2' in list 'agree'", "'2' is not a valid Passerelle value (letters, digits, _ . - and a letter or _ first); renamed to '_2'"),
      skip('choices', 4, "choice '3' in list 'agree'", "'3' is not a valid Passerelle value (letters, digits, _ . - and a letter or _ first); renamed to '_3'"),
      skip('choices', 5, "choice '2' in list 'agree'", 'a choice with this name comes earlier in the list; skipped'),
      skip('choices', 6, "list 'unused_list'", 'no imported question uses this list; ignored')
    ]);
  });

  it('puts plain labels in the default language and reads language names and TRUE()', async () => {
    const { definition, skipped } = await importXlsForm(await fixture('languages.xlsx'));
    expect(definition).toEqual({
      title: { nl: 'Bezoek' },
      questions: [
        { id: 'nickname', type: 'short_text', required: false, label: { fr: 'Surnom', nl: 'Bijnaam', en: 'Nickname' }, hint: { en: 'Optional' } },
        { id: 'visit_date', type: 'date', required: true, label: { fr: 'Date de la visite', nl: 'Datum van het bezoek', en: 'Date of the visit' } },
        {
          id: 'again',
          type: 'single',
          required: true,
          label: { fr: 'Reviendrez-vous ?', nl: 'Komt u terug?', en: 'Will you come back?' },
          choices: [
            { value: 'yes', label: { fr: 'Oui', nl: 'Ja', en: 'Yes' } },
            { value: 'no', label: { fr: 'Non', nl: 'Nee', en: 'No' } }
          ]
        }
      ]
    });
    expect(skipped).toEqual([]);
  });

  it('accepts an ArrayBuffer', async () => {
    const buf = await fixture('languages.xlsx');
    const arrayBuffer = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
    expect((await importXlsForm(arrayBuffer)).definition.title).toEqual({ nl: 'Bezoek' });
  });
});

describe('importXlsForm odds and ends', () => {
  it('reports a wrong passerelle_type, an unknown language, an uncombinable group condition and more', async () => {
    const buf = await xlsx({
      survey: [
        ['Type', 'Name', 'Label', 'relevance', 'passerelle_type', 'appearance', 'constraint', 'guidance_hint', '$autoname', '$kuid'],
        ['select_one yn', 'a', 'A ?', null, 'commune', 'minimal', null, 'read this', 'a', 'k1'],
        ['select_one yn or_other', 'b', 'B ?', null, 'scale', null, null, null, 'b', 'k2'],
        ['begin_group', 'grp', 'Groupe', "${a} = 'yes' or ${b} = '5'", null, null, null, null, null, null],
        ['text', 'c', 'C ?', "${a} = 'no'", 'number', null, '. >= 1', null, 'c', 'k3'],
        ['text', 'd', null, null, null, null, null, null, null, null],
        ['end_group', null, null, null, null, null, null, null, null, null],
        ['end_group', null, null, null, null, null, null, null, null, null],
        ['integer', 'e', 'E', '${d} > 1e3', null, null, '. >= 10 and . <= 1', null, null, null],
        ['note', 'f', 'F', "${a} = 'yes'", 'intro', null, null, null, null, null],
        ['note', 'g', 'G', null, 'intro', null, null, null, null, null],
        [null, 'h', 'H', null, null, null, null, null, null, null],
        ['select_one yn', 'y', 'Y', null, null, null, null, null, null, null]
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['yn', 'yes', 'Oui'],
        ['yn', 'no', null]
      ],
      settings: [
        ['form_title', 'default_language', 'style'],
        ['Divers', 'Deutsch (de)', 'pages']
      ],
      notes: [['a sheet of notes to self']]
    });
    const { definition, skipped } = await importXlsForm(buf);
    expect(definition.title).toEqual({ fr: 'Divers' });
    expect(definition.intro).toEqual({ fr: 'F' });
    expect(definition.questions.map((q) => [q.id, q.type])).toEqual([
      ['a', 'commune'],
      ['b', 'scale'],
      ['c', 'short_text'],
      ['d', 'short_text'],
      ['e', 'number'],
      ['g', 'note'],
      ['y', 'single']
    ]);
    expect(definition.questions.at(-1)!.choices).toEqual([
      { value: 'yes', label: { fr: 'Oui' } },
      { value: 'no', label: { fr: 'no' } }
    ]);
    expect(definition.questions.find((q) => q.id === 'd')!.label).toEqual({ fr: 'd' });
    expect(definition.questions.find((q) => q.id === 'e')).toEqual({ id: 'e', type: 'number', integer: true, required: false, label: { fr: 'E' } });
    expect(skipped).toEqual([
      skip('survey', 1, "column 'guidance_hint'", 'this column is not supported; its values were ignored'),
      skip('survey', 2, "choices of 'a'", "the list 'yn' is replaced by Passerelle's fixed list for 'commune'"),
      skip('survey', 2, "appearance of 'a'", "'minimal' is not supported; ignored"),
      skip('survey', 3, "choices of 'b'", "the list 'yn' is replaced by Passerelle's fixed list for 'scale'"),
      skip('survey', 3, "or_other of 'b'", "'or_other' is not supported; no 'other' option was added"),
      skip('survey', 4, "begin_group 'grp'", 'groups are not supported; the group was flattened and its questions imported one by one'),
      skip('survey', 5, "passerelle_type of 'c'", "'number' does not fit the type 'text'; ignored"),
      skip('survey', 5, "constraint of 'c'", 'constraints are only supported on numbers; ignored'),
      skip(
        'survey',
        5,
        "relevant of 'c'",
        `"\${a} = 'no'" cannot be used (its group's condition and its own cannot be combined without mixing 'and' and 'or'); the question is kept without this condition`
      ),
      skip('survey', 6, "label of 'd'", 'the question has no label; its name is used as label'),
      skip('survey', 8, 'end_group', 'no begin_group matches it; ignored'),
      skip('survey', 9, "constraint of 'e'", '". >= 10 and . <= 1": the minimum is above the maximum; ignored'),
      skip('survey', 9, "relevant of 'e'", `"\${d} > 1e3" cannot be used (unexpected 'e3'); the question is kept without this condition`),
      skip('survey', 10, "relevant of 'f'", `"\${a} = 'yes'": the introduction has no relevant; ignored`),
      skip('survey', 11, "note 'g'", 'the survey already has an introduction; imported as a note'),
      skip('survey', 12, "row 'h'", 'the row has no type; skipped'),
      skip('choices', 3, "choice 'no' in list 'yn'", 'the choice has no label; its name is used as label'),
      skip('settings', 1, "column 'style'", 'this column is not supported; its values were ignored'),
      skip('settings', 2, "default_language 'Deutsch (de)'", 'this language is not supported (only French, Dutch and English); texts without a language are read as French'),
      skip('notes', undefined, "sheet 'notes'", 'this sheet is not part of an XLSForm Passerelle reads; ignored')
    ]);
  });

  it('keeps a group condition alone when the question has none, and maps selected() on a single choice to equals', async () => {
    const buf = await xlsx({
      survey: [
        ['type', 'name', 'label::en', 'relevant', 'required'],
        ['select_one yn', 'a', 'A?', null, 'FALSE'],
        ['begin_group', 'g', 'G', "${a} = 'yes' or ${a} = 'no'", null],
        ['text', 'b', 'B?', null, '1'],
        ['end_group', null, null, null, null],
        ['text', 'c', 'C?', "selected(${a}, 'yes')", 'yes'],
        ['note', 'n', 'N', null, 'yes'],
        ['text', 'd', 'D?', "${n} != ''", null]
      ],
      choices: [
        ['list_name', 'name', 'label::en', 'filter'],
        ['yn', 'yes', 'Yes', 'x'],
        ['yn', 'no', 'No', null]
      ]
    });
    const { definition, skipped } = await importXlsForm(buf);
    const q = new Map(definition.questions.map((x) => [x.id, x]));
    expect(definition.title).toEqual({ en: 'Imported survey' });
    expect(q.get('b')).toMatchObject({ required: true, showIf: any([{ question: 'a', op: 'equals', value: 'yes' }, { question: 'a', op: 'equals', value: 'no' }]) });
    expect(q.get('c')).toMatchObject({ required: true, showIf: all([{ question: 'a', op: 'equals', value: 'yes' }]) });
    expect(q.get('n')!.required).toBe(false);
    expect(q.get('d')!.showIf).toBeUndefined();
    expect(skipped).toEqual([
      skip('survey', 3, "begin_group 'g'", 'groups are not supported; the group was flattened and its questions imported one by one'),
      skip('survey', 7, "required of 'n'", 'a note cannot be required; ignored'),
      skip('survey', 8, "relevant of 'd'", `"\${n} != ''" cannot be used ('n' is a note); the question is kept without this condition`),
      skip('choices', 1, "column 'filter'", 'this column is not supported; its values were ignored')
    ]);
  });

  it('skips a list with fewer than two choices and questions beyond 200', async () => {
    const rows: Cell[][] = [['type', 'name', 'label']];
    rows.push(['select_one one', 'lonely', 'Lonely']);
    for (let i = 0; i < 201; i++) rows.push(['text', `q${i}`, `Q${i}`]);
    const { definition, skipped } = await importXlsForm(await xlsx({ survey: rows, choices: [['list_name', 'name', 'label'], ['one', 'only', 'Only']] }));
    expect(definition.questions).toHaveLength(200);
    expect(skipped).toEqual([
      skip('survey', 2, "select_one one 'lonely'", "the choice list 'one' has fewer than two choices; skipped"),
      skip('survey', 203, "text 'q200'", 'a survey holds at most 200 questions; skipped')
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Refusals

describe('importXlsForm refusals', () => {
  afterEach(() => vi.restoreAllMocks());

  it('refuses random bytes and a zip that is not an xlsx', async () => {
    expect((await refusal(importXlsForm(await fixture('malformed.xlsx')))).messageKey).toBe('epn_survey_error_xlsform_not_xlsx');
    expect((await refusal(importXlsForm(storedZip({ 'hello.txt': 'hello' })))).messageKey).toBe('epn_survey_error_xlsform_not_xlsx');
    const broken = storedZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': 'not xml at all <<<' });
    expect((await refusal(importXlsForm(broken))).messageKey).toBe('epn_survey_error_xlsform_not_xlsx');
    expect((await refusal(importXlsForm(Buffer.alloc(0)))).messageKey).toBe('epn_survey_error_xlsform_not_xlsx');
  });

  it('refuses a file above maxBytes before reading it, and a zip claiming to unzip to too much', async () => {
    const small = await fixture('languages.xlsx');
    const tooBig = await refusal(importXlsForm(small, { maxBytes: 1000 }));
    expect(tooBig.code).toBe('VALIDATION');
    expect(tooBig.messageKey).toBe('epn_survey_error_xlsform_too_big');
    expect((await refusal(importXlsForm(Buffer.alloc(5 * 1024 * 1024 + 1)))).messageKey).toBe('epn_survey_error_xlsform_too_big');
    const bomb = storedZip({ 'xl/workbook.xml': '<workbook/>' }, 0xfffffff0);
    expect((await refusal(importXlsForm(bomb))).messageKey).toBe('epn_survey_error_xlsform_too_big');
  });

  it('refuses more than 2,000 survey rows', async () => {
    const rows: Cell[][] = [['type', 'name', 'label']];
    for (let i = 0; i < 2001; i++) rows.push(['text', `q${i}`, 'Q']);
    expect((await refusal(importXlsForm(await xlsx({ survey: rows })))).messageKey).toBe('epn_survey_error_xlsform_too_big');
  });

  it('refuses a workbook without survey sheet', async () => {
    const e = await refusal(importXlsForm(await xlsx({ choices: [['list_name', 'name', 'label']] })));
    expect(e.messageKey).toBe('epn_survey_error_xlsform_no_survey_sheet');
  });

  it('refuses a form without an importable question', async () => {
    const buf = await xlsx({
      survey: [
        ['type', 'name', 'label', 'passerelle_type'],
        ['start', 'start', null, null],
        ['calculate', 'x', null, null],
        ['note', 'intro', 'Hello', 'intro']
      ]
    });
    expect((await refusal(importXlsForm(buf))).messageKey).toBe('epn_survey_error_xlsform_empty');
  });

  it('refuses a result that does not pass ZSurveyDefinition, with the issues', async () => {
    const failure = ZSurveyDefinition.safeParse({ title: {}, questions: [] });
    vi.spyOn(ZSurveyDefinition, 'safeParse').mockReturnValueOnce(failure);
    const e = await refusal(importXlsForm(await fixture('languages.xlsx')));
    expect(e.messageKey).toBe('epn_survey_error_xlsform_invalid');
    expect(String(e.params?.issues)).toContain('epn_survey_error_label_required');
  });
});

// ---------------------------------------------------------------------------------------------------
// Expression readers

describe('parseRelevance', () => {
  const one = (ref: string, op: string, value?: string | number) => ({ ref, op, ...(value === undefined ? {} : { value }) });

  it('reads the supported forms', () => {
    expect(parseRelevance("${a} = 'x'")).toEqual({ mode: 'all', conditions: [one('a', 'equals', 'x')] });
    expect(parseRelevance(' ( ${a}="x" ) ')).toEqual({ mode: 'all', conditions: [one('a', 'equals', 'x')] });
    expect(parseRelevance("${a}!='x'AND${b}>=-1.5 and ${c} < .5")).toEqual({ mode: 'all', conditions: [one('a', 'not_equals', 'x'), one('b', 'gte', -1.5), one('c', 'lt', 0.5)] });
    expect(parseRelevance('selected( ${m} , "v" ) or ${n} <= 3 or ${o} > \'3\'')).toEqual({ mode: 'any', conditions: [one('m', 'includes', 'v'), one('n', 'lte', 3), one('o', 'gt', '3')] });
    expect(parseRelevance("((${a} = 'x' and ${b} = 'y') and ${c} = 'z')").conditions).toHaveLength(3);
    expect(parseRelevance('${a} != ""')).toEqual({ mode: 'all', conditions: [one('a', 'answered')] });
    expect(parseRelevance(`\${a} = concat('it', "'", 's')`)).toEqual({ mode: 'all', conditions: [one('a', 'equals', "it's")] });
  });

  it('refuses what Passerelle cannot represent, with a reason', () => {
    const reason = (s: string) => {
      try {
        parseRelevance(s);
        return 'parsed';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(reason("(${a} = 'x' or ${b} = 'y') and ${c} = 'z'")).toBe("'and' and 'or' are mixed");
    expect(reason("${a} = 'x' and ${b} = 'y' or ${c} = 'z'")).toBe("'and' and 'or' are mixed");
    expect(reason("'x' = ${a}")).toBe("expected a ${question} but found ''x''");
    expect(reason("${a} = ''")).toBe(`"\${a} = ''" is not supported (only "!= ''", for answered)`);
    expect(reason('count-selected(${m}) > 1')).toBe('the function count-selected() is not supported');
    expect(reason('${a} + 1 > 2')).toBe("unexpected character '+'");
    expect(reason(". > 3")).toBe("'.' (the current question) is not supported");
    expect(reason("${a} = 'x")).toBe('a quoted text is not closed');
    expect(reason('')).toBe('the expression is empty');
    expect(reason(`\${a} > 1${'0'.repeat(400)}`)).toMatch(/too large/);
  });
});

describe('parseConstraint and parseLanguage', () => {
  it('reads min/max constraints only', () => {
    expect(parseConstraint('. >= 0 and . <= 10')).toEqual({ min: 0, max: 10 });
    expect(parseConstraint('.<=5')).toEqual({ max: 5 });
    expect(parseConstraint('(. >= 1) and (. <= 2)')).toEqual({ min: 1, max: 2 });
    expect(parseConstraint('. <= 10 AND . >= -3.5')).toEqual({ min: -3.5, max: 10 });
    expect(parseConstraint('. > 0')).toBeNull();
    expect(parseConstraint('. >= 1 and . >= 2')).toBeNull();
    expect(parseConstraint('. >= 1 or . <= 2')).toBeNull();
    expect(parseConstraint('regex(., "^[0-9]+$")')).toBeNull();
  });

  it('knows the usual language spellings', () => {
    expect(['French (fr)', 'Français (fr)', 'fr', 'fr-BE', 'French', 'Nederlands (nl)', 'Dutch', 'English', 'English (en)', 'anglais', '', 'default', 'Deutsch (de)', 'German', 'Klingon'].map(parseLanguage)).toEqual([
      'fr',
      'fr',
      'fr',
      'fr',
      'fr',
      'nl',
      'nl',
      'en',
      'en',
      'en',
      'default',
      'default',
      null,
      null,
      null
    ]);
  });
});
