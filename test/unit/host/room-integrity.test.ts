// Room files on the host (issue 9 item 6): checksums verified on load, damage set aside with a
// clear log line and the room completed by the next client's sync, read errors retried and
// reported, empty and truncated files detected, and the update log compacted in the background
// without losing an update that arrives meanwhile.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from '../../../shared/protocol/room-wire';
import { encodeRecord, LOG_MAGIC } from '../../../main/host/sync/record-frames';
import { roomDir } from '../../../main/host/sync/room-storage';
import { RelayClient } from '../../bench/support/relay-client';
import { createFixture, type Fixture } from './helpers';
import { readRoomFromDisk } from './room-files-helpers';
import { adminKeys, eventually, facilitator, newRoomId, notes, participant, startTestHost, type TestHost } from './sync-helpers';

let fixture: Fixture;
let host: TestHost | undefined;
let logs: string[];
const log = (line: string) => logs.push(line);

beforeEach(() => {
  fixture = createFixture();
  logs = [];
});
afterEach(async () => {
  await host?.close();
  host = undefined;
  fixture.remove();
});

/** A room the facilitator created and filled; the host stopped (so it is one snapshot). Returns the facilitator's doc. */
async function roomWith(roomId: string, entries: Record<string, string>): Promise<Y.Doc> {
  host = await startTestHost(fixture, {}, log);
  const f = await facilitator(host, roomId);
  for (const [key, value] of Object.entries(entries)) notes(f).set(key, value);
  await eventually(() => host?.sync.rooms.get(roomId)?.doc.getMap('notes').size === Object.keys(entries).length);
  f.destroy();
  await host.close();
  host = undefined;
  return f.doc;
}

/** The facilitator's app coming back with the doc it kept (local-first: it still has everything). */
async function facilitatorWithDoc(roomId: string, doc: Y.Doc): Promise<RelayClient> {
  if (!host) throw new Error('no host');
  return RelayClient.connect({ baseUrl: host.baseUrl, roomId, keys: await adminKeys(roomId), claim: true, doc });
}

function dirOf(roomId: string): string {
  return roomDir(fixture.dataDir, roomId);
}

function setAside(roomId: string, prefix: string): string[] {
  return readdirSync(dirOf(roomId)).filter((name) => name.startsWith(`${prefix}.corrupt-`));
}

/** Three updates, each setting one note, as a client would have sent them. */
function threeUpdates(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const key of ['a', 'b', 'c']) doc.getMap('notes').set(key, `note ${key}`);
  return updates;
}

describe('room file integrity', () => {
  it('never serves a snapshot with one changed digit; sets it aside and recovers from the next client', async () => {
    const roomId = newRoomId();
    const kept = await roomWith(roomId, { budget: 'budget 1234 EUR', other: 'untouched' });
    const file = path.join(dirOf(roomId), 'snapshot.bin');
    const bytes = readFileSync(file);
    const at = bytes.indexOf('1234');
    expect(at).toBeGreaterThan(0);
    bytes[at + 3] = '5'.charCodeAt(0);
    writeFileSync(file, bytes);

    host = await startTestHost(fixture, {}, log);
    const early = await participant(host, roomId);
    await early.synced;
    expect(notes(early).get('budget')).toBeUndefined();
    expect(setAside(roomId, 'snapshot.bin')).toHaveLength(1);
    expect(logs.join('\n')).toMatch(/snapshot\.bin is damaged \(checksum mismatch\); kept as snapshot\.bin\.corrupt-.*completed by the next participant's sync/);

    // The facilitator's app still has the true content; its sync repairs the host's copy.
    const back = await facilitatorWithDoc(roomId, kept);
    await eventually(() => notes(early).get('budget') === 'budget 1234 EUR');
    back.destroy();
    early.destroy();
    await host.close();
    expect(readRoomFromDisk(dirOf(roomId)).getMap('notes').toJSON()).toEqual({ budget: 'budget 1234 EUR', other: 'untouched' });
    expect(notes(early).get('budget')).not.toBe('budget 1235 EUR');
  });

  it('keeps the records before damage in the middle of a log, sets the log aside, and recovers the rest', async () => {
    const roomId = newRoomId();
    await roomWith(roomId, {});
    const [a, b, c] = threeUpdates() as [Uint8Array, Uint8Array, Uint8Array];
    const second = encodeRecord(b);
    second[second.length - 1] = (second[second.length - 1] ?? 0) ^ 0xff;
    writeFileSync(path.join(dirOf(roomId), 'updates-000042.log'), Buffer.concat([LOG_MAGIC, encodeRecord(a), second, encodeRecord(c)]));

    host = await startTestHost(fixture, {}, log);
    const p = await participant(host, roomId);
    await p.synced;
    expect(notes(p).toJSON()).toEqual({ a: 'note a' });
    expect(setAside(roomId, 'updates-000042.log')).toHaveLength(1);
    expect(logs.join('\n')).toMatch(/updates-000042\.log is damaged \(checksum mismatch\); kept the 1 records before the damage/);
    // The records that were kept are in a fresh snapshot already, before anyone else syncs.
    expect(readRoomFromDisk(dirOf(roomId)).getMap('notes').toJSON()).toEqual({ a: 'note a' });
    p.destroy();
  });

  it('keeps every whole record of a log cut short by a crash, and says so', async () => {
    const roomId = newRoomId();
    await roomWith(roomId, {});
    const [a, b, c] = threeUpdates() as [Uint8Array, Uint8Array, Uint8Array];
    const log3 = path.join(dirOf(roomId), 'updates-000007.log');
    writeFileSync(log3, Buffer.concat([LOG_MAGIC, encodeRecord(a), encodeRecord(b), encodeRecord(c)]));
    truncateSync(log3, readFileSync(log3).length - 5);

    host = await startTestHost(fixture, {}, log);
    const p = await participant(host, roomId);
    await p.synced;
    expect(notes(p).toJSON()).toEqual({ a: 'note a', b: 'note b' });
    expect(logs.join('\n')).toMatch(/updates-000007\.log ends in a record cut short .* kept the 2 whole records before it/);
    p.destroy();
  });

  it('reports an empty log file (the host stopped right after creating it) and sets it aside', async () => {
    const roomId = newRoomId();
    await roomWith(roomId, { n: 'content' });
    writeFileSync(path.join(dirOf(roomId), 'updates-000003.log'), '');
    host = await startTestHost(fixture, {}, log);
    const p = await participant(host, roomId);
    await eventually(() => notes(p).get('n') === 'content');
    expect(logs.join('\n')).toMatch(/updates-000003\.log is empty \(0 bytes\); kept as updates-000003\.log\.corrupt-/);
    p.destroy();
  });

  for (const [what, damage, message] of [
    ['empty', (file: string) => writeFileSync(file, ''), /snapshot\.bin is empty \(0 bytes\)/],
    ['truncated', (file: string) => truncateSync(file, Math.floor(readFileSync(file).length / 2)), /snapshot\.bin is cut short \(truncated\)/],
    ['not a room file', (file: string) => writeFileSync(file, 'hello, I am a text file'), /snapshot\.bin is not a Transition Lab room file/],
  ] as const) {
    it(`reports a snapshot that is ${what}, sets it aside and still opens the room`, async () => {
      const roomId = newRoomId();
      const kept = await roomWith(roomId, { n: 'content' });
      damage(path.join(dirOf(roomId), 'snapshot.bin'));
      host = await startTestHost(fixture, {}, log);
      const back = await facilitatorWithDoc(roomId, kept);
      expect(logs.join('\n')).toMatch(message);
      expect(setAside(roomId, 'snapshot.bin')).toHaveLength(1);
      const p = await participant(host, roomId);
      await eventually(() => notes(p).get('n') === 'content');
      back.destroy();
      p.destroy();
    });
  }

  it('retries a read error other than "not found", reports it, refuses the join with TRY_LATER, and recovers once readable', async () => {
    const roomId = newRoomId();
    const other = newRoomId();
    await roomWith(other, { x: 'other room' });
    await roomWith(roomId, { n: 'content' });
    const file = path.join(dirOf(roomId), 'snapshot.bin');
    const good = readFileSync(file);
    // A folder where the file should be: reading it fails with EISDIR, every time.
    rmSync(file);
    mkdirSync(file);

    host = await startTestHost(fixture, { readAttempts: 3, readRetryMs: 10 }, log);
    await expect(participant(host, roomId)).rejects.toThrow(String(CLOSE.TRY_LATER));
    const text = logs.join('\n');
    expect(text).toMatch(/Could not read .* snapshot\.bin \(EISDIR.*\); retrying in 10 ms/);
    expect(text).toMatch(/Could not read .* snapshot\.bin after 3 attempts/);
    // Nothing was set aside or replaced: the file is not known to be damaged, only unreadable.
    expect(existsSync(file)).toBe(true);
    // The host keeps serving other rooms.
    const elsewhere = await participant(host, other);
    await eventually(() => notes(elsewhere).get('x') === 'other room');
    elsewhere.destroy();
    // Readable again: the next join works, with the content (not "every join fails forever").
    rmSync(file, { recursive: true });
    writeFileSync(file, good);
    const p = await participant(host, roomId);
    await eventually(() => notes(p).get('n') === 'content');
    p.destroy();
  });

  it('migrates an old-format doc.bin into a checksummed snapshot', async () => {
    const roomId = newRoomId();
    await roomWith(roomId, {});
    const dir = dirOf(roomId);
    rmSync(path.join(dir, 'snapshot.bin'), { force: true });
    const old = new Y.Doc();
    old.getMap('notes').set('legacy', 'from before checksums');
    writeFileSync(path.join(dir, 'doc.bin'), Y.encodeStateAsUpdate(old));
    host = await startTestHost(fixture, {}, log);
    const p = await participant(host, roomId);
    await eventually(() => notes(p).get('legacy') === 'from before checksums');
    expect(existsSync(path.join(dir, 'doc.bin'))).toBe(false);
    expect(readRoomFromDisk(dir).getMap('notes').get('legacy')).toBe('from before checksums');
    p.destroy();
  });

  it('compacts the log in the background and loses no update that arrives while it does', async () => {
    const roomId = newRoomId();
    host = await startTestHost(fixture, { compactLogBytes: 2048, saveDebounceMs: 5 }, log);
    const f = await facilitator(host, roomId);
    const dir = dirOf(roomId);
    let maxLogs = 0;
    for (let i = 0; i < 400; i++) {
      notes(f).set(`n${i}`, `note ${i} ${'x'.repeat(40)}`);
      if (i % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      maxLogs = Math.max(maxLogs, readdirSync(dir).filter((name) => name.endsWith('.log')).length);
    }
    await eventually(() => host?.sync.rooms.get(roomId)?.doc.getMap('notes').size === 400);
    // Read while the host runs: snapshot + logs hold everything at any moment.
    expect(readRoomFromDisk(dir).getMap('notes').size).toBe(400);
    expect(existsSync(path.join(dir, 'snapshot.bin'))).toBe(true);
    // Compaction kept the log short (it never piles up generations).
    expect(maxLogs).toBeLessThanOrEqual(3);
    const logBytes = readdirSync(dir)
      .filter((name) => name.endsWith('.log'))
      .reduce((sum, name) => sum + readFileSync(path.join(dir, name)).length, 0);
    expect(logBytes).toBeLessThan(40_000);
    f.destroy();
  });
});
