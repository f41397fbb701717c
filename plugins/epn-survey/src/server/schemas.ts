import { z } from 'zod';
import { ZPlaceFilters, ZPlaceInput } from '../services/places.ts';

// Inputs of the plugin's procedures. Service-level schemas (places, survey definitions) are reused.

export const ZId = z.object({ id: z.string().min(1).max(64) });
export const ZCode = z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{6,16}$/) });
export { ZPlaceFilters };
export const ZCreatePlace = z.object({ organisationId: z.string().min(1).max(64), place: ZPlaceInput });
export const ZUpdatePlace = z.object({ id: z.string().min(1).max(64), place: ZPlaceInput });
export const ZCreateSurvey = z.union([
  z.object({ organisationId: z.string().min(1).max(64).nullable(), fromTemplate: z.literal(true) }),
  z.object({ organisationId: z.string().min(1).max(64).nullable(), definition: z.unknown() })
]);
export const ZSaveSurvey = z.object({ id: z.string().min(1).max(64), definition: z.unknown() });
export const ZArchiveSurvey = z.object({ id: z.string().min(1).max(64), archived: z.boolean() });
const ZAnswer = z.union([z.string().max(3000), z.number(), z.array(z.string().max(200)).max(100)]);
export const ZRespond = z.object({
  code: ZCode.shape.code,
  answers: z.record(z.string().max(64), ZAnswer).refine((a) => Object.keys(a).length <= 300),
  /** The version the form showed; a newer published version makes the response a conflict. */
  version: z.number().int().min(1).optional(),
  /** A kiosk sends one per response, so that a resend is counted once. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{16,64}$/).optional()
});

/** Raw file bytes, from a form action through the server-side caller (JSON clients cannot send them).
 *  The import services apply the precise limits while reading; this only bounds what reaches them. */
export const ZUploadBytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.byteLength <= 8 * 1024 * 1024, { message: 'epn_survey_error_import_too_big' });
export const ZActivityImport = z.object({ organisationId: z.string().min(1).max(64), file: ZUploadBytes });
/** Start a check (dryRun) of an uploaded file, or the import of a file checked before (fromTask). */
const importStart = { dryRun: z.boolean(), fileName: z.string().max(200).default(''), file: ZUploadBytes.optional(), fromTask: z.string().min(1).max(40).optional() };
export const ZActivityImportStart = z.object({ organisationId: z.string().min(1).max(64), ...importStart });
export const ZPlaceImportStart = z.object({ organisationId: z.string().min(1).max(64).nullable(), format: z.enum(['csv', 'json']), ...importStart });
export const ZPlaceImport = z.object({ organisationId: z.string().min(1).max(64).nullable(), format: z.enum(['csv', 'json']), file: ZUploadBytes });
export const ZOrganisationId = z.object({ organisationId: z.string().min(1).max(64) });
