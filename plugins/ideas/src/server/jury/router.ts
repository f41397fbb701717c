import { router } from '@passerelle/trpc';
import { addJuror } from './add-juror.ts';
import { criteria } from './criteria.ts';
import { declareConflict } from './declare-conflict.ts';
import { grid } from './grid.ts';
import { jurors } from './jurors.ts';
import { mine } from './mine.ts';
import { removeJuror } from './remove-juror.ts';
import { saveCriteria } from './save-criteria.ts';
import { score } from './score.ts';

export const juryRouter = router({ addJuror, removeJuror, jurors, criteria, saveCriteria, mine, score, declareConflict, grid });
