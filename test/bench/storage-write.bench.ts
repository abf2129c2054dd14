// Sustained write throughput: edits/s and IndexedDB transactions/s with our group-committed
// DocPersistence vs a naive one-transaction-per-update writer (what y-dexie/y-indexeddb do), same run.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import * as Y from 'yjs';
import { addNote, createSessionContent, setNoteText } from '../../shared/model';
import { summariseSession } from '../../renderer/session/session-summary';
import { openDatabase, type TransitionLabDb } from '../../renderer/storage/database';
import { DocPersistence } from '../../renderer/storage/doc-persistence';
import { writeResults } from './support/results';

const EDITS = 5_000;
/** Edits arrive in small bursts with a yield in between, like typing and dragging on a busy page. */
const BURST = 5;

function countTransactions(db: TransitionLabDb): () => number {
  let n = 0;
  const original = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
  (db as unknown as { transaction: (...args: unknown[]) => Promise<unknown> }).transaction = (...args: unknown[]) => {
    if (args[0] === 'rw') n++;
    return original(...args);
  };
  return () => n;
}

async function run(kind: 'batched' | 'naive') {
  const name = `bench-write-${kind}`;
  const db = openDatabase(name);
  const doc = new Y.Doc();
  let transactions: () => number;
  let done: () => Promise<void>;
  if (kind === 'batched') {
    transactions = countTransactions(db);
    const p = new DocPersistence(db, 's', doc, { summarise: summariseSession, compactAfter: Number.POSITIVE_INFINITY });
    await p.whenLoaded;
    done = () => p.destroy();
  } else {
    let n = 0;
    const writes: Promise<unknown>[] = [];
    doc.on('updateV2', (update: Uint8Array) => {
      n++;
      writes.push(db.transaction('rw', db.updates, db.sessions, async () => {
        await db.updates.add({ sessionId: 's', update });
        await db.sessions.put({ id: 's', ...summariseSession(doc), updatedAt: Date.now() });
      }));
    });
    transactions = () => n;
    done = async () => {
      await Promise.all(writes);
    };
  }
  const { boardId } = createSessionContent(doc, { title: 'Throughput', firstBoardTitle: 'Main', now: 1 });
  const noteId = addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2 });
  const start = performance.now();
  let text = '';
  for (let i = 0; i < EDITS; i++) {
    text = text.length > 300 ? '' : `${text}x`;
    setNoteText(doc, noteId, text, 3 + i);
    if (i % BURST === BURST - 1) await new Promise((r) => setImmediate(r));
  }
  await done();
  const seconds = (performance.now() - start) / 1000;
  const rows = await db.updates.count();
  db.close();
  await Dexie.delete(name);
  return { edits: EDITS, seconds: +seconds.toFixed(3), editsPerSecond: Math.round(EDITS / seconds), transactions: transactions(), transactionsPerSecond: Math.round(transactions() / seconds), storedRows: rows };
}

const batched = await run('batched');
const naive = await run('naive');
const ratio = +(batched.editsPerSecond / naive.editsPerSecond).toFixed(2);
console.log(`batched: ${batched.editsPerSecond} edits/s, ${batched.transactions} transactions; naive: ${naive.editsPerSecond} edits/s, ${naive.transactions} transactions; throughput ratio ${ratio}×`);
writeResults('storage-write', {
  environment: 'node + fake-indexeddb',
  burstSize: BURST,
  batched,
  naive,
  throughputRatio: ratio,
  transactionRatio: +(naive.transactions / Math.max(1, batched.transactions)).toFixed(1),
});
