import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateBreakdown, prepareDesign } from './estimate.ts';
import { DEFAULT_INDICATORS } from './indicators.ts';
import { breakdownOf, decodeMicrodata, encodeMicrodata, estimateAll, indicatorColumns, readHeader, readMicrodata, type Mapping } from './microdata.ts';
import { syntheticRespondents } from './synthetic.ts';
import { VARIABLES } from './variables.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const columns = ['weight', 'stratum', 'psu', ...VARIABLES.map((v) => v.id)];
const fullMapping: Mapping = { weight: 'weight', stratum: 'stratum', psu: 'psu', variables: Object.fromEntries(VARIABLES.map((v) => [v.id, v.id])) };

function syntheticCsv(delimiter = ',', respondents = 1500) {
  const lines = [columns.join(delimiter)];
  for (const r of syntheticRespondents({ year: 2023, respondents, seed: 7 })) lines.push(columns.map((c) => (r[c] === null || r[c] === undefined ? '' : delimiter === ';' && c === 'weight' ? String(r[c]).replace('.', ',') : String(r[c]))).join(delimiter));
  return lines.join('\r\n') + '\r\n';
}

async function* chunked(text: string, size = 4096) {
  const bytes = enc(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('microdata import', () => {
  it('reads a valid file (streamed, comma or semicolon with decimal commas, with a BOM) into the same columns', async () => {
    const comma = await readMicrodata({ upload: chunked(syntheticCsv(',')), mapping: fullMapping });
    expect(comma.report.issueCount).toBe(0);
    expect(comma.data!.n).toBeGreaterThan(1400);
    expect(comma.data!.strata).toHaveLength(19);
    const semi = await readMicrodata({ upload: chunked('\uFEFF' + syntheticCsv(';')), mapping: fullMapping });
    expect(semi.report.issueCount).toBe(0);
    expect(semi.data!.weight).toEqual(comma.data!.weight);
    expect(semi.data!.variables).toEqual(comma.data!.variables);
    const header = await readHeader(enc(syntheticCsv(';', 10)));
    expect(header).toMatchObject({ delimiter: ';', suggested: { weight: 'weight', stratum: 'stratum', psu: 'psu' } });
    expect(Object.keys(header.suggested!.variables)).toHaveLength(VARIABLES.length);
  });

  it('estimates from the stored form equal estimates from the file; round trip through the compressed buffer', async () => {
    const { data } = await readMicrodata({ upload: enc(syntheticCsv()), mapping: fullMapping });
    const back = decodeMicrodata(encodeMicrodata(data!));
    expect(back).toEqual(data);
    const all = estimateAll(back, DEFAULT_INDICATORS, ['overall', 'commune', 'age_band', 'commune×gender']);
    const design = prepareDesign({ n: data!.n, weight: data!.weight, stratum: data!.stratum, psu: data!.psu });
    const vulnerable = indicatorColumns(data!, DEFAULT_INDICATORS)[DEFAULT_INDICATORS.findIndex((d) => d.id === 'digitally_vulnerable')]!;
    const direct = estimateBreakdown(design, { id: 'digitally_vulnerable', values: vulnerable }, breakdownOf(data!, 'commune')!);
    expect(all.filter((e) => e.indicator === 'digitally_vulnerable' && e.breakdown === 'commune')).toEqual(direct);
    expect(all.filter((e) => e.breakdown === 'commune×gender' && e.indicator === 'non_users')).toHaveLength(38);
  });

  it('reports bad rows (missing and negative weights, unknown communes, codes out of range) and keeps nothing', async () => {
    const csv = ['weight;stratum;psu;commune;gender;dsi_safety', '1,5;S1;P1;21004;woman;2', ';S1;P1;21004;man;1', '-3;S1;P2;21004;man;1', '2;S1;P2;99999;man;1', '2;S1;P2;21001;robot;3', '2;S1;P2;21001;man;NA'].join('\n');
    const { report, data } = await readMicrodata({ upload: enc(csv), mapping: { weight: 'weight', stratum: 'stratum', psu: 'psu', variables: { commune: 'commune', gender: 'gender', dsi_safety: 'dsi_safety' } } });
    expect(data).toBeNull();
    expect(report.counts).toEqual({ barometer_error_weight_missing: 1, barometer_error_weight_negative: 1, barometer_error_unknown_commune: 1, barometer_error_code: 2 });
    expect(report.issues.find((i) => i.messageKey === 'barometer_error_unknown_commune')).toMatchObject({ row: 5, column: 'commune', value: '99999' });
  });

  it('refuses malformed CSV, a wrong delimiter, a missing column, non-UTF-8 bytes, a lonely PSU and files too large', async () => {
    const m: Mapping = { weight: 'w', variables: {} };
    const code = async (upload: Uint8Array | AsyncIterable<Uint8Array>, mapping = m, extra = {}) => Object.keys((await readMicrodata({ upload, mapping, ...extra })).report.counts);
    expect(await code(enc('w,x\n1,"unclosed\n2,3\n'))).toEqual(['barometer_error_csv_malformed']);
    expect(await code(enc('w\tx\n1\t2\n'))).toEqual(['barometer_error_csv_delimiter']);
    expect(await code(enc('weight,x\n1,2\n'))).toEqual(['barometer_error_missing_column']);
    expect(await code(Uint8Array.of(0x77, 0x2c, 0x78, 0x0a, 0xff, 0xfe, 0x2c, 0x31, 0x0a))).toEqual(['barometer_error_not_utf8']);
    expect(await code(enc(''))).toEqual(['barometer_error_import_empty']);
    expect(await code(enc('w,s,p\n1,A,1\n1,A,2\n1,B,1\n'), { weight: 'w', stratum: 's', psu: 'p', variables: {} })).toEqual(['barometer_error_lonely_psu']);
    // A 1 GB file: refused from its size, before reading.
    let read = 0;
    async function* gigabyte() {
      const block = enc('1,2\n'.repeat(262_144));
      yield enc('w,x\n');
      for (let i = 0; i < 1024; i++) {
        read += block.length;
        yield block;
      }
    }
    expect(await code(gigabyte(), m, { size: 1024 ** 3 })).toEqual(['barometer_error_file_too_big']);
    expect(read).toBe(0);
    // A stream whose size is not known stops one chunk past the limit.
    expect(await code(gigabyte(), { weight: 'w', variables: {} }, { maxBytes: 4 * 1024 * 1024 })).toEqual(['barometer_error_file_too_big']);
    expect(read).toBeLessThanOrEqual(5 * 1024 * 1024 + 1024 * 1024);
  });
});
