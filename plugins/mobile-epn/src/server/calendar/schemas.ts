import { z } from 'zod';
import { SUBJECT_KINDS } from '../../services/schedule-read.ts';
import { CALENDAR_VIEWS } from '../../services/calendar.ts';

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'mobile_epn_error_cal_date' }).nullish();

export const ZCalendarViewInput = z.object({
  kind: z.enum(SUBJECT_KINDS, { message: 'mobile_epn_error_feed_kind' }),
  id: z.string().min(1).max(64),
  view: z.enum(CALENDAR_VIEWS, { message: 'mobile_epn_error_cal_view' }).default('week'),
  date: ZDay
});
export type TCalendarViewInput = z.infer<typeof ZCalendarViewInput>;

export const ZTrainerDayInput = z.object({ trainerId: z.string().min(1).max(64), date: ZDay });
export type TTrainerDayInput = z.infer<typeof ZTrainerDayInput>;
