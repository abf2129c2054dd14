/**
 * Wire format of the LAN host's two WebSocket services. Both the host (main/host) and the
 * renderer implement exactly this; the tests of each side use these types.
 *
 * ## /sync/<roomId> — Yjs relay (star topology, also the durable copy on the host)
 * Everything after the handshake is encrypted (wire-crypto.ts): the venue Wi-Fi sees the room id
 * (in the URL), the handshake, frame sizes and timing, and close codes — nothing else.
 *
 * 1. server → `{ t: 'challenge', v: 2, nonce, key }` (text frame) as soon as the socket opens:
 *    a random nonce and a fresh ephemeral X25519 public key for this socket (base64url).
 *    A client that does not know `v` closes and retries later; a v1 client's hello is refused below.
 * 2. The client makes its own ephemeral key pair; shared = X25519(clientSecret, serverKey), and
 *    transcript = nonce + '|' + serverKey + '|' + clientKey (the base64url strings as sent).
 *    client → one of (text frame):
 *    - `{ t: 'hello', key, proof, adminProof? }` — key = client public key;
 *      proof = computeProof(authKey, roomId, 'sync', transcript); adminProof (facilitator) =
 *      computeProof(adminKey, roomId, 'sync', transcript) grants admin rights.
 *    - `{ t: 'claim', key, sealed, proof, adminProof }` — the facilitator's app, for a room the host
 *      does not know yet: sealed = base64url AES-256-GCM(HKDF-SHA256(shared, info
 *      'transition-lab/v2/claim'), 12 zero bytes, JSON `{ authKey, adminKey }` as base64url). The
 *      proofs must match the sealed keys. A claim for a room that exists is answered like a hello
 *      (its sealed keys are ignored; the stored authKey decides). Nothing authenticates the host's
 *      key, so the renderer says hello first and claims only after an UNKNOWN_ROOM answer, and not
 *      once this host has admitted it: the keys leave the app only when the host lacks them.
 *    Anything else (a v1 hello or claim without `key`, binary frames) closes with PROTOCOL.
 *    Only the facilitator may create rooms: a claim for a room the host does not know is accepted
 *    from loopback (the app on the host's own computer) or from an address the host operator
 *    allowed (`--allow-sessions-from`), else closed with CLAIM_REFUSED. A room the host has files
 *    for (even with a missing or damaged access.json) is never created anew by anyone else.
 *    Quotas: TOO_MANY_ROOMS / HOST_DISK_FULL for a new room, ROOM_TOO_LARGE / HOST_DISK_FULL for
 *    an update that would pass them (the update is not applied; the socket is closed).
 * 3. A key that is not a usable X25519 point, or a sealed claim that does not open, closes with
 *    PROTOCOL; a wrong proof with WRONG_CODE (or another CLOSE code below), and nothing else is
 *    sent. Otherwise both sides derive
 *    c2s/s2c = HKDF-SHA256(ikm = shared ‖ authKey, salt = nonce bytes,
 *    info 'transition-lab/v2/wire c2s' / 'transition-lab/v2/wire s2c'), 32 bytes each.
 * 4. From then on EVERY frame, both ways, is a binary WebSocket frame:
 *    AES-256-GCM(direction key, 12-byte nonce = big-endian frame counter of that direction, starting
 *    at 0, never sent) of one kind byte + payload: 0 = JSON text message (below), 1 = y-protocols
 *    binary message. A frame that does not open (altered, replayed, reordered, wrong key, unknown
 *    kind) or any plaintext frame closes that socket with PROTOCOL; the room and its other sockets
 *    carry on. Nothing but the challenge, hello/claim and close codes is ever plaintext.
 * 5. server → text `{ t: 'welcome', ticket, admin, connections }` first, then binary y-protocols
 *    messages. No document content is sent before a valid proof.
 * 6. Binary messages are y-websocket compatible: varUint message type
 *    (0 = sync, 1 = awareness, 3 = query awareness) followed by the y-protocols payload.
 *    The host writes every document update to its room log before it relays it to anyone: an
 *    update another socket received from the host is on the host's disk (it survives the host
 *    process being killed). There is no other acknowledgement.
 * 7. Text messages after welcome:
 *    - server → `{ t: 'presence', connections }` whenever the number of sockets in the room changes;
 *    - server → `{ t: 'storage', saving: false }` when the host cannot write the room's files (disk
 *      full, read-only or refused): it keeps relaying and holds the room in memory, retrying; and
 *      `{ t: 'storage', saving: true }` once a write succeeds again. A socket that joins meanwhile
 *      gets `saving: false` right after welcome. (Older clients ignore messages they do not know.)
 *    - admin client → `{ t: 'rotate', authKey }`: the host stores the new key, answers
 *      `{ t: 'rotated' }`, closes every other socket of the room (sync and signal) with CODE_CHANGED
 *      and revokes their tickets; the rotating socket keeps its channel keys;
 *    - admin client → `{ t: 'remove', clientIds: number[] }` (awareness client ids seen on the
 *      sockets): the host closes those sockets with REMOVED. (Removing someone for good = rotate
 *      the code as well, then re-invite the others: anyone holding the code can come back.)
 *
 *    A malformed binary message (bad varints, unknown message type, an update Yjs cannot decode,
 *    trailing bytes) closes that socket with PROTOCOL; the room and its other sockets carry on.
 *    Sync messages are not ordered: an update or step 2 before step 1, or step 2 twice, is applied
 *    (Yjs updates commute and are idempotent), as y-websocket's server does.
 *    A frame larger than LIMITS.syncMessageBytes (signalMessageBytes on /signal) is refused by the
 *    WebSocket layer itself with 1009 (RFC 6455 "message too big"), not PROTOCOL. Before `welcome`
 *    the host's limit is a few KiB (host-limits.ts handshakeFrameBytes), with the same 1009.
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
 * The ticket itself is visible on the Wi-Fi in this URL: it admits to the room's signaling topic
 * only, whose payloads a holder cannot read without the code.
 * Tickets stay valid (12 h) after their /sync socket closes, so WebRTC survives a relay reconnect
 * (a ticket in use — its /sync socket open or a signaling socket attached — is never evicted);
 * rotate revokes every ticket of the room but the rotating admin's, remove revokes the removed
 * socket's ticket, and revoking closes the signaling sockets that used it (same close code).
 */

export const WIRE_VERSION = 2;

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
  /**
   * A claim for a room the host does not know, from a device that may not create rooms: by
   * default only the facilitator's own computer (loopback) may. Do not retry.
   */
  CLAIM_REFUSED: 4406,
  /** The host keeps as many rooms as it is allowed to (roomsPerHost). Do not retry. */
  TOO_MANY_ROOMS: 4409,
  /** This update would take the room past its size limit on the host (roomBytes). Do not retry. */
  ROOM_TOO_LARGE: 4413,
  /** The host's disk quota for all rooms is used up (diskBytes). Do not retry. */
  HOST_DISK_FULL: 4507,
  /** The host could not read this room's files just now (it logged why). Retry later. */
  TRY_LATER: 1013,
} as const;

export type ServerText =
  | { t: 'challenge'; v: number; nonce: string; key: string }
  | { t: 'welcome'; ticket: string; admin: boolean; connections: number }
  | { t: 'presence'; connections: number }
  | { t: 'rotated' }
  | { t: 'storage'; saving: boolean };

export type ClientText =
  | { t: 'hello'; key: string; proof: string; adminProof?: string }
  | { t: 'claim'; key: string; sealed: string; proof: string; adminProof: string }
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

/** Join link per docs/ui-contract.md: the code stays in the fragment, so the host never sees it. */
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
