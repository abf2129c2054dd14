import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOSE } from '../../../shared/protocol/room-wire';
import { RawSocket } from '../../bench/support/relay-client';
import { createFixture, rawRequest, type Fixture } from './helpers';
import { facilitator, newRoomId, participant, startTestHost, type TestHost } from './sync-helpers';

let fixture: Fixture;
let host: TestHost;
beforeEach(async () => {
  fixture = createFixture();
  host = await startTestHost(fixture, { signalMessagesPerSecond: 50, signalMessageBytes: 4096 });
});
afterEach(async () => {
  await host.close();
  fixture.remove();
});

/** Signaling speaks y-webrtc JSON, not ServerText; read raw frames. */
class SignalClient extends RawSocket {
  messages(): Record<string, unknown>[] {
    return this.frames.flatMap((f) => (f.kind === 'text' ? [f.message as unknown as Record<string, unknown>] : []));
  }
  async waitFor(pred: (m: Record<string, unknown>) => boolean, timeoutMs = 3000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages().find(pred);
      if (found) return found;
      if (Date.now() > deadline) throw new Error('no such signaling message');
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

function connect(ticket: string): SignalClient {
  return new SignalClient(`ws://127.0.0.1:${host.port}/signal?ticket=${encodeURIComponent(ticket)}`);
}

const UPGRADE_HEADERS = { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' };

async function twoPeers() {
  const roomId = newRoomId();
  const f = await facilitator(host, roomId);
  const p = await participant(host, roomId);
  const a = connect(f.ticket);
  const b = connect(p.ticket);
  await Promise.all([a.opened, b.opened]);
  return { roomId, f, p, a, b };
}

describe('/signal', () => {
  it.each([
    ['no ticket', '/signal'],
    ['an empty ticket', '/signal?ticket='],
    ['an unknown ticket', '/signal?ticket=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a malformed ticket', '/signal?ticket=%00%01'],
  ])('refuses the upgrade with HTTP 401 for %s', async (_name, target) => {
    const res = await rawRequest(host.port, target, { headers: UPGRADE_HEADERS });
    expect(res.status).toBe(401);
  });

  it('relays publish to every subscriber, sender included, with the clients count', async () => {
    const { roomId, f, p, a, b } = await twoPeers();
    a.send({ type: 'subscribe', topics: [roomId] });
    b.send({ type: 'subscribe', topics: [roomId] });
    // ping → pong on the same socket proves the subscribe before it was processed.
    a.send({ type: 'ping' });
    b.send({ type: 'ping' });
    await a.waitFor((m) => m['type'] === 'pong');
    await b.waitFor((m) => m['type'] === 'pong');
    a.send({ type: 'publish', topic: roomId, data: 'encrypted-blob' });
    const expected = { type: 'publish', topic: roomId, data: 'encrypted-blob', clients: 2 };
    expect(await a.waitFor((m) => m['type'] === 'publish')).toEqual(expected);
    expect(await b.waitFor((m) => m['type'] === 'publish')).toEqual(expected);
    a.close();
    b.close();
    f.destroy();
    p.destroy();
  });

  it('relays a deeply nested publish as sent (never re-serialised) and sets clients itself', async () => {
    const { roomId, f, p, a, b } = await twoPeers();
    a.send({ type: 'subscribe', topics: [roomId] });
    b.send({ type: 'subscribe', topics: [roomId] });
    b.send({ type: 'ping' });
    await b.waitFor((m) => m['type'] === 'pong');
    // Within this host's 4 KiB limit; the 6,000-deep case runs against the real process in host-abuse-signal.test.ts.
    const depth = 1800;
    a.send(`{"type":"publish","topic":"${roomId}","clients":999,"data":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    const got = await b.waitFor((m) => m['type'] === 'publish');
    expect(got['clients']).toBe(2);
    expect(nestingDepth(got['data'])).toBe(depth);
    a.send({ type: 'ping' });
    expect(await a.waitFor((m) => m['type'] === 'pong')).toEqual({ type: 'pong' });
    a.close();
    b.close();
    f.destroy();
    p.destroy();
  });

  it('ignores topics of other rooms: no subscription, no relay', async () => {
    const { roomId, f, p, a, b } = await twoPeers();
    const other = newRoomId();
    b.send({ type: 'subscribe', topics: [other, roomId] });
    a.send({ type: 'subscribe', topics: [other] });
    a.send({ type: 'publish', topic: other, data: 'x' });
    a.send({ type: 'publish', topic: roomId, data: 'y' });
    a.send({ type: 'ping' });
    await a.waitFor((m) => m['type'] === 'pong');
    const got = await b.waitFor((m) => m['type'] === 'publish');
    expect(got).toMatchObject({ topic: roomId, data: 'y', clients: 1 });
    expect(b.messages().filter((m) => m['type'] === 'publish')).toHaveLength(1);
    expect(a.messages().filter((m) => m['type'] === 'publish')).toHaveLength(0);
    a.close();
    b.close();
    f.destroy();
    p.destroy();
  });

  it.each([
    ['malformed JSON', '{"type":'],
    ['a non-object', '"subscribe"'],
    ['an unknown type', JSON.stringify({ type: 'hack' })],
    ['topics that are not strings', JSON.stringify({ type: 'subscribe', topics: [1, 2] })],
    ['a publish without topic', JSON.stringify({ type: 'publish', data: 'x' })],
    ['a binary frame', new Uint8Array([1, 2, 3])],
  ])('closes only that connection (4400) on %s', async (_name, payload) => {
    const { roomId, f, p, a, b } = await twoPeers();
    b.send({ type: 'subscribe', topics: [roomId] });
    a.send(payload);
    expect((await a.closed).code).toBe(CLOSE.PROTOCOL);
    b.send({ type: 'ping' });
    await b.waitFor((m) => m['type'] === 'pong');
    expect(b.closeCode).toBeUndefined();
    b.close();
    f.destroy();
    p.destroy();
  });

  it('closes an oversized message (1009) without affecting others', async () => {
    const { roomId, f, p, a, b } = await twoPeers();
    a.send({ type: 'publish', topic: roomId, data: 'x'.repeat(10_000) });
    expect((await a.closed).code).toBe(1009);
    b.send({ type: 'ping' });
    await b.waitFor((m) => m['type'] === 'pong');
    b.close();
    f.destroy();
    p.destroy();
  });

  it('closes a connection that floods messages with 4429', async () => {
    const { f, p, a, b } = await twoPeers();
    for (let i = 0; i < 200; i++) a.send({ type: 'ping' });
    expect((await a.closed).code).toBe(CLOSE.RATE_LIMITED);
    b.send({ type: 'ping' });
    await b.waitFor((m) => m['type'] === 'pong');
    b.close();
    f.destroy();
    p.destroy();
  });

  it('closes signaling with 1001 when the host stops', async () => {
    const { f, p, a } = await twoPeers();
    const closed = a.closed;
    f.destroy();
    p.destroy();
    await host.close();
    expect((await closed).code).toBe(CLOSE.GOING_AWAY);
  });

  it('limits connections per address', async () => {
    await host.close();
    host = await startTestHost(fixture, { connectionsPerAddress: 3 });
    const roomId = newRoomId();
    const f = await facilitator(host, roomId);
    const s1 = connect(f.ticket);
    const s2 = connect(f.ticket);
    await Promise.all([s1.opened, s2.opened]);
    const res = await rawRequest(host.port, `/signal?ticket=${f.ticket}`, { headers: UPGRADE_HEADERS });
    expect(res.status).toBe(429);
    s1.close();
    s2.close();
    f.destroy();
  });
});

/** Without recursion, so the test itself does not overflow on what it checks. */
function nestingDepth(value: unknown): number {
  let depth = 0;
  let node = value;
  while (Array.isArray(node)) {
    depth++;
    node = node[0];
  }
  return depth;
}
