import type { Duplex } from 'node:stream';

/**
 * Counts what a peer sends on a raw connection and calls `onExceeded` once it passes `budget`
 * bytes: before `welcome` a /sync socket has nothing legitimate to send beyond one small hello,
 * so pings, fragments or frames after a refusal cannot keep it busy for free. Returns a stop function.
 */
export function watchBytes(stream: Duplex, budget: number, onExceeded: () => void): () => void {
  let seen = 0;
  const onData = (chunk: Buffer): void => {
    seen += chunk.length;
    if (seen > budget) {
      stop();
      onExceeded();
    }
  };
  const stop = (): void => {
    stream.off('data', onData);
  };
  stream.on('data', onData);
  return stop;
}
