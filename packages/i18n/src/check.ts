// Message file checks, shared by this package's tests, the build script and the plugin contract
// test: `checkMessageFiles(plugin messages dir, { prefix: messagePrefix(id) })`. Uses node:fs, so
// it is a separate entry point ('@passerelle/i18n/check'), never imported by browser code.

import { checkMessageFiles, type CheckOptions, type MessageCatalogs } from './catalog.js';

export {
  BASE_LOCALE,
  LOCALES,
  checkMessageFiles,
  discoverSources,
  formatMessageFile,
  isValidKey,
  mergeSources,
  messageParams,
  messagePrefix,
  readMessageDir
} from './catalog.js';
export type { CheckOptions, MessageCatalog, MessageCatalogs, MessageSource, MessageValue } from './catalog.js';

/** Like checkMessageFiles, but throws one error listing every problem. */
export function assertMessageFiles(input: string | MessageCatalogs, options: CheckOptions = {}): void {
  const problems = checkMessageFiles(input, options);
  if (problems.length > 0) {
    const where = typeof input === 'string' ? ` in ${input}` : '';
    throw new Error(`${problems.length} message problem(s)${where}:\n- ${problems.join('\n- ')}`);
  }
}
