import { z } from 'zod';
import { ZBreakdown, ZIndicatorId, ZYear } from '../published/schemas.ts';

export const ZLang = z.enum(['fr', 'nl', 'en']).optional();
export const ZVersionNumber = z.coerce.number().int().min(1).max(10_000);

export const ZEditionInput = z.object({ year: ZYear, lang: ZLang });
export type TEditionInput = z.infer<typeof ZEditionInput>;

export const ZExportTableInput = z.object({ year: ZYear, indicatorId: ZIndicatorId, breakdown: ZBreakdown.default('overall'), version: ZVersionNumber.optional(), lang: ZLang });
export type TExportTableInput = z.infer<typeof ZExportTableInput>;

export const ZDataPackageInput = z.object({ year: ZYear, version: ZVersionNumber.optional(), lang: ZLang });
export type TDataPackageInput = z.infer<typeof ZDataPackageInput>;

export const ZResourceInput = z.object({ year: ZYear, version: ZVersionNumber, name: z.enum(['estimates', 'indicators', 'levels']) });
export type TResourceInput = z.infer<typeof ZResourceInput>;
