// Load time of a session with 50,000 stored updates, before and after compaction (target: < 300 ms
// after). Node + fake-indexeddb: absolute numbers are not Chromium's, the before/after ratio is the point.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import * as Y from 'yjs';
import { summariseSession } from '../../renderer/session/session-summary';
import { openDatabase } from '../../renderer/storage/database';
import { DocPersistence } from '../../renderer/storage/doc-persistence';
import { recordUpdates } from '../support/record-updates';
import { summarise, writeResults } from './support/results';

const UPDATES = 50_000;
const RUNS = 5;

async function timeLoad(name: string, compactAfter: number): Promise<number> {
  const db = openDatabase(name);
  const doc = new Y.Doc();
  const start = performance.now();
  const p = new DocPersistence(db, 'big', doc, { summarise: summariseSession, compactAfter });
  await p.whenLoaded;
  const ms = performance.now() - start;
  await p.settled();
  await p.destroy();
  db.close();
  return ms;
}

const { updates } = recordUpdates(UPDATES);
const storedBytes = updates.reduce((a, u) => a + u.byteLength, 0);
const before: number[] = [];
const after: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const name = `bench-load-${run}`;
  const db = openDatabase(name);
  await db.updates.bulkAdd(updates.map((update) => ({ sessionId: 'big', update })));
  db.close();
  before.push(await timeLoad(name, Number.POSITIVE_INFINITY)); // load only, no compaction
  await timeLoad(name, 300); // this load compacts in the background (settled() waits for it)
  after.push(await timeLoad(name, 300));
  await Dexie.delete(name);
}
const b = summarise(before);
const a = summarise(after);
console.log(`50,000 updates (${(storedBytes / 1024).toFixed(0)} KiB): load before compaction median ${b.median.toFixed(0)} ms, after ${a.median.toFixed(0)} ms`);
writeResults('storage-load', {
  environment: 'node + fake-indexeddb',
  storedUpdates: UPDATES,
  storedUpdateBytes: storedBytes,
  runs: RUNS,
  loadBeforeCompactionMs: b,
  loadAfterCompactionMs: a,
  target: { rule: '50,000-update session loads in < 300 ms after compaction', medianMs: a.median, met: a.median < 300 },
});
