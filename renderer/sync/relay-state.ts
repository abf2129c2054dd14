import { CLOSE } from '../../shared/protocol/room-wire';

/** Why the relay stopped for good: the person has to do something (new link, new code). */
export type RelayFatal = 'wrongCode' | 'codeChanged' | 'removed' | 'hostForgot' | VersionFatal | HostLimitFatal;

/**
 * The host speaks another version of the room protocol: retrying cannot help until one side is
 * updated, so the app stops and says which — reload (a newer host serves a newer app) or ask the
 * facilitator to update theirs.
 */
export type VersionFatal = 'hostNewer' | 'hostOlder';

/** The host's refusals under its room policy and quotas (their messages: the `hostLimits` catalog section). */
export type HostLimitFatal = 'claimRefused' | 'tooManyRooms' | 'roomTooLarge' | 'hostDiskFull';

/** The catalog key of the message that explains a stop. */
export function relayFatalMessageKey(fatal: RelayFatal): string {
  return fatal === 'wrongCode' || fatal === 'codeChanged' || fatal === 'removed' || fatal === 'hostForgot' || fatal === 'hostNewer' || fatal === 'hostOlder'
    ? `connection.${fatal}`
    : `hostLimits.${fatal}`;
}

export type RelayState =
  | { kind: 'connecting' }
  | { kind: 'connected'; connections: number; admin: boolean }
  | { kind: 'offline'; retryInMs: number | null }
  | { kind: 'stopped'; reason: RelayFatal };

export interface RelayEvents {
  state: (state: RelayState) => void;
  /** A new signaling ticket from `welcome`: the WebRTC transport (re)connects with it. */
  ticket: (ticket: string) => void;
  /** The relay's copy and ours are in step (sync step 2 received). */
  synced: () => void;
  /** A document update arrived through the relay. */
  remoteUpdate: () => void;
  /** Whether the host can write this session to its disk (false: full or read-only; it keeps relaying). */
  hostSaving: (saving: boolean) => void;
}

const FATAL_CLOSES: Record<number, RelayFatal> = {
  [CLOSE.WRONG_CODE]: 'wrongCode',
  [CLOSE.CODE_CHANGED]: 'codeChanged',
  [CLOSE.REMOVED]: 'removed',
  // Retrying would only be refused again (and push the same bytes again): stop and say why.
  [CLOSE.CLAIM_REFUSED]: 'claimRefused',
  [CLOSE.TOO_MANY_ROOMS]: 'tooManyRooms',
  [CLOSE.ROOM_TOO_LARGE]: 'roomTooLarge',
  [CLOSE.HOST_DISK_FULL]: 'hostDiskFull',
};

/** The stop a close code means, or undefined when retrying may help. */
export function fatalForClose(code: number): RelayFatal | undefined {
  return FATAL_CLOSES[code];
}
