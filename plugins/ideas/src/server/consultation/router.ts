import { router } from '@passerelle/trpc';
import { addCategory } from './add-category.ts';
import { advancePhase } from './advance-phase.ts';
import { create } from './create.ts';
import { forEditing } from './for-editing.ts';
import { get } from './get.ts';
import { list } from './list.ts';
import { publishShortlist } from './publish-shortlist.ts';
import { removeCategory } from './remove-category.ts';
import { update } from './update.ts';

export const consultationRouter = router({ list, get, forEditing, create, update, advancePhase, addCategory, removeCategory, publishShortlist });
