import { z } from 'zod';

export const ZApprove = z.object({ versionId: z.string().min(1).max(40), releaseAt: z.coerce.date() });
export const ZSendBack = z.object({ versionId: z.string().min(1).max(40), reason: z.string().trim().min(1).max(2000) });
