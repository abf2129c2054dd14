// A subscriber that stops reading must not make the host queue everything a ticket holder publishes.
import { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientFrame, rawUpgrade } from '../../bench/support/host-abuse';
import { createFixture, type Fixture } from './helpers';
import { eventually, facilitator, newRoomId, participant, startTestHost, type TestHost } from './sync-helpers';

let fixture: Fixture;
let host: TestHost;
beforeEach(async () => {
  fixture = createFixture();
  host = await startTestHost(fixture);
});
afterEach(async () => {
  await host.close();
  fixture.remove();
});

describe('/signal backpressure', () => {
  it('stops queueing for a subscriber that does not read (≤ 1 MiB), while the others still get every message', { timeout: 60_000 }, async () => {
    const roomId = newRoomId();
    const f = await facilitator(host, roomId);
    const p = await participant(host, roomId);
    // The slow one: subscribes, then never reads again.
    const slow = await rawUpgrade(host.port, `/signal?ticket=${p.ticket}`);
    expect(slow.status).toBe(101);
    slow.socket.write(clientFrame(1, Buffer.from(JSON.stringify({ type: 'subscribe', topics: [roomId] }))));
    slow.socket.pause();

    const sender = new WebSocket(`ws://127.0.0.1:${host.port}/signal?ticket=${f.ticket}`, { perMessageDeflate: false });
    await new Promise((resolve) => sender.once('open', resolve));
    let received = 0;
    sender.on('message', () => received++);
    sender.send(JSON.stringify({ type: 'subscribe', topics: [roomId] }));
    const payload = JSON.stringify({ type: 'publish', topic: roomId, data: 'x'.repeat(60 * 1024) });
    // 150 × 60 KiB = 9 MB, in rounds of 50 (well under the 200 messages per second a socket may send).
    for (let round = 1; round <= 3; round++) {
      for (let i = 0; i < 50; i++) sender.send(payload);
      await eventually(() => received >= 50 * round, 15_000);
    }
    expect(sender.readyState).toBe(WebSocket.OPEN);
    expect(host.signal.queuedBytes).toBeLessThan(2 * 1024 * 1024);
    sender.close();
    slow.socket.destroy();
    f.destroy();
    p.destroy();
  });
});
