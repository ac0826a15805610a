import { DAYS_SENTINEL } from '../../schema.ts';

/** The "no date" sentinel of previous_application's DAYS_* columns. */
export const SENTINEL = DAYS_SENTINEL;
/** The sentinel as a float cell. */
export const SENTINEL_CELL = `${DAYS_SENTINEL}.0`;
