import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roomDir } from '../../../main/host/sync/room-storage';
import { writeFileAtomic } from '../../../main/host/atomic-write';
import { createFixture, type Fixture } from './helpers';
import { readRoomFromDisk } from './room-files-helpers';
import { eventually, facilitator, newRoomId, notes, participant, startTestHost, type TestHost } from './sync-helpers';

let fixture: Fixture;
let host: TestHost | undefined;
beforeEach(() => {
  fixture = createFixture();
});
afterEach(async () => {
  await host?.close();
  host = undefined;
  fixture.remove();
});

describe('room persistence', () => {
  it('serves a late joiner from disk after a host restart, with nobody else connected', async () => {
    const roomId = newRoomId();
    host = await startTestHost(fixture);
    const f = await facilitator(host, roomId);
    for (let i = 0; i < 50; i++) notes(f).set(`n${i}`, `note ${i}`);
    await eventually(() => host?.sync.rooms.get(roomId)?.doc.getMap('notes').size === 50);
    f.destroy();
    await host.close();

    const dir = roomDir(host.dataDir, roomId);
    // Stopping compacts: one checksummed snapshot, no update logs left.
    expect(existsSync(path.join(dir, 'snapshot.bin'))).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith('.log'))).toEqual([]);
    const access = JSON.parse(readFileSync(path.join(dir, 'access.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(access).sort()).toEqual(['adminKey', 'authKey', 'createdAt']);
    // No temp files left behind by the atomic writes.
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    host = await startTestHost(fixture);
    const late = await participant(host, roomId);
    await late.synced;
    expect(notes(late).size).toBe(50);
    expect(notes(late).get('n49')).toBe('note 49');
    late.destroy();
  });

  it('appends every update to the log before relaying it, and unloads an empty room from memory', async () => {
    const roomId = newRoomId();
    host = await startTestHost(fixture, { unloadDelayMs: 100 });
    const f = await facilitator(host, roomId);
    const p = await participant(host, roomId);
    notes(f).set('a', 'A');
    // The participant got it through the relay: by then it is in the log on disk.
    await eventually(() => notes(p).get('a') === 'A');
    expect(readRoomFromDisk(roomDir(host.dataDir, roomId)).getMap('notes').get('a')).toBe('A');
    f.destroy();
    p.destroy();
    await eventually(() => host?.sync.rooms.activeRoomIds.length === 0);
  });

  it('sets an unreadable old-format doc.bin aside, logs, and starts the room empty without crashing', async () => {
    const roomId = newRoomId();
    const logs: string[] = [];
    host = await startTestHost(fixture, {}, (line) => logs.push(line));
    const f = await facilitator(host, roomId);
    f.destroy();
    await host.close();
    const dir = roomDir(fixture.dataDir, roomId);
    writeFileSync(path.join(dir, 'doc.bin'), Buffer.from('this is not a yjs update, it is a broken file'));

    host = await startTestHost(fixture, {}, (line) => logs.push(line));
    const again = await facilitator(host, roomId);
    await again.synced;
    expect(notes(again).size).toBe(0);
    expect(readdirSync(dir).some((name) => name.startsWith('doc.bin.corrupt-'))).toBe(true);
    expect(logs.join('\n')).toMatch(/doc\.bin was unreadable \(not a Yjs document\); kept as doc\.bin\.corrupt-/);
    // The room works normally afterwards.
    notes(again).set('x', 'fresh');
    const p = await participant(host, roomId);
    await eventually(() => notes(p).get('x') === 'fresh');
    again.destroy();
    p.destroy();
  });

  it('keeps a room in memory and retries when the disk refuses the write', async () => {
    const roomId = newRoomId();
    const logs: string[] = [];
    host = await startTestHost(fixture, { saveRetryMs: 50, unloadDelayMs: 50 }, (line) => logs.push(line));
    const f = await facilitator(host, roomId);
    const dir = roomDir(host.dataDir, roomId);
    // A file where the room's folder should be: no log can be opened, no snapshot written,
    // like a full or broken disk.
    renameSync(dir, `${dir}.away`);
    writeFileSync(dir, 'in the way');
    notes(f).set('k', 'kept');
    await eventually(() => logs.some((line) => line.includes('Cannot save room')));
    f.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Not unloaded: the only copy of the edit is in memory.
    expect(host.sync.rooms.activeRoomIds).toContain(roomId);
    // Retried every 50 ms, said once.
    expect(logs.filter((line) => line.includes('Cannot save room'))).toHaveLength(1);
    // The disk is back; the retry writes a snapshot and the room can go.
    rmSync(dir);
    renameSync(`${dir}.away`, dir);
    await eventually(() => host?.sync.rooms.activeRoomIds.length === 0, 5000);
    expect(readRoomFromDisk(dir).getMap('notes').get('k')).toBe('kept');
  });

  it('treats a corrupt access.json as an unknown room and lets the facilitator claim it again', async () => {
    const roomId = newRoomId();
    host = await startTestHost(fixture);
    const dir = roomDir(host.dataDir, roomId);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'access.json'), '{ broken');
    const f = await facilitator(host, roomId);
    expect(f.admin).toBe(true);
    expect(readdirSync(dir).some((name) => name.startsWith('access.json.corrupt-'))).toBe(true);
    f.destroy();
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temp file', async () => {
    const file = path.join(fixture.base, 'x.bin');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(fixture.base).filter((n) => n.includes('.tmp'))).toEqual([]);
  });
});
