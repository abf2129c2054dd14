import { isValidId } from '../../../shared/model/ids';

/**
 * Room ids are session ids: randomId(128) = 25 chars of [0-9a-z]. Requiring at least 24 chars
 * (> 124 bits) refuses short, guessable ids before they reach the disk as folder names.
 */
export const MIN_ROOM_ID_LENGTH = 24;

export function isRoomId(value: unknown): value is string {
  return isValidId(value) && value.length >= MIN_ROOM_ID_LENGTH;
}
