import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { pl } from '../../../shared/i18n/pl';
import { roomDir } from '../../../main/host/sync/room-storage';
import { ADMISSIONS_KEPT, admissionMemory } from '../../../renderer/sync/admitted-hosts';
import type { RelayKeys } from '../../../renderer/sync/relay-provider';
import { relayFatalMessageKey } from '../../../renderer/sync/relay-state';
import { createFixture, type Fixture } from '../host/helpers';
import { adminKeys, appRelay, eventually, newRoomId, participantKeys, startTestHost, type TestHost } from '../host/sync-helpers';

/** localStorage as the app sees it across restarts: the same object handed to each "run". */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

/** The host as participants' devices address it on the venue Wi-Fi (the memory is per host address). */
const LAN_URL = 'http://192.168.1.20:8080';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function fixture(): Fixture {
  const f = createFixture();
  cleanups.push(() => f.remove());
  return f;
}

async function host(f: Fixture): Promise<TestHost> {
  const h = await startTestHost(f);
  cleanups.push(() => h.close());
  return h;
}

/** One run of the app: a relay provider for the room, remembering admissions in `storage`. */
function appRun(h: TestHost, roomId: string, keys: RelayKeys, storage: MemoryStorage) {
  const { relay, doc, states } = appRelay(h.baseUrl, roomId, keys, { admission: admissionMemory(LAN_URL, roomId, storage, () => undefined) });
  cleanups.push(() => relay.destroy());
  relay.connect();
  return { relay, doc, states, last: () => states.at(-1)?.kind };
}

describe('"admitted by this host" survives a restart', () => {
  it('keeps facilitator and participant admitted across a host restart, and never hands the keys to a host that forgot the room', async () => {
    const roomId = newRoomId();
    const admin = await adminKeys(roomId);
    const storage = new MemoryStorage();
    const data = fixture();

    // Run 1: the facilitator's app creates the room on the host; a participant joins.
    const first = await host(data);
    const run1 = appRun(first, roomId, admin, storage);
    await eventually(() => run1.last() === 'connected', 5_000);
    run1.doc.getMap('notes').set('n1', 'before the restart');
    const guest1 = appRun(first, roomId, await participantKeys(roomId), new MemoryStorage());
    await eventually(() => guest1.doc.getMap('notes').get('n1') === 'before the restart', 5_000);
    run1.relay.destroy();
    guest1.relay.destroy();
    await first.close();

    // The host restarts on the same data folder, the app restarts too: both are admitted again.
    const second = await host(data);
    const run2 = appRun(second, roomId, admin, storage);
    const guest2 = appRun(second, roomId, await participantKeys(roomId), new MemoryStorage());
    await eventually(() => run2.last() === 'connected' && guest2.last() === 'connected', 5_000);
    await eventually(() => guest2.doc.getMap('notes').get('n1') === 'before the restart', 5_000);
    run2.relay.destroy();
    guest2.relay.destroy();

    // A host at that address that does not know the room (an impostor, or a data folder wiped):
    // the restarted app stops and asks, and the host never got the keys (it has no such room).
    const blank = fixture();
    const impostor = await host(blank);
    const run3 = appRun(impostor, roomId, admin, storage);
    await eventually(() => run3.last() === 'stopped', 5_000);
    expect(run3.states.at(-1)).toEqual({ kind: 'stopped', reason: 'hostForgot' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(existsSync(roomDir(impostor.dataDir, roomId))).toBe(false);

    // The facilitator says the host really started over: the session goes to it once more.
    run3.relay.reclaim();
    await eventually(() => run3.last() === 'connected', 5_000);
    expect(existsSync(roomDir(impostor.dataDir, roomId))).toBe(true);
  });

  it('a device with no memory of the host (what every restart was before) does hand the keys over', async () => {
    const roomId = newRoomId();
    const blank = await host(fixture());
    const run = appRun(blank, roomId, await adminKeys(roomId), new MemoryStorage());
    await eventually(() => run.last() === 'connected', 5_000);
    expect(existsSync(roomDir(blank.dataDir, roomId))).toBe(true);
  });

  it('says so in English and Polish, with a button to give the session back', () => {
    expect(relayFatalMessageKey('hostForgot')).toBe('connection.hostForgot');
    expect(en.connection.hostForgot).toMatch(/may not be the real host/);
    expect(pl.connection.hostForgot).toMatch(/może nie być prawdziwy host/);
    expect(en.connection.reclaim).toBeTruthy();
    expect(pl.connection.reclaim).toBeTruthy();
  });
});

describe('admission memory', () => {
  it('is kept per host address and session, and survives a new memory object (an app restart)', () => {
    const storage = new MemoryStorage();
    admissionMemory(LAN_URL, 'room-a', storage).remember();
    expect(admissionMemory(LAN_URL, 'room-a', storage).known()).toBe(true);
    expect(admissionMemory(LAN_URL, 'room-b', storage).known()).toBe(false);
    expect(admissionMemory('http://192.168.1.21:8080', 'room-a', storage).known()).toBe(false);
    admissionMemory(LAN_URL, 'room-a', storage).forget();
    expect(admissionMemory(LAN_URL, 'room-a', storage).known()).toBe(false);
  });

  it('keeps nothing on disk for the host on this computer (a wiped app host gets its session back)', () => {
    const storage = new MemoryStorage();
    const local = admissionMemory('http://127.0.0.1:8080', 'room-a', storage);
    local.remember();
    expect(local.known()).toBe(true);
    expect(storage.items.size).toBe(0);
    expect(admissionMemory('http://localhost:8080', 'room-a', storage).known()).toBe(false);
  });

  it('is bounded: the oldest admission goes first', () => {
    const storage = new MemoryStorage();
    for (let i = 0; i < ADMISSIONS_KEPT + 20; i++) admissionMemory(LAN_URL, `room-${i}`, storage).remember();
    const kept = JSON.parse(storage.getItem('transition-lab.admittedBy') ?? '[]') as string[];
    expect(kept).toHaveLength(ADMISSIONS_KEPT);
    expect(admissionMemory(LAN_URL, 'room-0', storage).known()).toBe(false);
    expect(admissionMemory(LAN_URL, `room-${ADMISSIONS_KEPT + 19}`, storage).known()).toBe(true);
  });

  it('ignores a damaged list with a log line, and starts a fresh one', () => {
    for (const damaged of ['{not json', '{"a":1}', JSON.stringify(['x'.repeat(10_000)])]) {
      const storage = new MemoryStorage();
      storage.setItem('transition-lab.admittedBy', damaged);
      const lines: string[] = [];
      const memory = admissionMemory(LAN_URL, 'room-a', storage, (line) => lines.push(line));
      expect(memory.known()).toBe(false);
      memory.remember();
      expect(admissionMemory(LAN_URL, 'room-a', storage).known()).toBe(true);
      if (damaged.startsWith('{')) expect(lines.join('\n')).toMatch(/Ignored the list of hosts/);
    }
  });
});
