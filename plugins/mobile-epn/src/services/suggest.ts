import { z } from 'zod';
import type { Db } from '@passerelle/db';
import { AppError, type Actor } from '@passerelle/trpc';
import { addDays, brusselsInstant } from '@passerelle/plugin-sdk/time';
import { requireCoordinator } from './access.ts';
import { evaluate, extraTravel, loadSnapshot, partsOf, type Conflict, type Snapshot, type TravelAssumption } from './conflicts.ts';

// Suggestions: the best few slots (start, trainer, kit) for a request that break no rule at all.
// Candidates: every start on a 15- or 30-minute wall-clock grid inside a trainer's weekly windows and
// inside one of the request's date windows (and not in the past), for every active trainer. Each is
// judged by the very function that judges a save (conflicts.ts `evaluate`), on one snapshot loaded in a
// handful of queries; the kit is chosen last, for the best candidates only, again through `evaluate`.
// Ranking: least extra travel (the minutes the slot adds to the trainer's day: previous place -> venue
// -> next place, minus previous place -> next place), then earliest start, then trainer id.

export const ZSuggest = z.object({
  requestId: z.string().min(1, { message: 'mobile_epn_sched_error_id' }).max(64, { message: 'mobile_epn_sched_error_id' }),
  limit: z.number().int().min(1).max(20).default(5),
  gridMinutes: z.union([z.literal(15), z.literal(30)]).default(30)
});

export interface SuggestionRequest {
  venueId: string;
  topic: string;
  language: string;
  participants: number;
  durationMinutes: number;
  windows: { from: Date; to: Date }[];
  needsKit: boolean;
}

export interface Suggestion {
  startsAt: Date;
  endsAt: Date;
  trainerId: string;
  trainerName: string;
  kitId: string | null;
  kitName: string | null;
  extraTravelMinutes: number;
  travel: TravelAssumption | null;
}

export interface Candidate {
  start: number;
  end: number;
  trainerId: string;
}

/** Every candidate start on the grid, per trainer, inside availability and the request's windows. */
export function candidates(snapshot: Snapshot, req: SuggestionRequest, grid: number, now: number): Candidate[] {
  const out: Candidate[] = [];
  const duration = req.durationMinutes * 60_000;
  const windows = req.windows.map((w) => ({ from: Math.max(w.from.getTime(), now), to: w.to.getTime() })).filter((w) => w.to > w.from);
  if (!windows.length) return out;
  const first = partsOf(Math.min(...windows.map((w) => w.from))).day;
  const last = partsOf(Math.max(...windows.map((w) => w.to))).day;
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const weekday = partsOf(brusselsInstant(day, 12 * 60)!.getTime()).weekday;
    // On an ordinary day, wall-clock minute m is midnight + m minutes; on the two DST days, ask each time.
    const midnight = brusselsInstant(day, 0)!.getTime();
    const plainDay = brusselsInstant(day, 1440)!.getTime() - midnight === 86_400_000;
    for (const t of snapshot.trainers.values()) {
      for (const w of t.availability) {
        if (w.weekday !== weekday) continue;
        for (let m = Math.ceil(w.startMinute / grid) * grid; m < w.endMinute; m += grid) {
          let start = midnight + m * 60_000;
          if (!plainDay) {
            const startDate = brusselsInstant(day, m);
            if (!startDate) continue;
            start = startDate.getTime();
            // A wall-clock time that does not exist (the hour skipped in March) comes back shifted: skip it.
            if (partsOf(start).minute !== m || partsOf(start).day !== day) continue;
          }
          const end = start + duration;
          if (!windows.some((x) => x.from <= start && end <= x.to)) continue;
          out.push({ start, end, trainerId: t.id });
        }
      }
    }
  }
  return out;
}

/** The ranked, conflict-free suggestions for a request, computed in memory on a snapshot. */
export function rankSuggestions(snapshot: Snapshot, req: SuggestionRequest, opts: { limit: number; grid: number; now: number }): { suggestions: Suggestion[]; blockers: Conflict[] } {
  const venue = snapshot.venues.get(req.venueId);
  if (!venue) throw new AppError('NOT_FOUND');
  const ranked: { c: Candidate; extra: number }[] = [];
  for (const c of candidates(snapshot, req, opts.grid, opts.now)) {
    const t = snapshot.trainers.get(c.trainerId)!;
    const { conflicts } = evaluate(snapshot, { startsAt: new Date(c.start), endsAt: new Date(c.end), trainerIds: [c.trainerId], kitId: null, venueId: req.venueId, seats: req.participants, topic: req.topic, language: req.language }, { assumptions: false });
    if (conflicts.length) continue;
    ranked.push({ c, extra: extraTravel(t, venue, c.start, c.end, snapshot.settings) });
  }
  ranked.sort((a, b) => a.extra - b.extra || a.c.start - b.c.start || (a.c.trainerId < b.c.trainerId ? -1 : a.c.trainerId > b.c.trainerId ? 1 : 0));
  // Smallest kit that is enough first (keeps the big ones for big groups), then by name.
  const kits = [...snapshot.kits.values()].filter((k) => !k.archived && k.status === 'available' && k.devices >= req.participants).sort((a, b) => a.devices - b.devices || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  const suggestions: Suggestion[] = [];
  for (const { c, extra } of ranked) {
    if (suggestions.length >= opts.limit) break;
    const t = snapshot.trainers.get(c.trainerId)!;
    const base = { startsAt: new Date(c.start), endsAt: new Date(c.end), trainerIds: [c.trainerId], venueId: req.venueId, seats: req.participants, topic: req.topic, language: req.language };
    if (!req.needsKit) {
      const e = evaluate(snapshot, { ...base, kitId: null });
      if (e.conflicts.length) continue;
      suggestions.push({ startsAt: base.startsAt, endsAt: base.endsAt, trainerId: t.id, trainerName: t.name, kitId: null, kitName: null, extraTravelMinutes: extra, travel: e.travel[t.id] ?? null });
      continue;
    }
    for (const k of kits) {
      const e = evaluate(snapshot, { ...base, kitId: k.id });
      if (e.conflicts.length) continue;
      suggestions.push({ startsAt: base.startsAt, endsAt: base.endsAt, trainerId: t.id, trainerName: t.name, kitId: k.id, kitName: k.name, extraTravelMinutes: extra, travel: e.travel[t.id] ?? null });
      break;
    }
  }
  // Nothing can ever fit when the venue itself refuses the request: say why.
  const blockers = suggestions.length ? [] : evaluate(snapshot, { startsAt: new Date(0), endsAt: new Date(60_000), trainerIds: [], kitId: null, venueId: req.venueId, seats: req.participants, topic: req.topic, language: req.language }).conflicts.filter((x) => x.code.startsWith('venue_'));
  return { suggestions, blockers };
}

const ZWindows = z.array(z.object({ from: z.coerce.date(), to: z.coerce.date() }));

/** session.suggest: suggestions for a request in the queue. */
export async function suggestForRequest({ db, actor, requestId, limit = 5, gridMinutes = 30, now = new Date() }: { db: Db; actor: Actor | null; requestId: string; limit?: number; gridMinutes?: 15 | 30; now?: Date }) {
  requireCoordinator(actor);
  const r = await db.mobileRequest.findUnique({ where: { id: requestId } });
  if (!r) throw new AppError('NOT_FOUND');
  const windows = ZWindows.safeParse(r.windows);
  const req: SuggestionRequest = { venueId: r.venueId, topic: r.topic, language: r.language, participants: r.participants, durationMinutes: r.durationMinutes, windows: windows.success ? windows.data : [], needsKit: r.needsKit };
  return suggest({ db, request: req, limit, gridMinutes, now });
}

/** Suggestions for any request-like input (also used by the benchmark). */
export async function suggest({ db, request, limit = 5, gridMinutes = 30, now = new Date() }: { db: Db; request: SuggestionRequest; limit?: number; gridMinutes?: number; now?: Date }) {
  const live = request.windows.filter((w) => w.to.getTime() > now.getTime());
  if (!live.length) return { suggestions: [], blockers: [] };
  const from = new Date(Math.max(now.getTime(), Math.min(...live.map((w) => w.from.getTime()))));
  const to = new Date(Math.max(...live.map((w) => w.to.getTime())));
  const snapshot = await loadSnapshot(db, { allTrainers: true, allKits: request.needsKit, venueIds: [request.venueId], from, to });
  // Only trainers who can teach it: the rule would refuse the others anyway, this only saves time.
  for (const [id, t] of snapshot.trainers) if (!t.topics.includes(request.topic) || !t.languages.includes(request.language)) snapshot.trainers.delete(id);
  return rankSuggestions(snapshot, request, { limit, grid: gridMinutes, now: now.getTime() });
}
