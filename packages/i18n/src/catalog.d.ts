// Types for catalog.js (kept in JavaScript so that scripts/build.mjs runs on plain Node).

export declare const LOCALES: readonly ['fr', 'nl', 'en'];
export type CatalogLocale = (typeof LOCALES)[number];
export declare const BASE_LOCALE: 'fr';
export declare const KEY_PATTERN: RegExp;

/** A message value: "text with {param}", or [{ declarations, selectors, match }] for variants. */
export type MessageValue = string | [ComplexMessage];
export interface ComplexMessage {
  declarations?: string[];
  selectors?: string[];
  match: Record<string, string>;
}
/** A parsed message file: key -> value (plus an optional "$schema"). */
export type MessageCatalog = Record<string, unknown>;
export type MessageCatalogs = Partial<Record<CatalogLocale, MessageCatalog>>;

export interface CheckOptions {
  /** Every key must start with this, e.g. messagePrefix(plugin id). */
  prefix?: string;
  /** Keys must be in alphabetical order in every file. */
  requireSorted?: boolean;
}

export declare function messagePrefix(pluginId: string): string;
export declare function isValidKey(key: string): boolean;
export declare function messageParams(value: unknown): string[];
export declare function readMessageDir(dir: string): { catalogs: MessageCatalogs; problems: string[] };
export declare function entriesOf(catalog: MessageCatalog): Array<[string, unknown]>;
export declare function checkMessageFiles(input: string | MessageCatalogs, options?: CheckOptions): string[];
export declare function formatMessageFile(catalog: MessageCatalog): string;

export interface MessageSource {
  kind: 'core' | 'package' | 'app' | 'plugin';
  /** Folder name: package, app or plugin id. */
  name: string;
  /** Absolute path of the messages folder. */
  dir: string;
  /** Path relative to the repository root, for messages. */
  label: string;
  /** Required key prefix (plugins only). */
  prefix?: string;
}
export declare function discoverSources(repoRoot: string): MessageSource[];
export declare function mergeSources(sources: MessageSource[]): {
  messages: Record<CatalogLocale, Record<string, unknown>>;
  /** key -> label of the source that defines it */
  owner: Map<string, string>;
  errors: string[];
  warnings: string[];
  /** Labels of messages folders without any locale file (ignored). */
  skipped: string[];
};
