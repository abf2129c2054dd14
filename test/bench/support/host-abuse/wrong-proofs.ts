/**
 * Issue 9, attack 5: `count` sockets each take a challenge, then all answer with a proof for the
 * wrong code in the same instant (replies computed first, sent in one loop). A guessing limit
 * that counts after an `await` checks them all.
 */
import { replyToChallenge } from '../../../../shared/protocol/challenge-reply';
import { CLOSE } from '../../../../shared/protocol/room-wire';
import { deriveKeys, RawSocket, syncUrl } from '../relay-client';

export interface WrongProofsResult {
  /** Proofs the host actually checked and refused. */
  wrongCode: number;
  /** Refused by the guessing limit without being checked. */
  rateLimited: number;
  /** Refused before the handshake (HTTP error on upgrade) or closed for another reason. */
  other: number;
}

export async function wrongProofsAttack(
  baseUrl: string,
  roomId: string,
  options: { count?: number; localAddress?: string; code?: string } = {},
): Promise<WrongProofsResult> {
  const keys = await deriveKeys(options.code ?? 'ZZZZZ-ZZZZZ', roomId);
  const sockets = Array.from({ length: options.count ?? 64 }, () => new RawSocket(syncUrl(baseUrl, roomId), { localAddress: options.localAddress ?? '127.0.0.2' }));
  const opened = await Promise.all(sockets.map((s) => s.opened.then(() => true, () => false)));
  const live = sockets.filter((_, i) => opened[i]);
  const replies = await Promise.all(
    live.map(async (s) => {
      const challenge = await s.nextText('challenge').catch(() => null);
      if (!challenge) return null;
      return replyToChallenge({ roomId, keys, nonce: challenge.nonce, serverKey: challenge.key, claim: false });
    }),
  );
  // All answers leave in one synchronous loop: they reach the host back to back.
  live.forEach((s, i) => {
    const reply = replies[i];
    if (reply) s.send(reply.message);
  });
  const codes = await Promise.all(live.map(async (s) => (await s.closed).code));
  for (const s of sockets) s.ws.terminate();
  return {
    wrongCode: codes.filter((c) => c === CLOSE.WRONG_CODE).length,
    rateLimited: codes.filter((c) => c === CLOSE.RATE_LIMITED).length,
    other: sockets.length - live.length + codes.filter((c) => c !== CLOSE.WRONG_CODE && c !== CLOSE.RATE_LIMITED).length,
  };
}
