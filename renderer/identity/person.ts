import { readDisplayName } from './display-name';
import { colourForDevice } from './palette';
import { readMyLevel } from './my-level';
import type { GovernanceLevel } from '../../shared/model';

/** What a person shows others in presence (awareness `user`): the one shape for it. */
export interface PresenceUser {
  name: string;
  colour: string;
  /** This device's id, shared so facilitators can name co-facilitators (absent in tests' fakes). */
  device?: string;
}

/** This device's person in a session: the doc lists facilitators, authors and voters by `deviceId`. */
export interface Me extends PresenceUser {
  deviceId: string;
  /** Optional; recorded with this person's votes (results split by level). */
  level?: GovernanceLevel | null;
}

/** `fallbackName` for someone who never typed a name (a facilitator who went straight to New session). */
export function meOnThisDevice(deviceId: string, fallbackName: string): Me {
  return { deviceId, name: readDisplayName() || fallbackName, colour: colourForDevice(deviceId), level: readMyLevel() };
}
