import { z } from 'zod';
import { ZThresholds } from '../../services/disclosure.ts';
import { ZBreakdown, ZYear } from '../published/schemas.ts';

export const ZId = z.string().min(1).max(40);
export const ZCrossings = z.array(z.string().regex(/^[a-z_]+×[a-z_]+$/, { message: 'barometer_error_crossing' }).max(60)).max(20);
const ZNote = z.string().trim().min(1, { message: 'barometer_error_correction_note' }).max(2000);
export const ZCorrectionNote = z.object({ fr: ZNote, nl: ZNote, en: ZNote });

export const ZCreateEdition = z.object({ year: ZYear, thresholds: ZThresholds, crossings: ZCrossings.default([]) });
export const ZGetEdition = z.object({ year: ZYear, version: z.coerce.number().int().min(1).max(1000).optional(), breakdown: ZBreakdown.default('overall') });
export const ZUpdateEdition = z.object({ editionId: ZId, thresholds: ZThresholds, crossings: ZCrossings });
export const ZCompute = z.object({ editionId: ZId, correctionNote: ZCorrectionNote.optional() });
export const ZVersion = z.object({ versionId: ZId });

/** Raw file bytes, from a form action through the server-side caller (JSON clients cannot send them).
 *  The import services apply the precise limits while reading; this only bounds what reaches them. */
export const ZUploadBytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.byteLength <= 600 * 1024 * 1024, { message: 'barometer_error_file_too_big' });
/** The same, or the bytes as they arrive (a large upload streamed by its form action, see receiveFile). */
export const ZUpload = z.union([ZUploadBytes, z.custom<AsyncIterable<Uint8Array>>((v) => typeof v === 'object' && v !== null && typeof (v as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function')]);

const ZColumn = z.string().trim().min(1).max(200);
export const ZMapping = z.object({
  weight: z.string({ message: 'barometer_error_mapping_weight' }).trim().min(1, { message: 'barometer_error_mapping_weight' }).max(200),
  stratum: ZColumn.nullable().optional(),
  psu: ZColumn.nullable().optional(),
  variables: z.record(z.string().regex(/^[a-z0-9_]{1,40}$/), ZColumn).refine((v) => Object.keys(v).length <= 60)
});

/** A microdata import step: "header" (a new upload), then "check" and "import" on that same stored file. */
export const ZStartImport = z.discriminatedUnion('step', [
  z.object({ step: z.literal('header'), editionId: ZId, file: ZUpload, fileName: z.string().max(200).default('') }),
  z.object({ step: z.enum(['check', 'import']), editionId: ZId, fromTask: ZId, mapping: ZMapping })
]);

export const ZImportAggregates = z.object({ editionId: ZId, file: ZUploadBytes, fileName: z.string().max(200).default(''), correctionNote: ZCorrectionNote.optional() });
