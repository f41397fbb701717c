import { z } from 'zod';
import { SUBJECT_KINDS } from '../../services/schedule-read.ts';

export const ZFeedSubject = z.object({
  kind: z.enum(SUBJECT_KINDS, { message: 'mobile_epn_error_feed_kind' }),
  subjectId: z.string({ message: 'mobile_epn_error_feed_subject' }).trim().min(1, { message: 'mobile_epn_error_feed_subject' }).max(64, { message: 'mobile_epn_error_feed_subject' })
});
export type TFeedSubject = z.infer<typeof ZFeedSubject>;

export const ZFeedId = z.object({ id: z.string().min(1).max(64) });
