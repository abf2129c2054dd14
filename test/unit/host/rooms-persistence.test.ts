import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { roomDir } from '../../../main/host/sync/room-storage';
import { writeFileAtomic } from '../../../main/host/atomic-write';
import { createFixture, type Fixture } from './helpers';
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
    expect(existsSync(path.join(dir, 'doc.bin'))).toBe(true);
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

  it('writes debounced while a room is active and unloads an empty room from memory', async () => {
    const roomId = newRoomId();
    host = await startTestHost(fixture, { saveDebounceMs: 30, unloadDelayMs: 100 });
    const f = await facilitator(host, roomId);
    notes(f).set('a', 'A');
    const file = path.join(roomDir(host.dataDir, roomId), 'doc.bin');
    await eventually(() => existsSync(file));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, readFileSync(file));
    expect(doc.getMap('notes').get('a')).toBe('A');
    f.destroy();
    await eventually(() => host?.sync.rooms.activeRoomIds.length === 0);
  });

  it('sets a corrupt doc.bin aside, logs, and starts the room empty without crashing', async () => {
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
    expect(logs.join('\n')).toMatch(/unreadable; kept as doc\.bin\.corrupt-/);
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
    host = await startTestHost(fixture, { saveDebounceMs: 10, saveRetryMs: 50, unloadDelayMs: 50 }, (line) => logs.push(line));
    const f = await facilitator(host, roomId);
    const dir = roomDir(host.dataDir, roomId);
    // A folder where doc.bin should be makes the rename fail, like a full or broken disk would.
    mkdirSync(path.join(dir, 'doc.bin'), { recursive: true });
    writeFileSync(path.join(dir, 'doc.bin', 'blocker'), '');
    notes(f).set('k', 'kept');
    await eventually(() => logs.some((line) => line.includes('Could not save room')));
    f.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Not unloaded: the only copy of the edit is in memory.
    expect(host.sync.rooms.activeRoomIds).toContain(roomId);
    // Unblock the disk; the retry writes it and the room can go.
    const { rmSync } = await import('node:fs');
    rmSync(path.join(dir, 'doc.bin'), { recursive: true, force: true });
    await eventually(() => existsSync(path.join(dir, 'doc.bin')) && host?.sync.rooms.activeRoomIds.length === 0, 5000);
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
