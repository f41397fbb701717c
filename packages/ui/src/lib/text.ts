import type { Snippet } from 'svelte';

/** Plain text, or a snippet when the content needs markup (a link in a hint, for instance). */
export type Content = string | Snippet;

export function isSnippet(content: Content | undefined | null): content is Snippet {
  return typeof content === 'function';
}

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;
