import { createTask } from '@passerelle/jobs';
import { AppError, withPermission } from '@passerelle/trpc';
import type { Prisma } from '@passerelle/db';
import { requireStaff } from '../../services/editions.ts';
import { MICRODATA_MAX_BYTES } from '../../services/microdata.ts';
import { microdataImportTask, type MicrodataTaskInput } from '../tasks.ts';
import { ZStartImport } from './schemas.ts';

/**
 * Staff: a step of a microdata import, as a task with progress. "header" stores the upload and reads its
 * columns; "check" and "import" reuse the file stored by an earlier step of the caller (never anyone
 * else's). A small file is done before the request answers; a large one is followed on /tasks/[id].
 */
export const startImport = withPermission('barometer.edition.manage')
  .input(ZStartImport)
  .mutation(async ({ ctx, input }) => {
    const actor = requireStaff(ctx.actor);
    const edition = await ctx.db.barometerEdition.findUnique({ where: { id: input.editionId }, select: { id: true, year: true } });
    if (!edition) throw new AppError('NOT_FOUND');
    const returnTo = `/barometer/manage/${edition.year}/microdata`;
    if (input.step === 'header') {
      const task: MicrodataTaskInput = { editionId: edition.id, year: edition.year, step: 'header', fileName: input.fileName.slice(0, 200) || 'microdata.csv', mapping: null };
      return createTask({ db: ctx.db, actor, kind: microdataImportTask.kind, input: task as unknown as Prisma.InputJsonValue, returnTo, waitMs: 3000, upload: { name: task.fileName, contentType: 'text/csv', source: input.file instanceof Uint8Array ? [input.file] : input.file, maxBytes: MICRODATA_MAX_BYTES } });
    }
    const from = await ctx.db.task.findUnique({ where: { id: input.fromTask }, select: { ownerId: true, kind: true, input: true } });
    const before = from?.input as MicrodataTaskInput | undefined;
    if (!from || from.ownerId !== actor.id || from.kind !== microdataImportTask.kind || before?.editionId !== edition.id) throw new AppError('NOT_FOUND', 'no such task', { messageKey: 'task_error_no_file' });
    const task: MicrodataTaskInput = { editionId: edition.id, year: edition.year, step: input.step, fileName: before.fileName, mapping: { weight: input.mapping.weight, stratum: input.mapping.stratum ?? null, psu: input.mapping.psu ?? null, variables: input.mapping.variables } };
    return createTask({ db: ctx.db, actor, kind: microdataImportTask.kind, input: task as unknown as Prisma.InputJsonValue, returnTo, waitMs: 3000, inputFrom: input.fromTask });
  });
