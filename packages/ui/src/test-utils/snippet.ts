import { createRawSnippet, type Snippet } from 'svelte';

/** A snippet rendering fixed HTML, for children/content props in SSR tests. */
export function html(markup: string): Snippet {
  return createRawSnippet(() => ({ render: () => markup }));
}
