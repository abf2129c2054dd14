// Encoded size of a session doc with 1,000 and 5,000 realistic notes (target: 1,000 notes ≤ 150 KB).
// Note texts are real CCC Action Plan excerpts (test/bench/fixtures/ccc-sample.json, cited there).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { addNote, createSessionContent, moveNote, setNoteText } from '../../shared/model';
import { writeResults } from './support/results';

// npm run bench runs from the repo root.
const sample = JSON.parse(readFileSync('test/bench/fixtures/ccc-sample.json', 'utf8')) as { texts: { text: string }[] };
const texts = sample.texts.map((t) => t.text);

/** The docs/ui-contract.md benchmark board: N notes `Idea 1`…`Idea N` in a grid, no author. */
function buildBenchBoard(n: number): Y.Doc {
  const doc = new Y.Doc();
  const { boardId } = createSessionContent(doc, { title: 'Benchmark board', firstBoardTitle: 'Main board', now: 1_700_000_000_000 });
  const cols = Math.ceil(Math.sqrt(n));
  for (let i = 0; i < n; i++) {
    addNote(doc, { boardId, pos: { x: (i % cols) * 220, y: Math.floor(i / cols) * 220 }, now: 1_700_000_000_000 + i, text: `Idea ${i + 1}` });
  }
  return doc;
}

function build(n: number, { typed }: { typed: boolean }): Y.Doc {
  const doc = new Y.Doc();
  const { boardId } = createSessionContent(doc, { title: 'Benchmark lab', firstBoardTitle: 'Main board', now: 1_700_000_000_000 });
  for (let i = 0; i < n; i++) {
    const text = texts[i % texts.length] as string;
    const now = 1_700_000_000_000 + i * 1_000;
    const pos = { x: (i % 70) * 220, y: Math.floor(i / 70) * 220 };
    if (typed) {
      // As people write them: an empty note, then the text typed in a few bursts, then a move.
      const id = addNote(doc, { boardId, pos, now, authorId: 'c'.repeat(22), authorName: 'Participant' });
      for (let cut = 20; cut < text.length; cut += 20) setNoteText(doc, id, text.slice(0, cut), now + cut);
      setNoteText(doc, id, text, now + 500);
      moveNote(doc, id, { x: pos.x + 10, y: pos.y + 10 }, now + 900);
    } else {
      addNote(doc, { boardId, pos, now, text, authorId: 'c'.repeat(22), authorName: 'Participant' });
    }
  }
  return doc;
}

const results: Record<string, unknown> = { environment: 'node (Yjs encoding only)', textSource: 'test/bench/fixtures/ccc-sample.json', averageTextChars: Math.round(texts.reduce((a, t) => a + t.length, 0) / texts.length) };
for (const n of [1_000, 5_000]) {
  for (const typed of [false, true]) {
    const doc = build(n, { typed });
    const encoded = Y.encodeStateAsUpdate(doc);
    const bytes = encoded.byteLength;
    const textBytes = Array.from({ length: n }, (_, i) => Buffer.byteLength(texts[i % texts.length] as string)).reduce((a, b) => a + b, 0);
    const gzipBytes = gzipSync(encoded).byteLength;
    const key = `${n}notes${typed ? 'Typed' : 'Pasted'}`;
    results[key] = {
      bytes,
      kib: +(bytes / 1024).toFixed(1),
      bytesPerNote: Math.round(bytes / n),
      // Where the bytes go: the note texts themselves vs. the per-note structure of the schema.
      textBytesPerNote: Math.round(textBytes / n),
      structureBytesPerNote: Math.round((bytes - textBytes) / n),
      gzipBytes,
    };
    console.log(`${key}: ${(bytes / 1024).toFixed(1)} KiB (${Math.round(bytes / n)} B/note, of which text ${Math.round(textBytes / n)} B); gzip ${(gzipBytes / 1024).toFixed(1)} KiB`);
  }
}
for (const n of [1_000, 5_000]) {
  const doc = buildBenchBoard(n);
  const v1 = Y.encodeStateAsUpdate(doc).byteLength;
  const v2 = Y.encodeStateAsUpdateV2(doc).byteLength;
  results[`${n}notesBenchBoard`] = { bytes: v1, kib: +(v1 / 1024).toFixed(1), bytesPerNote: Math.round(v1 / n), v2Bytes: v2 };
  console.log(`${n}notesBenchBoard (Idea N): ${(v1 / 1024).toFixed(1)} KiB (${Math.round(v1 / n)} B/note); V2 encoding ${(v2 / 1024).toFixed(1)} KiB`);
}
const oneK = (results['1000notesTyped'] as { bytes: number }).bytes;
const oneKBench = results['1000notesBenchBoard'] as { bytes: number; v2Bytes: number };
results.target = {
  rule: '1,000 notes ≤ 150 KB encoded',
  // Storage keeps V2-encoded updates and snapshots; the wire (y-protocols) uses V1.
  benchBoard: { v1Bytes: oneKBench.bytes, v2Bytes: oneKBench.v2Bytes, metAsStored: oneKBench.v2Bytes <= 150_000 },
  realisticCccTexts: { bytes: oneK, met: oneK <= 150_000, why: 'the texts alone are ~100 KB per 1,000 notes' },
};
writeResults('doc-size', results);
