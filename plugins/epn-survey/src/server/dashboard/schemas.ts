import { z } from 'zod';

export const ZYear = z.number().int().min(2000).max(2100);
export const ZWorkspaceDashboard = z.object({ organisationId: z.string().min(1).max(64).optional(), placeId: z.string().min(1).max(64).optional(), year: ZYear });
export const ZRegionDashboard = z.object({ year: ZYear });
