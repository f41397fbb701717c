import { z } from 'zod';

export const ZYear = z.coerce.number().int().min(1990).max(2100);
export const ZIndicatorId = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);
export const ZBreakdown = z.string().regex(/^(overall|[a-z_]+(×[a-z_]+)?)$/).max(80);

export const ZTableInput = z.object({ year: ZYear, indicatorId: ZIndicatorId, breakdown: ZBreakdown.default('overall') });

/** A view of an indicator page as it comes from a URL: loose strings, checked by parseView (bad values fall back). */
const loose = z.string().max(40).optional();
export const ZViewInput = z.object({ indicatorId: ZIndicatorId, year: loose, by: loose, level: loose, tab: loose });
export const ZTrendInput = z.object({ indicatorId: ZIndicatorId, breakdown: ZBreakdown.default('overall'), level: z.string().max(40).default('all') });
export const ZIndicatorsInput = z.object({ year: ZYear.optional() }).default({});
export const ZContextInput = z.object({ year: ZYear });
