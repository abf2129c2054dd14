// Runs inside a private network namespace (room-claims-netns.test.ts): lo is up and also has
// 10.99.0.1, an address that is not loopback to the host's check but never reaches a real network.
// Prints one line `REPORT {json}`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHost } from '../../../main/host/start-host';
import { newRoomId, participantKeys } from './sync-helpers';
import { claimOutcome } from './room-claims-helpers';
import { handshake, RawSocket, syncUrl } from '../../bench/support/relay-client';
import { adminKeys } from './sync-helpers';

export const NETNS_ADDRESS = '10.99.0.1';
export const REPORT_PREFIX = 'REPORT ';

export interface NetnsReport {
  ok: boolean;
  error?: string;
  /** Claim of a new room, connecting to 10.99.0.1 (so the host sees that as the source). */
  claimFromNetwork?: string | number;
  roomsAfterRefusal?: string[];
  claimLogged?: boolean;
  /** Claim of a new room over 127.0.0.1 (the facilitator's own computer). */
  claimFromLoopback?: string | number;
  /** A participant's hello from 10.99.0.1 to the room the facilitator created. */
  helloFromNetwork?: string | number;
  /** With --allow-sessions-from 10.99.0.1: a claim from there. */
  claimFromAllowed?: string | number;
}

async function hello(baseUrl: string, roomId: string): Promise<string | number> {
  const socket = new RawSocket(syncUrl(baseUrl, roomId));
  await socket.opened;
  const welcome = await handshake(socket, { roomId, keys: await participantKeys(roomId) });
  if (welcome) {
    socket.ws.terminate();
    return 'welcome';
  }
  return (await socket.closed).code;
}

async function main(): Promise<NetnsReport> {
  const base = mkdtempSync(path.join(os.tmpdir(), 'tl-netns-'));
  const staticDir = path.join(base, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  const report: NetnsReport = { ok: false };
  const logs: string[] = [];
  try {
    const dataDir = path.join(base, 'data');
    const host = await startHost({ port: 0, bind: '0.0.0.0', dataDir, staticDir, log: (line) => logs.push(line) });
    const network = `http://${NETNS_ADDRESS}:${host.port}/`;
    const loopback = `http://127.0.0.1:${host.port}/`;
    report.claimFromNetwork = await claimOutcome(network, newRoomId());
    const { readdirSync, existsSync } = await import('node:fs');
    const roomsDir = path.join(dataDir, 'rooms');
    report.roomsAfterRefusal = existsSync(roomsDir) ? readdirSync(roomsDir) : [];
    report.claimLogged = logs.some((line) => line.includes(`from ${NETNS_ADDRESS}`) || line.includes(`from ::ffff:${NETNS_ADDRESS}`));
    const roomId = newRoomId();
    report.claimFromLoopback = await claimOutcome(loopback, roomId, await adminKeys(roomId));
    report.helloFromNetwork = await hello(network, roomId);
    await host.close();

    const allowing = await startHost({ port: 0, bind: '0.0.0.0', dataDir, staticDir, allowSessionsFrom: [NETNS_ADDRESS] });
    report.claimFromAllowed = await claimOutcome(`http://${NETNS_ADDRESS}:${allowing.port}/`, newRoomId());
    await allowing.close();
    report.ok = true;
  } catch (error) {
    report.error = `${(error as Error).stack ?? error}\n${logs.join('\n')}`;
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  return report;
}

if (process.env['TL_NETNS_DRIVER'] === '1') {
  void main().then((report) => {
    process.stdout.write(`${REPORT_PREFIX}${JSON.stringify(report)}\n`);
    process.exit(0);
  });
}
