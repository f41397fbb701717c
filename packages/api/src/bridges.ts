import type { Bridges } from '@passerelle/trpc';
import { recordMobileActivity } from '@passerelle/plugin-epn-survey/bridge';

/**
 * The services plugins offer each other, for a request: only those of plugins that are switched on.
 * One line per offered service.
 */
export function bridgesFor(enabled: ReadonlySet<string>): Bridges {
  return {
    ...(enabled.has('epn-survey') ? { recordMobileActivity } : {})
  };
}
