import { router } from '@passerelle/trpc';
import { archive } from './archive.ts';
import { create } from './create.ts';
import { forEditing } from './for-editing.ts';
import { importXlsForm } from './import-xlsform.ts';
import { mine } from './mine.ts';
import { publish } from './publish.ts';
import { published } from './published.ts';
import { respond } from './respond.ts';
import { save } from './save.ts';

export const surveyRouter = router({ create, importXlsForm, save, publish, archive, mine, forEditing, published, respond });
