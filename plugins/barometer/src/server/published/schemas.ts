import { z } from 'zod';

export const ZYear = z.coerce.number().int().min(1990).max(2100);
export const ZIndicatorId = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);
export const ZBreakdown = z.string().regex(/^(overall|[a-z_]+(×[a-z_]+)?)$/).max(80);

export const ZTableInput = z.object({ year: ZYear, indicatorId: ZIndicatorId, breakdown: ZBreakdown.default('overall') });
