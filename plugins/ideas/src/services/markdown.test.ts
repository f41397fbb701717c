import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainText, renderMarkdown } from './markdown.ts';

const ALLOWED = new Set(['p', 'br', 'em', 'strong', 'del', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'a', 'h3', 'h4', 'hr']);

/** Every element of the output is allowed, with only href (http, https, mailto) and rel attributes. */
function expectSafe(html: string) {
  for (const [, name, attrs] of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
    expect(ALLOWED.has(name!.toLowerCase()), name).toBe(true);
    for (const [, attr, value] of attrs!.matchAll(/\s([^\s=]+)(?:="([^"]*)")?/g)) {
      expect(['href', 'rel']).toContain(attr);
      if (attr === 'href') expect(value).toMatch(/^(https?:|mailto:)/);
    }
  }
}

describe('Markdown subset', () => {
  it('keeps emphasis, lists, quotes and safe links', () => {
    expect(renderMarkdown('**a** _b_\n\n- one\n- two\n\n> quote\n\n[site](https://example.org)')).toBe(
      '<p><strong>a</strong> <em>b</em></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<blockquote>\n<p>quote</p>\n</blockquote>\n<p><a href="https://example.org" rel="nofollow ugc noopener noreferrer">site</a></p>'
    );
  });

  it('turns page-level headings into sub-headings', () => {
    expect(renderMarkdown('# Big')).toBe('<h3>Big</h3>');
  });

  it('never lets markup run, whatever is typed', () => {
    const pieces = fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '<a href="javascript:alert(1)">x</a>', '<svg onload=alert(1)>', '<iframe src=//evil>', '<style>*{}</style>', '[x](data:text/html,<b>)', '**', '_', '\n\n', '`', '> ', '- ', 'text', '"', "'", '<', '>');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 20 }), (parts) => {
        expectSafe(renderMarkdown(parts.join('')));
      }),
      { numRuns: 400 }
    );
  });

  it('gives plain text for emails and exports', () => {
    expect(plainText('**Hello** <b>world</b> & co')).toBe('Hello world & co');
  });
});
