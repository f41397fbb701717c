import { AppError } from '@passerelle/trpc';

/** Unknown year, version, indicator or breakdown, a draft or an embargoed version: all the same answer. */
export const notFound = () => new AppError('NOT_FOUND', 'barometer data not found', { messageKey: 'barometer_data_not_found' });
