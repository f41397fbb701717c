import { z } from 'zod';
import { ZId, ZEmailOrEmpty } from '../../services/directory-input.ts';
import { ZAbsence, ZAvailability, ZCreateTrainer, ZTrainerFields, ZTrainerFilters } from '../../services/trainers.ts';

export { ZTrainerFilters };
export const ZTrainerId = z.object({ id: ZId });
export const ZCreateTrainerInput = z.object({ trainer: ZCreateTrainer });
export const ZUpdateTrainer = z.object({ id: ZId, trainer: ZTrainerFields });
export const ZDeactivateTrainer = z.object({ id: ZId, active: z.boolean().default(false) });
export const ZSetAvailability = z.object({ id: ZId, windows: ZAvailability });
export const ZAddAbsence = z.object({ id: ZId, absence: ZAbsence });
export const ZRemoveAbsence = z.object({ id: ZId, absenceId: ZId });
export const ZOrganisationsOf = z.object({ email: ZEmailOrEmpty });
