import { getContext, setContext } from 'svelte';
import type { UiI18n } from '../i18n-types.ts';

// The app sets the UI texts once (root layout) instead of passing `i18n` to every field; a component's
// own `i18n` prop still wins. Components read the context during initialisation (uiTexts) and resolve
// a group only when no prop was given (requireUiText).

const KEY = Symbol.for('passerelle.ui.i18n');

/** Call in the root layout with a function returning the texts in the current language. */
export function setUiI18n(texts: () => Partial<UiI18n>): void {
  setContext(KEY, texts);
}

/** The texts set by a parent layout, if any. Call during component initialisation. */
export function uiTexts(): (() => Partial<UiI18n>) | undefined {
  return getContext<(() => Partial<UiI18n>) | undefined>(KEY);
}

export function requireUiText<G extends keyof UiI18n>(texts: (() => Partial<UiI18n>) | undefined, group: G): UiI18n[G] {
  const found = texts?.()[group];
  if (!found) throw new Error(`@passerelle/ui: no "${group}" texts: pass the i18n prop or call setUiI18n() in a parent layout`);
  return found;
}
