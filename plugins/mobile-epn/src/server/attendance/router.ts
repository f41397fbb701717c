import { router } from '@passerelle/trpc';
import { get } from './get.ts';
import { record } from './record.ts';

export const attendanceRouter = router({ get, record });
