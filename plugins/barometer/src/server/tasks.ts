import { defineTask } from '@passerelle/jobs';
import type { Prisma } from '@passerelle/db';
import { AppError } from '@passerelle/trpc';
import { NotUtf8, UploadTooBig } from '@passerelle/plugin-sdk/upload';
import { importMicrodata, requireStaff } from '../services/editions.ts';
import { readHeader, readMicrodata, type Mapping } from '../services/microdata.ts';

// The plugin's long-running tasks (see @passerelle/jobs), followed by their owner on /tasks/[id].
//
// A microdata import takes three steps, each a task on the same stored upload (kept with the task, in
// the database, until the task expires): "header" reads the columns and suggests a mapping; "check"
// reads the whole file with the confirmed mapping and reports every problem, storing nothing; "import"
// reads it again and stores it only if it is still valid (all or nothing). Progress is the rows read.

export type MicrodataStep = 'header' | 'check' | 'import';
export interface MicrodataTaskInput {
  editionId: string;
  year: number;
  step: MicrodataStep;
  fileName: string;
  mapping: Mapping | null;
}

export const microdataImportTask = defineTask<MicrodataTaskInput>({
  kind: 'barometer.microdata-import',
  titleKey: 'barometer_manage_task_microdata',
  async run({ db, actor, input, inputFile, readInput, progress }) {
    // Checked again when it runs: the owner may have lost the staff role since.
    requireStaff(actor);
    const size = inputFile?.size;
    if (input.step === 'header') {
      // A file that cannot be read gets its problem named here, before any mapping is asked for.
      try {
        const header = await readHeader(readInput());
        const problem = header.delimiter ? null : size === 0 || size === undefined ? 'barometer_error_import_empty' : 'barometer_error_csv_delimiter';
        return { step: 'header', ...header, problem } as unknown as Prisma.InputJsonValue;
      } catch (e) {
        if (e instanceof NotUtf8) return { step: 'header', columns: [], delimiter: null, suggested: null, problem: 'barometer_error_not_utf8' };
        if (e instanceof UploadTooBig) return { step: 'header', columns: [], delimiter: null, suggested: null, problem: 'barometer_error_file_too_big' };
        throw e;
      }
    }
    if (!input.mapping) throw new AppError('BAD_REQUEST', 'no mapping', { messageKey: 'barometer_error_mapping_weight' });
    const onProgress = (rows: number) => void progress(rows);
    if (input.step === 'check') {
      const { report, data } = await readMicrodata({ upload: readInput(), mapping: input.mapping, ...(size === undefined ? {} : { size }), onProgress });
      await progress(report.rows);
      return { step: 'check', report, valid: data !== null, respondents: data?.n ?? 0 } as unknown as Prisma.InputJsonValue;
    }
    const result = await importMicrodata({ db, actor, editionId: input.editionId, upload: readInput(), mapping: input.mapping, fileName: input.fileName, ...(size === undefined ? {} : { size }), onProgress });
    await progress(result.report.rows);
    return { step: 'import', report: result.report, valid: result.stored, stored: result.stored, respondents: result.respondents } as unknown as Prisma.InputJsonValue;
  }
});

/** Every task of the plugin, registered by the app at start. */
export const barometerTasks = [microdataImportTask];
