import { z } from 'zod';
import type { Db } from '@passerelle/db';
import type { BarometerContextFigure, BarometerContextProvider, Bridges } from '@passerelle/trpc';
import { isHidden, type CellStatus } from './disclosure.ts';
import { publishedVersion } from './published.ts';
import { COMMUNES } from './variables.ts';

// Context from the other plugins: per-commune figures for a survey year (EPNs per 10,000 residents,
// mobile workshops held...), shown beside an indicator on its map. Other plugins offer providers through
// Bridges.barometerContext (wired by packages/api, only for plugins that are on). The barometer gives
// them the commune populations of the year's released version, and checks what comes back: one broken
// provider or figure is logged and left out, never breaks the page.

/** How long a provider may take before it is left out of the answer. */
export const PROVIDER_TIMEOUT_MS = 5_000;

const KNOWN = new Set<string>(COMMUNES);
const text = z.object({ fr: z.string().trim().min(1).max(1000), nl: z.string().trim().min(1).max(1000), en: z.string().trim().min(1).max(1000) });

export const ZContextFigure = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9_]+$/).max(100),
  label: text,
  unit: text,
  source: text,
  values: z
    .record(z.string(), z.number().finite().nullable())
    .refine((v) => Object.keys(v).every((k) => KNOWN.has(k)), { message: 'unknown commune (NIS code)' })
});

/**
 * Estimated residents aged 16–74 per commune in a version: Σw of the commune's respondents, from the
 * stored estimates of the commune breakdown. Each indicator's Σw covers the respondents in its universe
 * (those who answered its questions), so the widest one (the largest Σw) is taken. Only cells the
 * public may see count: a commune whose cells are all hidden by disclosure control has no population.
 */
async function communePopulation(db: Db, versionId: string): Promise<Record<string, number>> {
  const rows = await db.barometerEstimate.findMany({ where: { versionId, breakdown: 'commune', weightSum: { not: null } }, select: { level: true, weightSum: true, status: true } });
  const out: Record<string, number> = {};
  for (const r of rows) {
    if (!KNOWN.has(r.level) || isHidden(r.status as CellStatus) || r.weightSum === null || !(r.weightSum > 0)) continue;
    out[r.level] = Math.max(out[r.level] ?? 0, r.weightSum);
  }
  return out;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Population of a year's released version, or null when the year has none (draft, in review, embargoed). */
export async function contextPopulation(db: Db, year: number, now: Date = new Date()): Promise<Record<string, number> | null> {
  const version = await publishedVersion(db, year, undefined, now);
  return version ? communePopulation(db, version.versionId) : null;
}

/**
 * The context figures for a year, sorted by id, every commune present (null: no figure). Empty when the
 * year has no released version: nothing is asked of the providers before the release.
 */
export async function contextFigures({ db, bridges, year, now = new Date(), timeoutMs = PROVIDER_TIMEOUT_MS }: { db: Db; bridges: Bridges | undefined; year: number; now?: Date; timeoutMs?: number }): Promise<BarometerContextFigure[]> {
  const providers: readonly BarometerContextProvider[] = bridges?.barometerContext ?? [];
  if (providers.length === 0) return [];
  const population = await contextPopulation(db, year, now);
  if (!population) return [];
  const frozen = Object.freeze({ ...population });
  const answers = await Promise.allSettled(providers.map((p) => withTimeout(Promise.resolve().then(() => p({ db, year, population: frozen })), timeoutMs)));
  const byId = new Map<string, BarometerContextFigure>();
  answers.forEach((a, i) => {
    if (a.status === 'rejected') {
      console.warn(`[barometer] context provider ${i + 1} failed for ${year}: ${(a.reason as Error)?.message ?? a.reason}`);
      return;
    }
    if (!Array.isArray(a.value)) {
      console.warn(`[barometer] context provider ${i + 1} gave no list for ${year}`);
      return;
    }
    for (const raw of a.value) {
      const parsed = ZContextFigure.safeParse(raw);
      if (!parsed.success) {
        console.warn(`[barometer] context figure ${String((raw as { id?: unknown })?.id ?? '?').slice(0, 100)} left out: ${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`);
        continue;
      }
      if (byId.has(parsed.data.id)) {
        console.warn(`[barometer] context figure ${parsed.data.id} offered twice: the first one is kept`);
        continue;
      }
      const values: Record<string, number | null> = {};
      for (const nis of COMMUNES) values[nis] = parsed.data.values[nis] ?? null;
      byId.set(parsed.data.id, { ...parsed.data, values });
    }
  });
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
