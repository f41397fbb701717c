import { describe, expect, it } from 'vitest';
import { MICRODATA_MAX_BYTES } from '../services/microdata.ts';
import { uploadedFile } from './manage-common.ts';

describe('staff uploads', () => {
  it('refuses a 1 GB upload from its announced size, without reading its body', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1 << 20));
      }
    });
    const request = new Request('http://localhost/fr/barometer/manage/2019/microdata?/upload', { method: 'POST', body, headers: { 'content-length': String(1024 ** 3), 'content-type': 'multipart/form-data; boundary=x' }, duplex: 'half' } as RequestInit);
    const result = await uploadedFile({ request }, MICRODATA_MAX_BYTES);
    expect(result).toEqual({ ok: false, reason: 'too_big', form: null });
    expect(pulled).toBeLessThanOrEqual(1); // a stream may prefetch one chunk when created; nothing is read past it
  });

  it('reads a small file, and tells a missing file apart', async () => {
    const form = new FormData();
    form.set('file', new File(['weight,commune\n1,21001\n'], 'm.csv', { type: 'text/csv' }));
    const ok = await uploadedFile({ request: new Request('http://localhost/x', { method: 'POST', body: form }) }, 1000);
    expect(ok).toMatchObject({ ok: true, name: 'm.csv' });
    expect(ok.ok && new TextDecoder().decode(ok.bytes)).toBe('weight,commune\n1,21001\n');
    const tooBig = await uploadedFile({ request: new Request('http://localhost/x', { method: 'POST', body: form }) }, 10);
    expect(tooBig).toMatchObject({ ok: false, reason: 'too_big' });
    const none = new FormData();
    none.set('other', 'x');
    expect(await uploadedFile({ request: new Request('http://localhost/x', { method: 'POST', body: none }) }, 1000)).toMatchObject({ ok: false, reason: 'no_file' });
  });
});
