import { z } from 'zod';
import { ZId } from '../../services/directory-input.ts';
import { ZKitFilters, ZKitInput } from '../../services/kits.ts';

export { ZKitFilters };
export const ZKitId = z.object({ id: ZId });
export const ZCreateKit = z.object({ kit: ZKitInput });
export const ZUpdateKit = z.object({ id: ZId, kit: ZKitInput });
