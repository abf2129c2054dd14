/** Keys of the settings map shared by settings.ts (writes) and policy.ts (reads). */
export const ZONE_LOCK = 'zoneLock:';
export const PRIVATE_BOARD = 'privateBoard:';

export const zoneLockKey = (zoneId: string): string => ZONE_LOCK + zoneId;
