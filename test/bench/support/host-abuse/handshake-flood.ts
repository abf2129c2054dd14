/**
 * Issue 9, attack 2b: many /sync sockets that take the challenge and never answer, to fill the
 * host's handshake slots (or its memory) so real participants cannot start theirs.
 */
import { rawUpgrade, type RawUpgrade } from './raw-upgrade';

export interface HandshakeFlood {
  upgraded: number;
  refused: number;
  /** Drops every connection of the flood. */
  release(): void;
}

/** Opens `sockets` connections spread over `localAddresses` (round robin) and holds them open. */
export async function handshakeFlood(
  port: number,
  roomId: string,
  options: { sockets?: number; localAddresses?: string[] } = {},
): Promise<HandshakeFlood> {
  const addresses = options.localAddresses ?? ['127.0.0.2'];
  const held: RawUpgrade[] = [];
  let refused = 0;
  await Promise.all(
    Array.from({ length: options.sockets ?? 512 }, async (_, i) => {
      const upgrade = await rawUpgrade(port, `/sync/${roomId}`, addresses[i % addresses.length]).catch(() => null);
      if (upgrade?.status === 101) held.push(upgrade);
      else {
        refused++;
        upgrade?.socket.destroy();
      }
    }),
  );
  return {
    upgraded: held.length,
    refused,
    release: () => {
      for (const upgrade of held) upgrade.socket.destroy();
    },
  };
}
