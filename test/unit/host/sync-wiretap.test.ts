import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { toBase64Url } from '../../../shared/protocol/access';
import { RelayProvider, type RelayKeys, type WebSocketLike } from '../../../renderer/sync/relay-provider';
import { createFixture, type Fixture } from './helpers';
import { adminKeys, CODE, eventually, newRoomId, participantKeys, startTestHost, type TestHost } from './sync-helpers';

/**
 * What someone on the venue Wi-Fi sees: a TCP proxy between the real renderer relay clients and the
 * real host records every byte both ways. WebSocket frames from clients are masked (XOR with a
 * per-frame key), which would hide plaintext from a naive search, so the tap also unmasks them —
 * exactly what a sniffer would do.
 */
class WireTap {
  readonly server: net.Server;
  /** Per TCP connection and direction: raw bytes, and WebSocket payloads with masking undone. */
  readonly streams: { raw: Buffer[]; payload: Buffer[] }[] = [];
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly targetPort: number) {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, '127.0.0.1');
      this.sockets.add(client).add(upstream);
      this.record(client, upstream);
      this.record(upstream, client);
      const end = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('close', end).on('error', end);
      upstream.on('close', end).on('error', end);
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Everything seen, raw and unmasked, in one buffer per view. */
  get seen(): Buffer {
    return Buffer.concat(this.streams.flatMap((s) => [...s.raw, ...s.payload]));
  }

  contains(needle: string | Uint8Array): boolean {
    return this.seen.includes(Buffer.from(needle));
  }

  private record(from: net.Socket, to: net.Socket): void {
    const stream = { raw: [] as Buffer[], payload: [] as Buffer[] };
    this.streams.push(stream);
    let pending = Buffer.alloc(0);
    let upgraded = false;
    from.on('data', (chunk: Buffer) => {
      stream.raw.push(chunk);
      to.write(chunk);
      pending = Buffer.concat([pending, chunk]);
      if (!upgraded) {
        const end = pending.indexOf('\r\n\r\n');
        if (end < 0) return;
        upgraded = true;
        pending = pending.subarray(end + 4);
      }
      for (;;) {
        const frame = parseFrame(pending);
        if (!frame) break;
        stream.payload.push(frame.payload);
        pending = pending.subarray(frame.length);
      }
    });
  }
}

/** One RFC 6455 frame from the front of `bytes`, unmasked; null until it is complete. */
function parseFrame(bytes: Buffer): { payload: Buffer; length: number } | null {
  if (bytes.length < 2) return null;
  const masked = ((bytes[1] as number) & 0x80) !== 0;
  let length = (bytes[1] as number) & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (bytes.length < 4) return null;
    length = bytes.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (bytes.length < 10) return null;
    length = Number(bytes.readBigUInt64BE(2));
    offset = 10;
  }
  const mask = masked ? bytes.subarray(offset, offset + 4) : null;
  if (masked) offset += 4;
  if (bytes.length < offset + length) return null;
  const payload = Buffer.from(bytes.subarray(offset, offset + length));
  if (mask) for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] as number) ^ (mask[i % 4] as number);
  return { payload, length: offset + length };
}

let fixture: Fixture;
let host: TestHost;
let tap: WireTap;
const cleanups: (() => void)[] = [];
beforeEach(async () => {
  fixture = createFixture();
  host = await startTestHost(fixture);
  tap = new WireTap(host.port);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await tap.close();
  await host.close();
  fixture.remove();
});

function relayClient(hostUrl: string, roomId: string, keys: RelayKeys, name: string) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', { name, colour: '#123456' });
  const relay = new RelayProvider({
    hostUrl,
    roomId,
    doc,
    awareness,
    keys: async () => keys,
    WebSocketImpl: WebSocket as unknown as WebSocketLike,
    minBackoffMs: 20,
    maxBackoffMs: 200,
  });
  let ticket = '';
  relay.on('ticket', (t) => {
    ticket = t;
  });
  cleanups.push(() => relay.destroy());
  return { doc, awareness, relay, ticket: () => ticket };
}

describe('/sync on the wire', () => {
  it('shows a Wi-Fi sniffer neither the notes, names, keys, ticket nor code — and still syncs', async () => {
    const roomId = newRoomId();
    const url = `http://127.0.0.1:${await tap.listen()}`;
    const fKeys = await adminKeys(roomId);
    const pKeys = await participantKeys(roomId);
    const facilitator = relayClient(url, roomId, fKeys, 'Facilitatrix Quenby');
    const participant = relayClient(url, roomId, pKeys, 'Zofia Wiśniewska');
    const note = 'Heat pumps for the Kraków tram depot — budget 4.2 M€';
    const reply = 'Ask the district heating utility about waste heat';

    facilitator.relay.connect();
    await eventually(() => facilitator.relay.state.kind === 'connected');
    facilitator.doc.getMap<string>('notes').set('n1', note);
    participant.relay.connect();
    await eventually(() => participant.doc.getMap<string>('notes').get('n1') === note, 5000);
    participant.doc.getMap<string>('notes').set('n2', reply);
    await eventually(() => facilitator.doc.getMap<string>('notes').get('n2') === reply);
    await eventually(() => (facilitator.awareness.getStates().get(participant.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === 'Zofia Wiśniewska');
    // Rotation travels through the channel too: the new key must not show either.
    const rotated = await participantKeys(roomId, 'QRSTU-VWXYZ');
    await facilitator.relay.rotate(rotated.authKey);
    await eventually(() => participant.relay.state.kind === 'stopped');

    // The tap works: it saw the plaintext handshake in both directions, and the room id in the URL.
    expect(tap.contains('"t":"challenge"')).toBe(true);
    expect(tap.contains('"t":"hello"')).toBe(true);
    expect(tap.contains('"t":"claim"')).toBe(true);
    expect(tap.contains(roomId)).toBe(true);

    const secrets: [string, string | Uint8Array][] = [
      ['note', note],
      ['reply', reply],
      ['participant name', 'Zofia Wiśniewska'],
      ['facilitator name', 'Facilitatrix Quenby'],
      ['join code', CODE],
      ['join code, normalised', CODE.replace('-', '')],
      ['authKey (base64url)', toBase64Url(fKeys.authKey)],
      ['authKey (bytes)', fKeys.authKey],
      ['adminKey (base64url)', toBase64Url(fKeys.adminKey as Uint8Array)],
      ['adminKey (bytes)', fKeys.adminKey as Uint8Array],
      ['rotated authKey (base64url)', toBase64Url(rotated.authKey)],
      ['rotated authKey (bytes)', rotated.authKey],
      ['facilitator ticket', facilitator.ticket()],
      ['participant ticket', participant.ticket()],
    ];
    expect(facilitator.ticket()).not.toBe('');
    expect(participant.ticket()).not.toBe('');
    expect(secrets.filter(([, secret]) => tap.contains(secret)).map(([name]) => name)).toEqual([]);
  });
});
