import { z } from 'zod';
import { ZId } from '../../services/directory-input.ts';
import { ZCreateRequest, ZDecline, ZMediateRequest, ZQueueFilters } from '../../services/requests.ts';

export { ZCreateRequest, ZDecline, ZMediateRequest, ZQueueFilters };
export const ZRequestId = z.object({ id: ZId });
