// A very small HTML reader for SSR assertions (no DOM library in this package): start tags,
// their attributes, and the text inside an element. Good enough for the markup Svelte emits.

export interface Element {
  name: string;
  attrs: Record<string, string>;
  /** Offset of the start tag in the (comment-free) HTML. */
  start: number;
  /** Offset just after the start tag. */
  contentStart: number;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function stripComments(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, '');
}

export function elements(html: string, name?: string): Element[] {
  const source = stripComments(html);
  const found: Element[] = [];
  for (const match of source.matchAll(TAG)) {
    const tag = match[1]!.toLowerCase();
    if (name && tag !== name) continue;
    const attrs: Record<string, string> = {};
    for (const attr of (match[2] ?? '').matchAll(ATTR)) {
      attrs[attr[1]!.toLowerCase()] = decode(attr[2] ?? attr[3] ?? attr[4] ?? '');
    }
    found.push({ name: tag, attrs, start: match.index, contentStart: match.index + match[0].length });
  }
  return found;
}

/** The first element matching the tag name and every given attribute (value `true` = present). */
export function find(html: string, name: string, attrs: Record<string, string | true> = {}): Element | undefined {
  return elements(html, name).find((el) =>
    Object.entries(attrs).every(([key, value]) => (value === true ? key in el.attrs : el.attrs[key] === value)),
  );
}

export function findAll(html: string, name: string, attrs: Record<string, string | true> = {}): Element[] {
  return elements(html, name).filter((el) =>
    Object.entries(attrs).every(([key, value]) => (value === true ? key in el.attrs : el.attrs[key] === value)),
  );
}

/** Inner HTML of an element found by `find`/`elements` on the same html. */
export function inner(html: string, el: Element): string {
  const source = stripComments(html);
  if (VOID.has(el.name)) return '';
  const re = new RegExp(`<(/?)${el.name}(?=[\\s>/])[^>]*>`, 'gi');
  re.lastIndex = el.contentStart;
  let depth = 1;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return source.slice(el.contentStart, m.index);
  }
  throw new Error(`no closing tag for <${el.name}>`);
}

/** Text content with tags removed and whitespace collapsed. */
export function text(html: string): string {
  return decode(stripComments(html).replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

export function textOf(html: string, el: Element | undefined): string {
  if (!el) throw new Error('element not found');
  return text(inner(html, el));
}

/** Every id referenced by aria-describedby must exist in the markup. */
export function describedByTargets(html: string, el: Element): Element[] {
  const ids = (el.attrs['aria-describedby'] ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => {
    const target = elements(html).find((candidate) => candidate.attrs.id === id);
    if (!target) throw new Error(`aria-describedby points to missing id "${id}"`);
    return target;
  });
}
