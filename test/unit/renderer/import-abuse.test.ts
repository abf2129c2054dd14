// Hostile files given to Import: a zip bomb (a small .tlab that inflates to hundreds of MB), JSON
// nested 100,000 deep, a huge string. Each must be refused with a translated message, cost
// bounded memory, and leave the sessions already on the device exactly as they were.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import * as X from '../../../shared/export';
import { en } from '../../../shared/i18n/en';
import { pl } from '../../../shared/i18n/pl';
import { openDatabase, type TransitionLabDb } from '../../../renderer/storage/database';
import { createSessionFromState } from '../../../renderer/storage/session-import';
import { summariseSession } from '../../../renderer/session/session-summary';
import { importBytes, type ImportProblem } from '../../../renderer/outcomes/import-file';
import { handMadeZip } from '../export/zip-bomb';

const MB = 1024 * 1024;
let db: TransitionLabDb;
let manifestBytes: Uint8Array;
const figures: string[] = [];

function sessionState(title: string): Uint8Array {
  const doc = new Y.Doc();
  const { boardId } = M.createSessionContent(doc, { title, firstBoardTitle: 'Main', now: 1, facilitatorId: 'fac', facilitatorName: 'Anna' });
  M.addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'Green roofs on schools' });
  return Y.encodeStateAsUpdate(doc);
}

/** Everything the device keeps, as comparable text. */
async function storedRows(): Promise<string> {
  const [sessions, updates, snapshots] = await Promise.all([db.sessions.toArray(), db.updates.toArray(), db.snapshots.toArray()]);
  return JSON.stringify({ sessions, updates, snapshots: snapshots.map((s) => ({ ...s, state: Buffer.from(s.state).toString('base64') })) });
}

const deps = () => ({
  db,
  summarise: summariseSession,
  merge: async () => {
    throw new Error('a refused file must never reach merge');
  },
  me: async () => ({ deviceId: 'dev', name: 'Me' }),
  stillWanted: () => true,
});

/** Runs one import and notes what it cost in memory and time. */
async function importMeasured(label: string, bytes: Uint8Array): Promise<{ problem?: ImportProblem; peakGrowthMb: number }> {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const started = performance.now();
  const result = await importBytes(bytes, deps());
  const ms = performance.now() - started;
  const after = process.memoryUsage();
  // The reader runs synchronously, so nothing can sample it midway: the process's RSS high-water
  // mark, the RSS left after, and the array buffers allocated (nothing was collected yet) bound it.
  const peakGrowth = Math.max(process.resourceUsage().maxRSS * 1024 - Math.max(peakBefore, before.rss), after.rss - before.rss, after.arrayBuffers - before.arrayBuffers, 0);
  const line =
    `${label}: file ${(bytes.length / MB).toFixed(2)} MB → ${result && 'problem' in result ? result.problem : 'accepted'} in ${ms.toFixed(0)} ms; ` +
    `rss ${(before.rss / MB).toFixed(0)} → ${(after.rss / MB).toFixed(0)} MB (growth bound +${(peakGrowth / MB).toFixed(0)} MB), ` +
    `heapUsed ${(before.heapUsed / MB).toFixed(0)} → ${(after.heapUsed / MB).toFixed(0)} MB, arrayBuffers ${(before.arrayBuffers / MB).toFixed(0)} → ${(after.arrayBuffers / MB).toFixed(0)} MB`;
  figures.push(line);
  console.log(line);
  return { problem: result && 'problem' in result ? result.problem : undefined, peakGrowthMb: peakGrowth / MB };
}

beforeAll(async () => {
  db = openDatabase(`import-abuse-${Math.random().toString(36).slice(2)}`);
  await createSessionFromState(db, { sessionId: 'saved-session', state: sessionState('Saved before'), summarise: summariseSession, now: 1 });
  const good = X.readArchive(X.buildArchive({ sessionId: 'bomb-session', title: 'Bomb', schemaVersion: M.SCHEMA_VERSION, state: sessionState('Bomb'), json: '{}', now: 0 }));
  if (!good.ok) throw new Error(good.problem);
  manifestBytes = strToU8(JSON.stringify(good.archive.manifest));
});

afterAll(async () => {
  console.log(`\nImport abuse figures:\n${figures.join('\n')}`);
  db.close();
  await Dexie.delete(db.name);
});

describe('hostile imports are refused with a message, in bounded memory, touching nothing saved', () => {
  const expectRefused = async (label: string, bytes: Uint8Array, problem: ImportProblem, maxPeakMb: number) => {
    const rows = await storedRows();
    const outcome = await importMeasured(label, bytes);
    expect(outcome.problem).toBe(problem);
    expect(outcome.peakGrowthMb).toBeLessThan(maxPeakMb);
    expect(await storedRows()).toEqual(rows);
    expect(en.outcomes.problems[problem as keyof typeof en.outcomes.problems]).toBeTruthy();
    expect(pl.outcomes.problems[problem as keyof typeof pl.outcomes.problems]).toBeTruthy();
  };

  it('a .tlab whose state inflates to 512 MB while its headers claim 10 bytes stops at the size its manifest declares', async () => {
    const bomb = handMadeZip([
      { name: 'manifest.json', bytes: manifestBytes },
      { name: 'session.ystate', zeros: 512 * MB, declare: 10 },
      { name: 'session.json', bytes: strToU8('{}') },
    ]);
    expect(bomb.length).toBeLessThan(MB);
    await expectRefused('zip bomb, 512 MB inside, headers claim 10 B', bomb, 'tooLarge', 48);
  });

  it('a .tlab whose manifest itself claims the most allowed (32 MB), then inflates far beyond: stops there', async () => {
    const greedy = strToU8(JSON.stringify({ ...JSON.parse(new TextDecoder().decode(manifestBytes)), files: { 'session.ystate': { bytes: X.MAX_ENTRY_BYTES, sha256: '0'.repeat(64) }, 'session.json': { bytes: 2, sha256: '0'.repeat(64) } } }));
    const bomb = handMadeZip([
      { name: 'manifest.json', bytes: greedy },
      { name: 'session.ystate', zeros: 300 * MB, declare: 0 },
      { name: 'session.json', bytes: strToU8('{}') },
    ]);
    await expectRefused('zip bomb, 300 MB inside, manifest claims 32 MB', bomb, 'tooLarge', 96);
  });

  it('a .tlab that puts its bomb before the manifest is held to the general 32 MB limit', async () => {
    const bomb = handMadeZip([
      { name: 'session.ystate', zeros: 300 * MB, declare: 100 },
      { name: 'manifest.json', bytes: manifestBytes },
      { name: 'session.json', bytes: strToU8('{}') },
    ]);
    await expectRefused('zip bomb first, 300 MB inside', bomb, 'tooLarge', 96);
  });

  it('two entries of 120 MB each, sizes stated honestly: refused from the headers, nothing inflated', async () => {
    const bomb = handMadeZip([
      { name: 'manifest.json', bytes: manifestBytes },
      { name: 'session.ystate', zeros: 120 * MB },
      { name: 'session.json', zeros: 120 * MB },
    ]);
    await expectRefused('zip bomb, 2 × 120 MB declared', bomb, 'tooLarge', 16);
  });

  it('JSON nested 100,000 deep', async () => {
    const depth = 100_000;
    const text = `{"format":"transition-lab-session","version":1,"session":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
    await expectRefused('JSON nested 100,000 deep', strToU8(text), 'jsonInvalid', 64);
  });

  it('a JSON export with one 31 MB string (under the size limit): refused by the schema', async () => {
    const text = `{"format":"transition-lab-session","version":1,"session":{"title":"${'x'.repeat(31 * MB)}"}}`;
    await expectRefused('JSON with a 31 MB string', strToU8(text), 'jsonInvalid', 200);
  });

  it('a JSON file over 32 MB: refused before it is decoded', async () => {
    const bytes = new Uint8Array(40 * MB).fill(0x20);
    bytes[0] = 0x7b;
    await expectRefused('JSON of 40 MB', bytes, 'tooLarge', 16);
  });

  it('a genuine archive still imports (the same path writes when it should)', async () => {
    const archive = X.buildArchive({ sessionId: 'genuine', title: 'Genuine', schemaVersion: M.SCHEMA_VERSION, state: sessionState('Genuine'), json: '{}', now: 0 });
    const result = await importBytes(archive, deps());
    expect(result).toEqual({ kind: 'created', sessionId: 'genuine', title: 'Genuine' });
    expect((await db.sessions.get('saved-session'))?.title).toBe('Saved before');
  });
});
