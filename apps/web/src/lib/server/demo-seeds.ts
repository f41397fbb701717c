import type { Db } from '@passerelle/db';
import { seedIdeasDemo } from '@passerelle/plugin-ideas/demo';
import { seedEpnSurveyDemo } from '@passerelle/plugin-epn-survey/demo';
import { seedMobileEpnDemo } from '@passerelle/plugin-mobile-epn/demo';
import { seedBarometerDemo } from '@passerelle/plugin-barometer/demo';

/** Demo data of each plugin, run after the core demo data when SEED_DEMO=1 (one line per plugin). */
export const PLUGIN_DEMO_SEEDS: readonly ((db: Db) => Promise<unknown>)[] = [seedIdeasDemo, seedEpnSurveyDemo, (db) => seedMobileEpnDemo(db), (db) => seedBarometerDemo(db)];
