/**
 * Issue 9, attack 5: `count` sockets each take a challenge, then all answer with a proof for the
 * wrong code in the same instant. A guessing limit that counts after an `await` checks them all.
 */
import { CLOSE } from '../../../../shared/protocol/room-wire';
import { deriveKeys, handshake, RawSocket, syncUrl } from '../relay-client';

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
  // Every socket has its challenge before any answers, so the answers arrive together.
  await Promise.all(live.map((s) => until(() => s.frames.length > 0 || s.closeCode !== undefined)));
  await Promise.all(live.map((s) => handshake(s, { roomId, keys }).catch(() => null)));
  const codes = await Promise.all(live.map(async (s) => (await s.closed).code));
  for (const s of sockets) s.ws.terminate();
  return {
    wrongCode: codes.filter((c) => c === CLOSE.WRONG_CODE).length,
    rateLimited: codes.filter((c) => c === CLOSE.RATE_LIMITED).length,
    other: sockets.length - live.length + codes.filter((c) => c !== CLOSE.WRONG_CODE && c !== CLOSE.RATE_LIMITED).length,
  };
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
}
