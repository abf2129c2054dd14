import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../../renderer/ui/hash-route';
import { orderForInvite } from '../../../renderer/platform/platform';
import { formatIceServers, parseIceServers } from '../../../renderer/sync/network-settings';
import { isKnownWebrtcFailure, signalingUrl } from '../../../renderer/sync/webrtc';
import { connectedPeers, hostLostAfter, MESH_RELAY_BATCH_MS, relayBatchDelay, type SyncSnapshot } from '../../../renderer/sync/session-sync';
import { checkJoin } from '../../../renderer/join/join';
import { OFFLINE_SNAPSHOT } from '../../../renderer/sync/use-session-sync';
import { joinLink, parseJoinLink } from '../../../shared/protocol/room-wire';

const base: SyncSnapshot = { ...OFFLINE_SNAPSHOT, hasHost: true, webrtc: 'waiting', joinCode: 'ABCDE-FGHJK' };

describe('sync helpers', () => {
  it('routes a join link to the join page, keeping the code in the fragment', () => {
    const link = joinLink('http://192.168.1.20:4455/', 'abcdefghijklmnopqrstuvwxy', 'ABCDE-FGHJK');
    expect(link).toBe('http://192.168.1.20:4455/#/join/abcdefghijklmnopqrstuvwxy?code=ABCDE-FGHJK');
    expect(parseRoute(new URL(link).hash)).toEqual({ name: 'join', sessionId: 'abcdefghijklmnopqrstuvwxy', code: 'ABCDE-FGHJK' });
    expect(parseJoinLink(link)?.hostBaseUrl).toBe('http://192.168.1.20:4455');
    expect(parseRoute('#/s/abc')).toEqual({ name: 'session', sessionId: 'abc' });
    expect(parseRoute('#/join/%E0%A4%A')).toEqual({ name: 'join', sessionId: '%E0%A4%A', code: '' });
  });

  it('asks for a name and a well-formed code before joining', () => {
    expect(checkJoin({ joinCode: 'abcde fghjk', name: 'Ola' })).toBeNull();
    expect(checkJoin({ joinCode: 'ABCDE-FGHJK', name: '   ' })).toBe('nameRequired');
    expect(checkJoin({ joinCode: 'ABC', name: 'Ola' })).toBe('badCode');
  });

  it('builds the signaling URL with the ticket in the query (never the join code)', () => {
    expect(signalingUrl('http://10.0.0.2:4455', 't/1+2')).toBe('ws://10.0.0.2:4455/signal?ticket=t%2F1%2B2');
  });

  it('puts LAN addresses before loopback in the invitation', () => {
    expect(orderForInvite(['http://localhost:4455', 'http://192.168.1.20:4455', 'http://127.0.0.1:4455'])).toEqual([
      'http://192.168.1.20:4455',
      'http://localhost:4455',
      'http://127.0.0.1:4455',
    ]);
  });

  it('accepts only stun:/turn: servers in network settings', () => {
    const { servers, invalid } = parseIceServers('stun:10.0.0.5:3478\n\nturn:10.0.0.5:3478 alice s3cret\nhttps://example.org');
    expect(servers).toEqual([{ urls: 'stun:10.0.0.5:3478' }, { urls: 'turn:10.0.0.5:3478', username: 'alice', credential: 's3cret' }]);
    expect(invalid).toEqual(['https://example.org']);
    expect(formatIceServers(servers)).toBe('stun:10.0.0.5:3478\nturn:10.0.0.5:3478 alice s3cret');
  });

  it("recognises y-webrtc's known crashes and nothing else", () => {
    expect(isKnownWebrtcFailure(new TypeError("Cannot set properties of undefined (setting 'glareToken')"))).toBe(true);
    const decrypt = Object.assign(new Error('The operation failed for an operation-specific reason'), { name: 'OperationError' });
    expect(isKnownWebrtcFailure(decrypt)).toBe(true);
    expect(isKnownWebrtcFailure(new TypeError("Cannot read properties of undefined (reading 'title')"))).toBe(false);
    expect(isKnownWebrtcFailure('glareToken')).toBe(false);
  });

  it('counts peers on either transport without counting anyone twice', () => {
    expect(connectedPeers(base)).toBe(0);
    expect(connectedPeers({ ...base, relay: { kind: 'connected', connections: 4, admin: false } })).toBe(3);
    expect(connectedPeers({ ...base, relay: { kind: 'connected', connections: 4, admin: false }, webrtcPeers: 2 })).toBe(3);
    expect(connectedPeers({ ...base, webrtcPeers: 2 })).toBe(2);
  });

  it('batches relay sends only while every other person on the relay is also a direct WebRTC peer', () => {
    const onRelay = (connections: number) => ({ kind: 'connected' as const, connections, admin: false });
    // Alone, or no direct peers: the relay carries live edits.
    expect(relayBatchDelay({ ...base, relay: onRelay(1) })).toBe(0);
    expect(relayBatchDelay({ ...base, relay: onRelay(3) })).toBe(0);
    // Two others on the relay, only one reached directly: that one may depend on the relay.
    expect(relayBatchDelay({ ...base, relay: onRelay(3), webrtcPeers: 1 })).toBe(0);
    expect(relayBatchDelay({ ...base, relay: onRelay(3), webrtcPeers: 2 })).toBe(MESH_RELAY_BATCH_MS);
    // Relay down: nothing to batch.
    expect(relayBatchDelay({ ...base, webrtcPeers: 2 })).toBe(0);
  });
});

describe('host lost (the facilitator’s status)', () => {
  it('turns on when a connection attempt fails, stays on while retrying, and clears once connected', () => {
    expect(hostLostAfter(false, { kind: 'connecting' })).toBe(false);
    expect(hostLostAfter(false, { kind: 'offline', retryInMs: 1000 })).toBe(true);
    expect(hostLostAfter(true, { kind: 'connecting' })).toBe(true);
    expect(hostLostAfter(true, { kind: 'connected', connections: 1, admin: true })).toBe(false);
    // Closing the session on purpose is not the host going down.
    expect(hostLostAfter(false, { kind: 'offline', retryInMs: null })).toBe(false);
  });
});
