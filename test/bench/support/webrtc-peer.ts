/**
 * One simulated WebRTC participant, run as its own Node process by sync-nodes.bench.ts (y-webrtc
 * keeps one room per JS realm, and one process per peer is what a real laptop is). Talks to the
 * parent over the IPC channel. Only ever run inside a loopback-only network namespace: no ICE
 * servers, signaling = our host on 127.0.0.1.
 */
import wrtc from '@roamhq/wrtc';
import { WebSocket } from 'ws';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { deriveKeys, handshake, RawSocket, RelayClient, syncUrl } from './relay-client';

export type PeerCommand =
  | { cmd: 'start'; baseUrl: string; roomId: string; code: string; relay: boolean }
  | { cmd: 'add'; key: string }
  | { cmd: 'offline' }
  | { cmd: 'edits'; prefix: string; count: number }
  | { cmd: 'online'; expectSize: number }
  | { cmd: 'stop' };

export type PeerEvent =
  | { ev: 'ready' }
  | { ev: 'conns'; n: number }
  | { ev: 'seen'; key: string; t: number }
  | { ev: 'added'; key: string; t: number }
  | { ev: 'edited' }
  | { ev: 'converged'; t: number }
  | { ev: 'error'; message: string };

// y-webrtc looks for a global WebSocket (browsers have one); Node 20 does not.
(globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;

const now = (): number => performance.timeOrigin + performance.now();
const send = (event: PeerEvent): void => void process.send?.(event);
// Known y-webrtc crash on a late `answer` (docs/stack-notes.md); a peer process must survive it.
process.on('uncaughtException', (error) => send({ ev: 'error', message: error.message }));
process.on('unhandledRejection', (error) => send({ ev: 'error', message: String(error) }));

const doc = new Y.Doc();
const notes = doc.getMap<string>('notes');
let provider: WebrtcProvider | undefined;
let relay: RelayClient | undefined;
let expectSize = -1;

notes.observe((event) => {
  const t = now();
  for (const key of event.keysChanged) send({ ev: 'seen', key, t });
  if (expectSize > 0 && notes.size >= expectSize) {
    expectSize = -1;
    send({ ev: 'converged', t });
  }
});

async function start(cmd: Extract<PeerCommand, { cmd: 'start' }>): Promise<void> {
  const keys = await deriveKeys(cmd.code, cmd.roomId);
  let ticket: string;
  if (cmd.relay) {
    relay = await RelayClient.connect({ baseUrl: cmd.baseUrl, roomId: cmd.roomId, keys, doc });
    ticket = relay.ticket;
  } else {
    // WebRTC only: the relay handshake just buys the signaling ticket; the doc never goes there.
    const socket = new RawSocket(syncUrl(cmd.baseUrl, cmd.roomId));
    await socket.opened;
    const welcome = await handshake(socket, { roomId: cmd.roomId, keys });
    if (!welcome) throw new Error('relay refused the handshake');
    ticket = welcome.ticket;
    socket.close();
  }
  const signal = new URL(cmd.baseUrl);
  signal.protocol = 'ws:';
  signal.pathname = '/signal';
  signal.search = `?ticket=${ticket}`;
  provider = new WebrtcProvider(cmd.roomId, doc, {
    signaling: [signal.toString()],
    password: cmd.code,
    maxConns: 40,
    filterBcConns: true,
    peerOpts: { wrtc, config: { iceServers: [] } },
  });
  // Connected data channels, not merely announced peers.
  const connected = (): number => [...(provider?.room?.webrtcConns.values() ?? [])].filter((c) => c.connected).length;
  setInterval(() => send({ ev: 'conns', n: connected() }), 200).unref();
  send({ ev: 'ready' });
}

process.on('message', (message: PeerCommand) => {
  switch (message.cmd) {
    case 'start':
      start(message).catch((error: unknown) => send({ ev: 'error', message: String(error) }));
      break;
    case 'add':
    {
      // Timestamp before set(): set() itself sends the update to the other peers synchronously.
      const t = now();
      notes.set(message.key, `note ${message.key}`);
      send({ ev: 'added', key: message.key, t });
    }
      break;
    case 'offline':
      provider?.disconnect();
      void relay?.disconnect();
      break;
    case 'edits':
      for (let i = 0; i < message.count; i++) notes.set(`${message.prefix}${i}`, `offline edit ${i}`);
      send({ ev: 'edited' });
      break;
    case 'online':
      expectSize = message.expectSize;
      provider?.connect();
      void relay?.connect();
      if (notes.size >= expectSize) send({ ev: 'converged', t: now() });
      break;
    case 'stop':
      provider?.destroy();
      relay?.destroy();
      setTimeout(() => process.exit(0), 50);
      break;
  }
});
