import { router } from '@passerelle/trpc';

export const attendanceRouter = router({});
