/**
 * The participant every attack must leave alone: from 127.0.0.1 (another device than the
 * attackers' 127.0.0.x), it joins a room, and we time challenge → welcome → first sync.
 */
import { RelayClient, type RoomKeys } from '../relay-client';

export interface JoinTiming {
  /** Socket opened → welcome (challenge, proof, the host's checks). */
  welcomeMs: number;
  /** Socket opened → the host's sync step 2 (the participant has the room). */
  syncedMs: number;
}

export async function timedJoin(baseUrl: string, roomId: string, keys: RoomKeys, timeoutMs = 10_000): Promise<{ client: RelayClient; timing: JoinTiming }> {
  const start = performance.now();
  const client = new RelayClient({ baseUrl, roomId, keys, awareness: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`join did not finish in ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([client.connect(), timeout]);
    const welcomeMs = performance.now() - start;
    await Promise.race([client.synced, timeout]);
    return { client, timing: { welcomeMs, syncedMs: performance.now() - start } };
  } catch (error) {
    client.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
