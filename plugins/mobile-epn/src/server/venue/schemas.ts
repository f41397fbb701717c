import { z } from 'zod';
import { ZId } from '../../services/directory-input.ts';
import { ZVenueFilters, ZVenueInput } from '../../services/venues.ts';

export { ZVenueFilters };
export const ZVenueId = z.object({ id: ZId });
export const ZCreateVenue = z.object({ venue: ZVenueInput });
export const ZUpdateVenue = z.object({ id: ZId, venue: ZVenueInput });
export const ZArchiveVenue = z.object({ id: ZId, archived: z.boolean() });
