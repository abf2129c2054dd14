/**
 * Wire format of the LAN host's two WebSocket services. Both the host (main/host) and the
 * renderer implement exactly this; the tests of each side use these types.
 *
 * ## /sync/<roomId> — Yjs relay (star topology, also the durable copy on the host)
 * 1. server → `{ t: 'challenge', v: 1, nonce }` (text frame) as soon as the socket opens.
 * 2. client → one of (text frame):
 *    - `{ t: 'hello', proof, adminProof? }` — proof = computeProof(authKey, roomId, 'sync', nonce);
 *      adminProof (facilitator) = computeProof(adminKey, roomId, 'sync', nonce) grants admin rights.
 *    - `{ t: 'claim', authKey, adminKey, proof, adminProof }` — first connection of the facilitator's
 *      app for a room the host does not know yet: keys as base64url. A claim for a room that exists
 *      is answered like a hello (so a facilitator's app can always send claim).
 * 3. server → `{ t: 'welcome', ticket, admin, connections }` then binary y-protocols frames, or closes
 *    with one of CLOSE codes below. No document content is sent before a valid proof.
 * 4. Binary frames after welcome are y-websocket compatible: varUint message type
 *    (0 = sync, 1 = awareness, 3 = query awareness) followed by the y-protocols payload.
 * 5. Text frames after welcome:
 *    - server → `{ t: 'presence', connections }` whenever the number of sockets in the room changes;
 *    - admin client → `{ t: 'rotate', authKey }`: the host stores the new key, answers
 *      `{ t: 'rotated' }`, closes every other socket of the room (sync and signal) with CODE_CHANGED
 *      and revokes their tickets;
 *    - admin client → `{ t: 'remove', clientIds: number[] }` (awareness client ids seen on the
 *      sockets): the host closes those sockets with REMOVED. (Removing someone for good = rotate
 *      the code as well, then re-invite the others: anyone holding the code can come back.)
 *
 *    A malformed binary frame (bad varints, unknown message type, an update Yjs cannot decode,
 *    trailing bytes) closes that socket with PROTOCOL; the room and its other sockets carry on.
 *    Sync messages are not ordered: an update or step 2 before step 1, or step 2 twice, is applied
 *    (Yjs updates commute and are idempotent), as y-websocket's server does.
 *    A frame larger than LIMITS.syncMessageBytes (signalMessageBytes on /signal) is refused by the
 *    WebSocket layer itself with 1009 (RFC 6455 "message too big"), not PROTOCOL.
 *
 * ## /signal?ticket=<ticket> — y-webrtc signaling
 * The ticket comes from `welcome` (random, ≥128 bits, bound to one room, revoked on rotate). Without
 * a valid ticket the upgrade is refused with HTTP 401. Then the plain y-webrtc protocol:
 * `subscribe {topics}`, `unsubscribe {topics}`, `publish {topic, data}` (relayed to every subscriber
 * of the topic, sender included, with `clients` added), `ping` → `pong`. Only the ticket's room id
 * is a permitted topic: other topics in `subscribe`/`publish` are ignored (not fatal, because
 * y-webrtc subscribes every room of its JS realm on each signaling connection). Malformed JSON or
 * an unknown `type` closes that connection with PROTOCOL; more than signalMessagesPerSecond closes
 * it with RATE_LIMITED. y-webrtc additionally encrypts payloads with the join code (`password`).
 * Tickets stay valid (12 h) after their /sync socket closes, so WebRTC survives a relay reconnect;
 * rotate revokes every ticket of the room but the rotating admin's, remove revokes the removed
 * socket's ticket, and revoking closes the signaling sockets that used it (same close code).
 */

export const WIRE_VERSION = 1;

export const SYNC_PATH = '/sync/';
export const SIGNAL_PATH = '/signal';
/** `GET /lan` → LanInfo: the URLs participants can use to reach this host. */
export const LAN_INFO_PATH = '/lan';

export interface LanInfo {
  urls: string[];
}

export const CLOSE = {
  /** Proof did not match: wrong join code. Do not retry with the same code. */
  WRONG_CODE: 4401,
  /** The facilitator changed the join code; ask for the new link. */
  CODE_CHANGED: 4402,
  /** The facilitator removed this participant. */
  REMOVED: 4403,
  /** The host does not know this room yet (the facilitator's app has not opened it). Retry later. */
  UNKNOWN_ROOM: 4404,
  /** Malformed or oversized message, or protocol violation. */
  PROTOCOL: 4400,
  /** Too many attempts or connections; retry after a pause. */
  RATE_LIMITED: 4429,
  /** Host shutting down. Retry later. */
  GOING_AWAY: 1001,
} as const;

export type ServerText =
  | { t: 'challenge'; v: number; nonce: string }
  | { t: 'welcome'; ticket: string; admin: boolean; connections: number }
  | { t: 'presence'; connections: number }
  | { t: 'rotated' };

export type ClientText =
  | { t: 'hello'; proof: string; adminProof?: string }
  | { t: 'claim'; authKey: string; adminKey: string; proof: string; adminProof: string }
  | { t: 'rotate'; authKey: string }
  | { t: 'remove'; clientIds: number[] };

/** y-websocket message types used on /sync binary frames. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

/** Limits the host enforces; the renderer stays inside them. */
export const LIMITS = {
  /** A first sync of a big board travels in one frame; larger than WebRTC's 256 KiB on purpose. */
  syncMessageBytes: 64 * 1024 * 1024,
  signalMessageBytes: 64 * 1024,
  signalTopicsPerConnection: 4,
  connectionsPerRoom: 200,
  connectionsPerAddress: 64,
  /** Wrong proofs per remote address per minute before RATE_LIMITED. */
  failedProofsPerMinute: 20,
  signalMessagesPerSecond: 200,
  handshakeTimeoutMs: 10_000,
  heartbeatMs: 30_000,
} as const;

/** Join link per UI-CONTRACT: the code stays in the fragment, so the host never sees it. */
export function joinLink(hostBaseUrl: string, sessionId: string, joinCode: string): string {
  const base = hostBaseUrl.replace(/\/+$/, '');
  return `${base}/#/join/${encodeURIComponent(sessionId)}?code=${encodeURIComponent(joinCode)}`;
}

export function parseJoinLink(link: string): { hostBaseUrl: string; sessionId: string; joinCode: string } | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const match = url.hash.match(/^#\/join\/([^?/]+)\?(.*)$/);
  if (!match) return null;
  const code = new URLSearchParams(match[2]).get('code');
  if (!code) return null;
  return { hostBaseUrl: url.origin, sessionId: decodeURIComponent(match[1] ?? ''), joinCode: code };
}
