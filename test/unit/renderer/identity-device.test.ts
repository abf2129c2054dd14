import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSessionContent, isFacilitator, listFacilitators } from '../../../shared/model';
import { personIn } from '../../../shared/model/policy';
import { loadDeviceId } from '../../../renderer/identity/device-id';
import { colourForDevice, distinctColour, PERSON_PALETTE } from '../../../renderer/identity/palette';
import { createSession } from '../../../renderer/session/open-sessions';
import { settleFacilitator } from '../../../renderer/session/facilitator-migration';
import { openDatabase, type TransitionLabDb } from '../../../renderer/storage/database';
import { DocPersistence } from '../../../renderer/storage/doc-persistence';
import { summariseSession } from '../../../renderer/session/session-summary';

const names: string[] = [];
const open: TransitionLabDb[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function freshName(): string {
  const name = `identity-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
}

function openDb(name: string): TransitionLabDb {
  const db = openDatabase(name);
  open.push(db);
  return db;
}

async function readDoc(db: TransitionLabDb, id: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const p = new DocPersistence(db, id, doc, { summarise: summariseSession });
  await p.whenLoaded;
  await p.destroy();
  return doc;
}

describe('device id', () => {
  it('is the same after a reload (a new connection to the same database)', async () => {
    const name = freshName();
    const first = openDb(name);
    const id = await loadDeviceId(first);
    expect(id).toMatch(/^[0-9a-z]{25,}$/);
    first.close();
    expect(await loadDeviceId(openDb(name))).toBe(id);
  });

  it('is new on another device (another browser profile’s database)', async () => {
    const a = await loadDeviceId(openDb(freshName()));
    const b = await loadDeviceId(openDb(freshName()));
    expect(a).not.toBe(b);
  });

  it('two tabs starting at once agree on one id', async () => {
    const name = freshName();
    const [a, b] = await Promise.all([loadDeviceId(openDb(name)), loadDeviceId(openDb(name))]);
    expect(a).toBe(b);
  });

  it('gives each device a colour from the one palette, the same every time', () => {
    expect(PERSON_PALETTE).toContain(colourForDevice('abc123'));
    expect(colourForDevice('abc123')).toBe(colourForDevice('abc123'));
    const used = new Set(Array.from({ length: 100 }, (_, i) => colourForDevice(`device${i}`)));
    expect(used.size).toBe(PERSON_PALETTE.length);
  });

  it('opens a database written by the previous version with every row intact', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(1).stores({ sessions: 'id, updatedAt', updates: '++seq, sessionId, [sessionId+seq]', snapshots: 'sessionId', access: 'sessionId' });
    await old.open();
    await old.table('sessions').put({ id: 's1', title: 'Old lab', createdAt: 1, updatedAt: 2, noteCount: 0 });
    await old.table('access').put({ sessionId: 's1', role: 'facilitator', joinCode: 'ABCDE-FGHJK', adminSecret: 'c2VjcmV0' });
    old.close();

    const db = openDb(name);
    expect(await db.sessions.get('s1')).toMatchObject({ title: 'Old lab' });
    expect(await db.access.get('s1')).toMatchObject({ role: 'facilitator', joinCode: 'ABCDE-FGHJK' });
    expect(await loadDeviceId(db)).toMatch(/^[0-9a-z]+$/);
  });
});

describe('the facilitator is in the doc', () => {
  it('a new session lists the device that created it as its one facilitator', async () => {
    const db = openDb(freshName());
    const deviceId = await loadDeviceId(db);
    const id = await createSession({ title: 'Lab', firstBoardTitle: 'Main' }, db);
    const doc = await readDoc(db, id);
    expect(listFacilitators(doc).map((f) => f.clientId)).toEqual([deviceId]);
    expect(personIn(doc, deviceId).facilitator).toBe(true);
    // Anyone else joining is a participant: the session is managed from the start.
    expect(personIn(doc, 'someotherdevice').facilitator).toBe(false);
  });

  it('an old session: the creator’s row says facilitator, so the device is written in and the row forgets its role', async () => {
    const db = openDb(freshName());
    const doc = new Y.Doc();
    createSessionContent(doc, { title: 'Before device ids', firstBoardTitle: 'Main', now: 1 });
    expect(listFacilitators(doc)).toEqual([]); // unmanaged: everyone may facilitate
    let flushed = 0;
    const legacy = { sessionId: 's1', role: 'facilitator' as const, joinCode: 'ABCDE-FGHJK', adminSecret: 'c2VjcmV0' };
    await db.access.put(legacy);
    const me = { deviceId: 'mydevice1', name: 'Ana', colour: '#0072b2' };
    const settled = await settleFacilitator(db, { doc, flush: async () => void flushed++ }, legacy, me, 5);
    expect(listFacilitators(doc).map((f) => [f.clientId, f.name])).toEqual([['mydevice1', 'Ana']]);
    expect(isFacilitator(doc, 'aparticipant')).toBe(false);
    expect(flushed).toBe(1);
    expect(settled).not.toHaveProperty('role');
    expect(await db.access.get('s1')).toEqual({ sessionId: 's1', joinCode: 'ABCDE-FGHJK', adminSecret: 'c2VjcmV0' });
  });

  it('a participant of an old unmanaged session keeps working: nothing is written to the doc', async () => {
    const db = openDb(freshName());
    const doc = new Y.Doc();
    createSessionContent(doc, { title: 'Before device ids', firstBoardTitle: 'Main', now: 1 });
    const row = { sessionId: 's2', role: 'participant' as const, joinCode: 'ABCDE-FGHJK', hostUrl: 'http://192.168.1.20:4455' };
    await db.access.put(row);
    const before = Y.encodeStateVector(doc);
    await settleFacilitator(db, { doc, flush: async () => {} }, row, { deviceId: 'guestdevice', name: 'Ola', colour: '#000000' }, 5);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(personIn(doc, 'guestdevice').facilitator).toBe(true);
    expect(await db.access.get('s2')).toEqual({ sessionId: 's2', joinCode: 'ABCDE-FGHJK', hostUrl: 'http://192.168.1.20:4455' });
  });

  it('never overrules a doc that already names its facilitators', async () => {
    const db = openDb(freshName());
    const doc = new Y.Doc();
    createSessionContent(doc, { title: 'Managed', firstBoardTitle: 'Main', now: 1, facilitatorId: 'theirdevice' });
    const row = { sessionId: 's3', role: 'facilitator' as const, joinCode: 'ABCDE-FGHJK', adminSecret: 'c2VjcmV0' };
    await settleFacilitator(db, { doc, flush: async () => {} }, row, { deviceId: 'mydevice1', name: 'Ana', colour: '#000000' }, 5);
    expect(listFacilitators(doc).map((f) => f.clientId)).toEqual(['theirdevice']);
  });
});

describe('person colours in one room', () => {
  const [blue, orange, green] = PERSON_PALETTE;
  it('keeps the device colour while nobody here shows it', () => {
    expect(distinctColour(blue, 5, [{ clientId: 1, colour: orange }])).toBe(blue);
  });
  it('of two people with one colour, only the later moves, to the first free colour; both screens agree', () => {
    const others = [{ clientId: 1, colour: blue }, { clientId: 2, colour: orange }];
    expect(distinctColour(blue, 9, others)).toBe(green);
    // The earlier one, seeing the later with the same device colour, stays.
    expect(distinctColour(blue, 1, [{ clientId: 9, colour: blue }])).toBe(blue);
  });
  it('lets colours repeat only when all seven are taken', () => {
    const everyone = PERSON_PALETTE.map((colour, i) => ({ clientId: i, colour }));
    expect(distinctColour(blue, 99, everyone)).toBe(blue);
  });
});
