import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMUNES, communeByNis, communeName } from './communes.ts';

describe('communes', () => {
  it('lists the 19 Brussels communes, NIS 21001..21019, each with postal codes', () => {
    expect(COMMUNES.map((c) => c.nis)).toEqual(Array.from({ length: 19 }, (_, i) => String(21001 + i)));
    for (const c of COMMUNES) expect(c.postalCodes.length).toBeGreaterThan(0);
    expect(communeByNis('21015')?.postalCodes).toEqual(['1030']);
  });

  it('names a commune in each locale, French by default', () => {
    expect(communeName('21004', 'fr')).toBe('Bruxelles');
    expect(communeName('21004', 'nl')).toBe('Brussel');
    expect(communeName('21004', 'en')).toBe('City of Brussels');
    expect(communeName('21012', 'nl-BE')).toBe('Sint-Jans-Molenbeek');
    expect(communeName('21012', 'de')).toBe('Molenbeek-Saint-Jean');
    expect(communeName('21012')).toBe('Molenbeek-Saint-Jean');
    expect(communeName('99999', 'fr')).toBeUndefined();
  });

  it('matches the migration that inserts them', () => {
    const dir = new URL('../prisma/migrations/', import.meta.url);
    const name = readdirSync(dir).find((n) => n.endsWith('_communes'));
    expect(name).toBeDefined();
    const sql = readFileSync(new URL(`${name}/migration.sql`, dir), 'utf8');
    for (const c of COMMUNES) {
      const postal = c.postalCodes.map((p) => `'${p}'`).join(', ');
      expect(sql).toContain(`('${c.nis}', '${c.nameFr}', '${c.nameNl}', '${c.nameEn}', ARRAY[${postal}])`);
    }
  });
});
