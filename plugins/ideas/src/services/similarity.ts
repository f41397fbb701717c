// Duplicate detection: while someone types a title, the ideas already submitted that look alike are
// shown. Similarity is the Dice coefficient of character trigrams (as PostgreSQL's pg_trgm does) over
// a normalised text: lower case, accents removed, punctuation dropped, short stop words removed in the
// three languages. It runs in memory over one consultation's ideas (a consultation holds hundreds to a
// few thousand), identically on PGlite and PostgreSQL.

const STOP_WORDS = new Set(
  (
    'le la les un une des de du d l et ou à a au aux en pour par sur dans avec sans ce cette ces qui que ' +
    'de het een en of te in op met voor van aan bij om uit zonder die dat deze dit ' +
    'the a an and or to of in on for with without by at from this that these those is are be'
  ).split(' ')
);

export function normalise(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w));
}

/** Trigrams of each word padded like pg_trgm ("  word "). */
export function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of normalise(text)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** 0 (nothing in common) .. 1 (same words). */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export interface Candidate {
  id: string;
  title: string;
  summary?: string;
}

/**
 * The candidates most similar to `text`, best first, above `threshold`. The title counts most; the
 * summary helps when titles are short.
 */
export function mostSimilar<C extends Candidate>(text: string, candidates: readonly C[], { limit = 5, threshold = 0.35 } = {}): (C & { score: number })[] {
  const query = trigrams(text);
  if (query.size === 0) return [];
  return candidates
    .map((c) => {
      const title = similarity(query, trigrams(c.title));
      const summary = c.summary ? similarity(query, trigrams(c.summary)) : 0;
      return { ...c, score: Math.max(title, 0.8 * Math.max(title, summary)) };
    })
    .filter((c) => c.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
