import { expect, it } from 'vitest';
import fc from 'fast-check';
import { foldLines } from 'ical-generator';
import { foldIcsLines } from './feeds.ts';

// The fast line folding gives exactly what ical-generator's own folding gives, on any text.

it('folds lines exactly as ical-generator does (any text, lines joined by CRLF)', () => {
  const line = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ maxLength: 400 }));
  fc.assert(
    fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
      const text = lines.join('\r\n');
      expect(foldIcsLines(text)).toBe(foldLines(text));
    }),
    { numRuns: 500 }
  );
  const sample = `DESCRIPTION:${'é'.repeat(40)}${'😀'.repeat(30)}abc`;
  expect(foldIcsLines(sample)).toBe(foldLines(sample));
  expect(foldIcsLines(sample)).toContain('\r\n ');
});
