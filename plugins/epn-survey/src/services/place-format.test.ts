import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCESSIBILITY, LANGUAGES, PUBLICS, SERVICES } from './lists.ts';
import {
  DIRECTORY_BOUNDS,
  FIELD_NAMES,
  IMPORT_MAX_ROWS,
  MEDNUM_URL,
  PLACE_FIELDS,
  escapeFormula,
  placeToRecord,
  placesDataPackage,
  placesFromCsv,
  placesFromJson,
  placesToCsv,
  placesToJson,
  recordToPlace,
  unescapeFormula,
  type DirectoryPlace,
  type ExportPlace,
  type ImportedPlace
} from './place-format.ts';

const place = (overrides: Partial<ExportPlace> = {}): ExportPlace => ({
  id: 'clx0epn0001',
  name: 'EPN Saint-Gilles',
  street: 'Rue de la Victoire 96',
  postcode: '1060',
  communeNis: '21013',
  latitude: 50.8279,
  longitude: 4.3453,
  phone: '02 123 45 67',
  email: 'epn@example.be',
  website: 'https://epn.example.be/horaires?x=1',
  openingHours: 'Mo-Fr 09:00-12:00,13:00-17:00; PH off',
  services: ['free_access', 'individual_help', 'online_admin_help', 'wifi'],
  publics: ['everyone', 'seniors', 'low_literacy'],
  accessibility: ['wheelchair'],
  languages: ['fr', 'nl', 'ar'],
  devices: 12,
  labelled: true,
  labelSince: new Date('2021-06-01T00:00:00Z'),
  mobile: false,
  updatedAt: new Date('2026-03-01T00:00:00Z'),
  organisation: { name: 'ASBL Lien numérique' },
  ...overrides
});

/** What an import gives back for a place (the organisation travels separately). */
function imported(p: ExportPlace): ImportedPlace {
  const { organisation: _organisation, ...rest } = p;
  return rest;
}

const HEADER = FIELD_NAMES.join(',');

/** A CSV line for a place, with some cells replaced (values already CSV-encoded). */
function csvLine(p: ExportPlace, cells: Partial<Record<(typeof FIELD_NAMES)[number], string>> = {}): string {
  const csv = placesToCsv([p]).replace(/^\uFEFF/, '');
  const parsed = parseCsv(csv) as string[][];
  const row = parsed[1] ?? [];
  return FIELD_NAMES.map((name, i) => {
    const own = cells[name];
    if (own !== undefined) return own;
    const v = row[i] ?? '';
    return /[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',');
}

describe('PLACE_FIELDS', () => {
  it('has unique names and Frictionless types, described in English and French', () => {
    expect(new Set(FIELD_NAMES).size).toBe(FIELD_NAMES.length);
    for (const f of PLACE_FIELDS) {
      expect(['string', 'number', 'integer', 'boolean', 'date', 'datetime']).toContain(f.type);
      expect(f.description.en.length).toBeGreaterThan(5);
      expect(f.description.fr.length).toBeGreaterThan(5);
    }
  });

  it('keeps the mednum names, with code_nis instead of code_insee', () => {
    for (const name of ['id', 'nom', 'adresse', 'code_postal', 'commune', 'latitude', 'longitude', 'telephone', 'courriels', 'site_web', 'horaires', 'services', 'publics_specifiquement_adresses', 'prise_en_charge_specifique', 'modalites_accompagnement', 'itinerance', 'date_maj', 'structure_parente']) {
      expect(FIELD_NAMES).toContain(name);
    }
    expect(FIELD_NAMES).not.toContain('code_insee');
    const nis = PLACE_FIELDS.find((f) => f.name === 'code_nis');
    expect(nis).toMatchObject({ type: 'string', required: true, constraints: { pattern: '^21\\d{3}$' } });
    expect(nis?.constraints.enum).toHaveLength(19);
  });

  it('uses the same box as the place form', async () => {
    // Imported lazily: places.ts pulls the database client, which only this check needs.
    const { BRUSSELS_BOUNDS } = await import('./places.ts');
    expect(DIRECTORY_BOUNDS).toEqual(BRUSSELS_BOUNDS);
  });
});

describe('placeToRecord / recordToPlace', () => {
  it('writes mednum values where they exist and Passerelle codes otherwise', () => {
    expect(placeToRecord(place(), 'ASBL Lien numérique')).toEqual({
      id: 'clx0epn0001',
      nom: 'EPN Saint-Gilles',
      structure_parente: 'ASBL Lien numérique',
      adresse: 'Rue de la Victoire 96',
      code_postal: '1060',
      commune: 'Saint-Gilles',
      commune_nl: 'Sint-Gillis',
      code_nis: '21013',
      latitude: 50.8279,
      longitude: 4.3453,
      telephone: '02 123 45 67',
      courriels: 'epn@example.be',
      site_web: 'https://epn.example.be/horaires?x=1',
      horaires: 'Mo-Fr 09:00-12:00,13:00-17:00; PH off',
      services: 'Accès internet et matériel informatique|Aide aux démarches administratives|wifi',
      modalites_accompagnement: 'Accompagnement individuel',
      publics_specifiquement_adresses: 'everyone|Seniors',
      prise_en_charge_specifique: 'Illettrisme',
      itinerance: 'Fixe',
      date_maj: '2026-03-01',
      langues: 'fr|nl|ar',
      accessibilite: 'wheelchair',
      nombre_appareils: 12,
      label_epn_bruxelles: true,
      label_epn_depuis: '2021-06-01'
    });
  });

  it('dates the update in Brussels time', () => {
    expect(placeToRecord(place({ updatedAt: new Date('2026-03-01T23:30:00Z') }), 'x').date_maj).toBe('2026-03-02');
  });

  it('reads back the same place', () => {
    const p = place();
    expect(recordToPlace(placeToRecord(p, p.organisation.name))).toEqual({ ok: true, place: imported(p), organisation: p.organisation.name });
    const mobile = place({ mobile: true, labelled: false, labelSince: null, latitude: null, longitude: null, services: [], publics: [], accessibility: [], languages: [], openingHours: '', phone: '', email: '', website: '' });
    expect(recordToPlace(placeToRecord(mobile, ''))).toEqual({ ok: true, place: imported(mobile), organisation: '' });
  });

  it('accepts what spreadsheets and mednum files do to values', () => {
    const result = recordToPlace({
      nom: 'EPN',
      adresse: 'Rue Haute 1',
      code_postal: '1000',
      code_nis: '21004',
      latitude: '50,84',
      longitude: '4,35',
      services: 'aide aux démarches administratives ; Dans un atelier collectif;printing',
      publics_specifiquement_adresses: 'Jeunes|Familles et/ou enfants',
      itinerance: 'Itinérant|Fixe',
      nombre_appareils: '3',
      label_epn_bruxelles: 'oui',
      label_epn_depuis: '1/09/2024',
      date_maj: '2026-01-31',
      typologie: 'ASSO', // a mednum column this profile does not carry: ignored
      pivot: '43493312300029'
    });
    expect(result).toMatchObject({
      ok: true,
      organisation: '',
      place: {
        id: null,
        latitude: 50.84,
        longitude: 4.35,
        services: ['workshops', 'online_admin_help', 'printing'],
        publics: ['young_people', 'families'],
        mobile: true,
        devices: 3,
        labelled: true,
        labelSince: new Date('2024-09-01T00:00:00Z'),
        updatedAt: new Date('2026-01-31T00:00:00Z')
      }
    });
  });

  it('reports every problem of a record with its field', () => {
    const result = recordToPlace({
      nom: '',
      adresse: 'Rue Haute 1',
      code_postal: '75001',
      code_nis: '21020',
      latitude: '48.8566',
      longitude: '2.3522',
      telephone: 'call us',
      courriels: 'not an address',
      site_web: 'ftp://example.be',
      horaires: 'whenever',
      services: 'Loisirs et créations numériques',
      langues: 'fr|xx',
      nombre_appareils: '-1',
      label_epn_bruxelles: 'maybe',
      date_maj: '2026-02-30'
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { field: 'nom', messageKey: 'epn_survey_error_name_required' },
        { field: 'code_postal', messageKey: 'epn_survey_error_postcode' },
        { field: 'code_nis', messageKey: 'epn_survey_error_commune' },
        { field: 'latitude', messageKey: 'epn_survey_error_outside_brussels' },
        { field: 'longitude', messageKey: 'epn_survey_error_outside_brussels' },
        { field: 'telephone', messageKey: 'epn_survey_error_phone' },
        { field: 'courriels', messageKey: 'epn_survey_error_email' },
        { field: 'site_web', messageKey: 'epn_survey_error_website' },
        { field: 'horaires', messageKey: 'epn_survey_error_opening_hours' },
        { field: 'services', messageKey: 'epn_survey_error_unknown_code' },
        { field: 'langues', messageKey: 'epn_survey_error_unknown_code' },
        { field: 'nombre_appareils', messageKey: 'epn_survey_error_devices' },
        { field: 'label_epn_bruxelles', messageKey: 'epn_survey_error_boolean' },
        { field: 'date_maj', messageKey: 'epn_survey_error_date' }
      ])
    );
    expect(result.errors).toHaveLength(14);
  });

  it('wants both coordinates or neither', () => {
    const record = placeToRecord(place(), 'x');
    expect(recordToPlace({ ...record, longitude: null })).toEqual({ ok: false, errors: [{ field: 'longitude', messageKey: 'epn_survey_error_point' }] });
  });

  it('normalizes opening hours as the form does', () => {
    const result = recordToPlace({ ...placeToRecord(place(), 'x'), horaires: 'mo-fr 9-17' });
    expect(result).toMatchObject({ ok: true, place: { openingHours: 'Mo-Fr 09:00-17:00' } });
  });
});

describe('CSV', () => {
  it('writes a UTF-8 BOM, CRLF lines and the PLACE_FIELDS header', () => {
    const csv = placesToCsv([place()]);
    expect(csv.startsWith('\uFEFF' + HEADER + '\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(placesToCsv([])).toBe('\uFEFF' + HEADER + '\r\n');
  });

  it('round-trips places, with "," or ";"', () => {
    const places = [place(), place({ id: 'clx0epn0002', name: 'EPN "Le Pont"; Molenbeek', communeNis: '21012', postcode: '1080', mobile: true, labelled: false, labelSince: null, openingHours: 'Mo 10:00-12:00 "sur rendez-vous"; Tu-Fr 09:00-17:00' })];
    for (const delimiter of [',', ';'] as const) {
      const result = placesFromCsv(placesToCsv(places, { delimiter }));
      expect(result.errors).toEqual([]);
      expect(result.records).toEqual(places.map((p, i) => ({ line: i + 2, place: imported(p), organisation: p.organisation.name })));
    }
  });

  it('escapes cells a spreadsheet would run as formulas, and un-escapes them on import', () => {
    const evil = place({ name: '=HYPERLINK("http://evil.example","click")', street: '@SUM(1+1) rue', phone: '+32 2 123 45 67', organisation: { name: '-2+3' } });
    const csv = placesToCsv([evil]);
    const row = (parseCsv(csv, { bom: true }) as string[][])[1] ?? [];
    const cell = (name: string) => row[FIELD_NAMES.indexOf(name as (typeof FIELD_NAMES)[number])];
    expect(cell('nom')).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(cell('adresse')).toBe("'@SUM(1+1) rue");
    expect(cell('telephone')).toBe("'+32 2 123 45 67");
    expect(cell('structure_parente')).toBe("'-2+3");
    expect(placesFromCsv(csv).records[0]).toEqual({ line: 2, place: imported(evil), organisation: '-2+3' });
  });

  it('escapes losslessly, apostrophes included', () => {
    for (const value of ['=1', '+1', '-1', '@a', '\tx', '\rx', "'=1", "''+1", "'abc", 'abc', "'", '']) {
      expect(unescapeFormula(escapeFormula(value))).toBe(value);
    }
    expect(escapeFormula("'abc")).toBe("'abc");
    expect(escapeFormula("'=1")).toBe("''=1");
  });

  it('reads ";" files from Excel (Belgian settings), with blank and empty rows', () => {
    const csv = placesToCsv([place()], { delimiter: ';' }) + '\r\n;;;;;\r\n';
    expect(placesFromCsv(csv)).toEqual({ records: [{ line: 2, place: imported(place()), organisation: 'ASBL Lien numérique' }], errors: [] });
  });

  it('gives the physical line of a bad row, after quoted newlines and blank lines', () => {
    const multiline = place({ name: 'EPN\r\nsur deux lignes' });
    const csv = [HEADER, csvLine(multiline), '', csvLine(place({ id: 'b' }), { code_nis: '21020' }), csvLine(place({ id: 'c' }), { latitude: '48.8566', longitude: '2.3522' }), csvLine(place({ id: 'd' }), { horaires: 'whenever' })].join('\r\n');
    const result = placesFromCsv(csv);
    expect(result.records.map((r) => [r.line, r.place.name])).toEqual([[2, 'EPN\r\nsur deux lignes']]);
    expect(result.errors).toEqual([
      { line: 5, field: 'code_nis', messageKey: 'epn_survey_error_commune' },
      { line: 6, field: 'latitude', messageKey: 'epn_survey_error_outside_brussels' },
      { line: 6, field: 'longitude', messageKey: 'epn_survey_error_outside_brussels' },
      { line: 7, field: 'horaires', messageKey: 'epn_survey_error_opening_hours' }
    ]);
  });

  it('reports malformed CSV with its line', () => {
    const unclosed = [HEADER, csvLine(place()), csvLine(place({ id: 'b' }), { nom: '"EPN sans fin' })].join('\n');
    expect(placesFromCsv(unclosed)).toEqual({ records: [], errors: [{ line: 3, field: '', messageKey: 'epn_survey_error_csv_malformed' }] });
    const strayQuote = [HEADER, csvLine(place()), csvLine(place({ id: 'b' }), { nom: '"EPN "x" y"' })].join('\n');
    expect(placesFromCsv(strayQuote).errors).toEqual([{ line: 3, field: '', messageKey: 'epn_survey_error_csv_malformed' }]);
    const shortRow = [HEADER, 'a,b,c', csvLine(place({ id: 'b' }))].join('\n');
    const result = placesFromCsv(shortRow);
    expect(result.errors).toEqual([{ line: 2, field: '', messageKey: 'epn_survey_error_csv_malformed' }]);
    expect(result.records.map((r) => r.line)).toEqual([3]);
  });

  it('refuses a file with another delimiter, or without a required column', () => {
    const tabs = placesToCsv([place()]).replace(/,/g, '\t');
    expect(placesFromCsv(tabs)).toEqual({ records: [], errors: [{ line: 1, field: '', messageKey: 'epn_survey_error_csv_delimiter' }] });
    const noNis = ['id,nom,adresse,code_postal', 'a,EPN,Rue Haute 1,1000'].join('\n');
    expect(placesFromCsv(noNis)).toEqual({ records: [], errors: [{ line: 1, field: 'code_nis', messageKey: 'epn_survey_error_csv_missing_column' }] });
  });

  it('flags an id used twice', () => {
    const csv = [HEADER, csvLine(place()), csvLine(place())].join('\n');
    expect(placesFromCsv(csv).errors).toEqual([{ line: 3, field: 'id', messageKey: 'epn_survey_error_duplicate_place_id' }]);
  });

  it('refuses more than 5,000 rows or 5 MB', () => {
    const row = csvLine(place(), { id: '' });
    const tooMany = [HEADER, ...Array.from({ length: IMPORT_MAX_ROWS + 1 }, () => row)].join('\n');
    expect(placesFromCsv(tooMany)).toEqual({ records: [], errors: [{ line: 0, field: '', messageKey: 'epn_survey_error_import_too_big' }] });
    const huge = HEADER + '\n' + 'x'.repeat(5 * 1024 * 1024);
    expect(placesFromCsv(huge)).toEqual({ records: [], errors: [{ line: 0, field: '', messageKey: 'epn_survey_error_import_too_big' }] });
  });

  it('accepts exactly 5,000 rows', () => {
    const row = csvLine(place(), { id: '' });
    const result = placesFromCsv([HEADER, ...Array.from({ length: IMPORT_MAX_ROWS }, () => row)].join('\n'));
    expect(result.errors).toEqual([]);
    expect(result.records).toHaveLength(IMPORT_MAX_ROWS);
  });
});

describe('JSON', () => {
  it('round-trips places, with typed values', () => {
    const places = [place(), place({ id: 'b', latitude: null, longitude: null, labelled: false, labelSince: null })];
    const json = placesToJson(places);
    const first = (JSON.parse(json) as Record<string, unknown>[])[0];
    expect(first).toMatchObject({ latitude: 50.8279, nombre_appareils: 12, label_epn_bruxelles: true, code_nis: '21013' });
    expect(placesFromJson(json)).toEqual({ records: places.map((p, i) => ({ line: i + 1, place: imported(p), organisation: p.organisation.name })), errors: [] });
  });

  it('reports bad records by their number, and malformed JSON by its line', () => {
    const records = [placeToRecord(place(), 'x'), { ...placeToRecord(place({ id: 'b' }), 'x'), code_nis: '59350' }, 'not a record'];
    expect(placesFromJson(JSON.stringify(records)).errors).toEqual([
      { line: 2, field: 'code_nis', messageKey: 'epn_survey_error_commune' },
      { line: 3, field: '', messageKey: 'epn_survey_error_json_malformed' }
    ]);
    expect(placesFromJson('[\n{"id": "a"}\n{"id": "b"}\n]').errors).toEqual([{ line: 3, field: '', messageKey: 'epn_survey_error_json_malformed' }]);
    expect(placesFromJson('[\n{"id": "a"},\n').errors).toEqual([{ line: 3, field: '', messageKey: 'epn_survey_error_json_malformed' }]);
    // Some V8 messages give no position: the line is then unknown (0).
    expect(placesFromJson('[\n{"id": }\n]').errors).toEqual([{ line: 0, field: '', messageKey: 'epn_survey_error_json_malformed' }]);
    expect(placesFromJson('{"id": "a"}').errors).toEqual([{ line: 0, field: '', messageKey: 'epn_survey_error_json_malformed' }]);
  });

  it('refuses more than 5,000 records or 5 MB', () => {
    expect(placesFromJson(JSON.stringify(Array.from({ length: IMPORT_MAX_ROWS + 1 }, () => ({}))))).toMatchObject({ errors: [{ messageKey: 'epn_survey_error_import_too_big' }] });
    expect(placesFromJson(JSON.stringify(['x'.repeat(5 * 1024 * 1024)]))).toMatchObject({ errors: [{ messageKey: 'epn_survey_error_import_too_big' }] });
  });
});

describe('placesDataPackage', () => {
  const pkg = placesDataPackage('https://passerelle.example.brussels/epn/open-data/');

  it('is a tabular data package with a licence and the mednum standard among its sources', () => {
    expect(pkg).toMatchObject({ profile: 'tabular-data-package', name: 'passerelle-epn-directory', licenses: [{ name: 'CC-BY-4.0' }] });
    expect(pkg.sources.map((s) => s.path)).toContain(MEDNUM_URL);
    expect(pkg.resources.map((r) => r.path)).toEqual(['https://passerelle.example.brussels/epn/open-data/epn.csv', 'https://passerelle.example.brussels/epn/open-data/epn.json']);
  });

  it('describes exactly the CSV header, with id as primary key', () => {
    const header = (parseCsv(placesToCsv([]), { bom: true }) as string[][])[0];
    for (const resource of pkg.resources) {
      expect(resource.schema.fields.map((f) => f.name)).toEqual(header);
      expect(resource.schema.primaryKey).toBe('id');
    }
    const nis = pkg.resources[0]?.schema.fields.find((f) => f.name === 'code_nis');
    expect(nis?.constraints).toMatchObject({ required: true, pattern: '^21\\d{3}$' });
  });

  it("has constraints that the export's own values meet", () => {
    const p = place({ mobile: true, services: [...SERVICES], publics: [...PUBLICS], accessibility: [...ACCESSIBILITY], languages: [...LANGUAGES] });
    const record = placeToRecord(p, 'x');
    for (const f of pkg.resources[0]?.schema.fields ?? []) {
      const value = record[f.name as keyof typeof record];
      const constraints = f.constraints as { pattern?: string; enum?: readonly string[] };
      if (value === null || value === '') continue;
      if (constraints.pattern) expect(new RegExp(`^(?:${constraints.pattern})$`).test(String(value)), f.name).toBe(true);
      if (constraints.enum) expect(constraints.enum, f.name).toContain(value);
    }
  });
});

describe('CSV round trip (property)', () => {
  // Text with what breaks CSV files: quotes, both delimiters, CR/LF, formula starts, apostrophes.
  const nasty = fc
    .array(fc.oneof(fc.constantFrom('"', ';', ',', '\n', '\r\n', '\r', '=', '+', '-', '@', '\t', "'", '|', ' ', 'é', '€'), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 12 })
    .map((parts) => parts.join(''));
  const text = (min: number, max: number) => nasty.filter((s) => s === s.trim() && s.length >= min && s.length <= max);
  const point = fc.option(fc.record({ latitude: fc.double({ min: 50.76, max: 50.92, noNaN: true }), longitude: fc.double({ min: 4.24, max: 4.49, noNaN: true }) }), { nil: null });
  const arbitraryPlace = fc
    .record({
      name: text(2, 150),
      street: text(2, 200),
      organisation: text(0, 100),
      phone: fc.stringMatching(/^[+0-9 ./()-]{0,40}$/).map((s) => s.trim()),
      point,
      services: fc.subarray([...SERVICES]),
      publics: fc.subarray([...PUBLICS]),
      accessibility: fc.subarray([...ACCESSIBILITY]),
      languages: fc.subarray([...LANGUAGES]),
      devices: fc.integer({ min: 0, max: 1000 }),
      labelSince: fc.option(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }), { nil: null }),
      mobile: fc.boolean()
    })
    .map((a): ExportPlace => {
      const labelDay = a.labelSince ? new Date(a.labelSince.toISOString().slice(0, 10) + 'T00:00:00Z') : null;
      const base: DirectoryPlace = {
        ...place(),
        id: 'p0',
        name: a.name,
        street: a.street,
        phone: a.phone,
        latitude: a.point?.latitude ?? null,
        longitude: a.point?.longitude ?? null,
        services: a.services,
        publics: a.publics,
        accessibility: a.accessibility,
        languages: a.languages,
        devices: a.devices,
        labelled: labelDay !== null,
        labelSince: labelDay,
        mobile: a.mobile
      };
      return { ...base, organisation: { name: a.organisation } };
    });

  it('gives back the places, whatever their text', () => {
    fc.assert(
      fc.property(fc.array(arbitraryPlace, { minLength: 1, maxLength: 4 }), fc.constantFrom(',' as const, ';' as const), (places, delimiter) => {
        const unique = places.map((p, i) => ({ ...p, id: `p${i}` }));
        const result = placesFromCsv(placesToCsv(unique, { delimiter }));
        expect(result.errors).toEqual([]);
        expect(result.records.map((r) => ({ place: r.place, organisation: r.organisation }))).toEqual(unique.map((p) => ({ place: imported(p), organisation: p.organisation.name })));
      }),
      { numRuns: 200 }
    );
  });

  it('gives back the places through JSON too', () => {
    fc.assert(
      fc.property(arbitraryPlace, (p) => {
        expect(placesFromJson(placesToJson([p])).records[0]?.place).toEqual(imported(p));
      }),
      { numRuns: 100 }
    );
  });
});
