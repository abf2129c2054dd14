import { computeProof } from './access';
import type { ClientText } from './room-wire';
import {
  deriveChannelKeys,
  handshakeTranscript,
  newEphemeralKeyPair,
  sealClaim,
  sharedSecret,
  WireChannel,
} from './wire-crypto';

export interface RelayKeys {
  authKey: Uint8Array;
  /** Facilitator only: grants admin rights (rotate, remove) and lets the app claim the room. */
  adminKey?: Uint8Array;
}

export interface ChallengeReply {
  /** What to send back, in plain text (the channel starts with the host's answer). */
  message: ClientText;
  /** The encrypted channel both sides derive from this exchange. */
  channel: WireChannel;
  /** The hello carried an admin proof (a facilitator's app that did not claim). */
  helloAsAdmin: boolean;
}

/**
 * The client's side of the /sync handshake (shared/protocol/room-wire.ts): a fresh X25519 key,
 * proofs bound to both keys and the host's nonce, and — only when the host said it does not know
 * the room — the sealed claim with the room's keys.
 */
export async function replyToChallenge(options: {
  roomId: string;
  keys: RelayKeys;
  nonce: string;
  serverKey: string;
  claim: boolean;
}): Promise<ChallengeReply> {
  const { roomId, keys, nonce, serverKey } = options;
  const own = newEphemeralKeyPair();
  const shared = sharedSecret(own.secretKey, serverKey);
  own.secretKey.fill(0);
  try {
    const transcript = handshakeTranscript(nonce, serverKey, own.publicKey);
    const proof = await computeProof(keys.authKey, roomId, 'sync', transcript);
    const adminProof = keys.adminKey ? await computeProof(keys.adminKey, roomId, 'sync', transcript) : undefined;
    let message: ClientText;
    let helloAsAdmin = false;
    if (keys.adminKey && adminProof && options.claim) {
      message = { t: 'claim', key: own.publicKey, sealed: sealClaim(shared, { authKey: keys.authKey, adminKey: keys.adminKey }), proof, adminProof };
    } else {
      message = adminProof ? { t: 'hello', key: own.publicKey, proof, adminProof } : { t: 'hello', key: own.publicKey, proof };
      helloAsAdmin = adminProof !== undefined;
    }
    return { message, channel: WireChannel.forClient(deriveChannelKeys(shared, keys.authKey, nonce)), helloAsAdmin };
  } finally {
    shared.fill(0);
  }
}
