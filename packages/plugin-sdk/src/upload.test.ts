import { describe, expect, it } from 'vitest';
import { csvProblem, openCsv, type Upload } from './upload.ts';

const enc = (s: string) => new TextEncoder().encode(s);
async function* chunked(s: string, size = 3): AsyncGenerator<Uint8Array> {
  const bytes = enc(s);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** The records, or the problem (and its line) that stopped the reading. */
async function read(upload: Upload, maxBytes = 1024, skipEmptyLines = true) {
  const records: string[][] = [];
  try {
    const csv = await openCsv(upload, maxBytes, { skipEmptyLines });
    for await (const r of csv.records) records.push(r);
    return { delimiter: csv.delimiter, records };
  } catch (e) {
    const p = csvProblem(e);
    if (!p) throw e;
    return { problem: p.problem, row: p.row };
  }
}

describe('openCsv', () => {
  it('reads comma and semicolon files, with or without a BOM, streamed in any chunk size', async () => {
    expect(await read(chunked('a,b\n1,"x, y"\n'))).toEqual({ delimiter: ',', records: [['a', 'b'], ['1', 'x, y']] });
    expect(await read(chunked('\uFEFFa;b\r\n1,5;2\r\n', 1))).toEqual({ delimiter: ';', records: [['a', 'b'], ['1,5', '2']] });
    expect(await read(enc('a,b\n\n1,2\n'), 1024, false)).toEqual({ delimiter: ',', records: [['a', 'b'], [''], ['1', '2']] });
  });

  it('says what is wrong with the file as a whole, and where', async () => {
    expect(await read(enc(''))).toEqual({ problem: 'empty', row: 0 });
    expect(await read(enc('\uFEFF\n\n'))).toEqual({ problem: 'empty', row: 0 });
    expect(await read(enc('just one column\n1\n'))).toEqual({ problem: 'delimiter', row: 1 });
    expect(await read(chunked('a,b\n1,"open\n2,3\n'))).toEqual({ problem: 'malformed', row: 2 });
    expect(await read(new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xfe, 0x0a]))).toEqual({ problem: 'not_utf8', row: 0 });
    expect(await read(chunked(`a,b\n${'1,2\n'.repeat(100)}`, 16), 64)).toEqual({ problem: 'too_big', row: 0 });
  });

  it('stops reading the source when the reader leaves early', async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      yield enc('a,b\n');
      for (;;) {
        pulled++;
        yield enc('1,2\n');
      }
    }
    const csv = await openCsv(endless(), 1e9);
    let n = 0;
    for await (const _ of csv.records) if (++n === 5) break;
    const after = pulled;
    await new Promise((r) => setTimeout(r, 50));
    expect(pulled).toBe(after);
  });

  it('passes other errors on', async () => {
    expect(csvProblem(new Error('disk'))).toBeNull();
  });
});
