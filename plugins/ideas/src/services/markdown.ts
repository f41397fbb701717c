import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Ideas and their descriptions accept a small Markdown subset: paragraphs, emphasis, lists, quotes,
// code and links. The Markdown is rendered on the server and the HTML is then sanitised with an
// allow-list, so raw HTML typed by someone (<script>, onerror=, javascript: links) never reaches a page.

const marked = new Marked({ gfm: true, breaks: true, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 'del', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'a', 'h3', 'h4', 'hr'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Headings typed in an idea sit below the page's own headings.
    h1: 'h3',
    h2: 'h3',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => ({ tagName, attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: 'nofollow ugc noopener noreferrer' } })
  }
};

// Rendering is pure, so results are kept in a small LRU cache: a page with 200 comments is rendered
// once, not on every view.
const CACHE_MAX = 5000;
const cache = new Map<string, string>();

/** Markdown subset -> safe HTML. */
export function renderMarkdown(source: string): string {
  const hit = cache.get(source);
  if (hit !== undefined) {
    cache.delete(source);
    cache.set(source, hit);
    return hit;
  }
  const html = sanitizeHtml(marked.parse(source) as string, SANITIZE).trim();
  if (source.length <= 20_000) {
    cache.set(source, html);
    if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  }
  return html;
}

/** Plain text for places that show no formatting (lists, emails, exports). */
export function plainText(source: string): string {
  return sanitizeHtml(marked.parse(source) as string, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
