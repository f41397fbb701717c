import type { BarometerContextProvider, Bridges } from '@passerelle/trpc';
import { barometerContextFigures as epnContext, recordMobileActivity } from '@passerelle/plugin-epn-survey/bridge';
import { barometerContextFigures as mobileContext } from '@passerelle/plugin-mobile-epn/bridge';

/**
 * The services plugins offer each other, for a request: only those of plugins that are switched on.
 * One line per offered service.
 */
export function bridgesFor(enabled: ReadonlySet<string>): Bridges {
  const barometerContext: BarometerContextProvider[] = [...(enabled.has('epn-survey') ? [epnContext] : []), ...(enabled.has('mobile-epn') ? [mobileContext] : [])];
  return {
    ...(enabled.has('epn-survey') ? { recordMobileActivity } : {}),
    ...(barometerContext.length ? { barometerContext } : {})
  };
}
