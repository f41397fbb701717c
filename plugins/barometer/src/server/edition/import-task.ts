import { taskForOwner } from '@passerelle/jobs';
import { AppError, withPermission } from '@passerelle/trpc';
import { requireStaff } from '../../services/editions.ts';
import type { ImportReport } from '../../services/microdata.ts';
import { microdataImportTask, type MicrodataTaskInput } from '../tasks.ts';
import { ZId } from './schemas.ts';
import { z } from 'zod';

export interface MicrodataTaskResult {
  step: MicrodataTaskInput['step'];
  columns?: string[];
  delimiter?: ',' | ';' | null;
  suggested?: MicrodataTaskInput['mapping'];
  /** The header step: why the file cannot be mapped (message key), or null. */
  problem?: string | null;
  report?: ImportReport;
  valid?: boolean;
  stored?: boolean;
  respondents?: number;
}

/** Staff: a microdata import step the caller started: its state, what it was asked, and its result when done. */
export const importTask = withPermission('barometer.edition.manage')
  .input(z.object({ id: ZId }))
  .query(async ({ ctx, input }) => {
    const task = await taskForOwner({ db: ctx.db, actor: requireStaff(ctx.actor), id: input.id });
    if (task.kind !== microdataImportTask.kind) throw new AppError('NOT_FOUND');
    return { id: task.id, status: task.status, done: task.done, input: task.input as MicrodataTaskInput, result: task.status === 'done' ? (task.result as MicrodataTaskResult) : null, errorKey: task.errorKey, errorParams: task.errorParams };
  });
