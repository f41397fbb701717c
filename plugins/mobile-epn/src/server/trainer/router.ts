import { router } from '@passerelle/trpc';
import { addAbsence } from './add-absence.ts';
import { create } from './create.ts';
import { deactivate } from './deactivate.ts';
import { get } from './get.ts';
import { list } from './list.ts';
import { organisationsOf } from './organisations-of.ts';
import { removeAbsence } from './remove-absence.ts';
import { setAvailability } from './set-availability.ts';
import { update } from './update.ts';

export const trainerRouter = router({ list, get, create, update, deactivate, setAvailability, addAbsence, removeAbsence, organisationsOf });
