/**
 * Issue 9, attack 2: `sockets` connections to /sync/<room> that, before any proof, each start a
 * `bytes`-long frame and stream it. A host that buffers pre-handshake frames up to the relay's
 * 64 MiB limit holds sockets × bytes of memory for nobody.
 */
import { rawUpgrade, streamFrame } from './raw-upgrade';

export interface BigFramesResult {
  upgraded: number;
  /** Upgrades answered with an HTTP error (limits on handshakes per address / in total). */
  refused: number;
  /** Total payload bytes the host let us write before dropping each connection. */
  bytesWritten: number;
}

export async function bigFramesAttack(
  port: number,
  roomId: string,
  options: { sockets?: number; bytes?: number; localAddress?: string; timeoutMs?: number } = {},
): Promise<BigFramesResult> {
  const sockets = options.sockets ?? 64;
  const bytes = options.bytes ?? 64 * 1024 * 1024;
  const result: BigFramesResult = { upgraded: 0, refused: 0, bytesWritten: 0 };
  const runs = Array.from({ length: sockets }, async () => {
    const upgrade = await rawUpgrade(port, `/sync/${roomId}`, options.localAddress ?? '127.0.0.2').catch(() => null);
    if (!upgrade || upgrade.status !== 101) {
      result.refused++;
      upgrade?.socket.destroy();
      return;
    }
    result.upgraded++;
    const timer = setTimeout(() => upgrade.socket.destroy(), options.timeoutMs ?? 30_000);
    result.bytesWritten += await streamFrame(upgrade.socket, 2, bytes);
    // Hold the connection until the host drops it (or the time is up): that is when memory peaks.
    await Promise.race([upgrade.gone, new Promise((resolve) => setTimeout(resolve, 1000))]);
    clearTimeout(timer);
    upgrade.socket.destroy();
  });
  await Promise.all(runs);
  return result;
}
