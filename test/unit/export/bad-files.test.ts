import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { strToU8, zipSync } from 'fflate';
import * as M from '../../../shared/model';
import * as X from '../../../shared/export';
import { en } from '../../../shared/i18n/en';
import { pl } from '../../../shared/i18n/pl';

/**
 * The corpus of files Import must refuse (test/fixtures/import/, with expected.json saying what
 * each one is refused for). `TL_WRITE_FIXTURES=1` makes them again from a real archive.
 */
const DIR = 'test/fixtures/import';

function makeCorpus(): Record<string, Uint8Array> {
  const doc = new Y.Doc();
  const { boardId } = M.createSessionContent(doc, { title: 'Fixture', firstBoardTitle: 'Main', now: 1 });
  M.addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'ok' });
  const good = X.buildArchive({ sessionId: 'fixture-session', title: 'Fixture', schemaVersion: M.SCHEMA_VERSION, state: Y.encodeStateAsUpdate(doc), json: '{}', now: 0 });
  const read = X.readArchive(good);
  if (!read.ok) throw new Error(read.problem);
  const { manifest, state } = read.archive;
  return {
    'html-renamed.tlab': strToU8('<html><body><script>alert(document.cookie)</script></body></html>'),
    'truncated.tlab': good.slice(0, Math.floor(good.length / 2)),
    'tampered-state.tlab': zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)), 'session.ystate': new Uint8Array([...state.slice(0, -1), 7]), 'session.json': strToU8('{}') }),
    'path-traversal.tlab': zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)), '../../../etc/cron.d/evil': strToU8('* * * * * root rm -rf /'), 'session.ystate': state, 'session.json': strToU8('{}') }),
    'newer-format.tlab': zipSync({ 'manifest.json': strToU8(JSON.stringify({ ...manifest, version: 7 })), 'session.ystate': state, 'session.json': strToU8('{}') }),
    'manifest-not-json.tlab': zipSync({ 'manifest.json': strToU8('{"format": "transition-lab-archive", '), 'session.ystate': state, 'session.json': strToU8('{}') }),
    'zip-bomb.tlab': zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)), 'session.ystate': new Uint8Array(X.MAX_ENTRY_BYTES + 1), 'session.json': strToU8('{}') }, { level: 9 }),
    'hostile-manifest.tlab': zipSync({ 'manifest.json': strToU8(JSON.stringify({ ...manifest, sessionId: '../../<img src=x onerror=alert(1)>' })), 'session.ystate': state, 'session.json': strToU8('{}') }),
  };
}

const expected: Record<string, X.ArchiveProblem> = {
  'html-renamed.tlab': 'notArchive',
  'truncated.tlab': 'corrupt',
  'tampered-state.tlab': 'damaged',
  'path-traversal.tlab': 'notArchive',
  'newer-format.tlab': 'newerFormat',
  'manifest-not-json.tlab': 'corrupt',
  'zip-bomb.tlab': 'tooLarge',
  'hostile-manifest.tlab': 'notArchive',
};

/**
 * Archives whose files are intact (checksums recomputed, as anyone editing on purpose would) but
 * whose decision record was edited: one entry's result changed, or the newest entry removed.
 */
function makeRecordCorpus(): Record<string, Uint8Array> {
  const doc = new Y.Doc();
  const { boardId } = M.createSessionContent(doc, { title: 'Fixture', firstBoardTitle: 'Main', now: 1, facilitatorId: 'fac', facilitatorName: 'Anna' });
  const noteId = M.addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'Bus lanes' });
  const roundId = M.createVotingRound(doc, { title: 'Priorities', now: 3, scope: { boardIds: [boardId] } });
  M.openVotingRound(doc, roundId);
  M.castVote(doc, { roundId, voterId: 'v1', noteId });
  M.closeVotingRound(doc, roundId);
  const by = { id: 'fac', name: 'Anna' };
  M.recordDecision(doc, by, Date.UTC(2026, 11, 3, 9), { kind: 'boardLocked', boardId });
  const voting = (M.recordDecision(doc, by, Date.UTC(2026, 11, 3, 10), { kind: 'votingEnded', roundId }), M.verifyDecisionLog(doc).head);
  M.recordDecision(doc, by, Date.UTC(2026, 11, 3, 11), { kind: 'codeChanged' });
  const decisions = M.verifyDecisionLog(doc);
  const head = decisions.head;
  const archive = (d: Y.Doc) => X.buildArchive({ sessionId: 'record-session', title: 'Fixture', schemaVersion: M.SCHEMA_VERSION, state: Y.encodeStateAsUpdate(d), json: '{}', now: 0, decisions });
  const altered = new Y.Doc();
  Y.applyUpdate(altered, Y.encodeStateAsUpdate(doc));
  const entry = M.decisionsMap(altered).get(voting) as { data: Record<string, unknown> };
  M.decisionsMap(altered).set(voting, { ...entry, data: { ...entry.data, results: [{ note: 'Bus lanes', votes: 40 }] } });
  const truncated = new Y.Doc();
  Y.applyUpdate(truncated, Y.encodeStateAsUpdate(doc));
  M.decisionsMap(truncated).delete(head);
  return { 'record-altered.tlab': archive(altered), 'record-truncated.tlab': archive(truncated), 'record-genuine.tlab': archive(doc) };
}

const recordExpected: Record<string, M.DecisionProblem | null> = {
  'record-altered.tlab': 'altered',
  'record-truncated.tlab': 'truncated',
  'record-genuine.tlab': null,
};

describe('archives whose decision record was edited (test/fixtures/record)', () => {
  const RECORD_DIR = 'test/fixtures/record';
  if (process.env.TL_WRITE_FIXTURES) {
    mkdirSync(RECORD_DIR, { recursive: true });
    for (const [name, bytes] of Object.entries(makeRecordCorpus())) writeFileSync(join(RECORD_DIR, name), bytes);
  }
  for (const [file, problem] of Object.entries(recordExpected)) {
    it(`${file}: its files are intact, its record ${problem ? `is flagged ${problem}` : 'checks out'}`, () => {
      const read = X.readArchive(new Uint8Array(readFileSync(join(RECORD_DIR, file))));
      if (!read.ok) throw new Error(read.problem);
      const { record, session } = X.inspectArchiveState(read.archive);
      expect(session).toBe(true);
      expect(record.problem).toBe(problem);
      expect(record.entries.length).toBe(problem === 'truncated' ? 2 : problem === 'altered' ? 2 : 3);
      if (problem) {
        const key = problem === 'altered' ? 'recordAltered' : 'recordTruncated';
        expect(en.outcomes.problems[key]).toBeTruthy();
        expect(pl.outcomes.problems[key]).toBeTruthy();
      }
    });
  }
});

describe('bad files for Import (test/fixtures/import)', () => {
  if (process.env.TL_WRITE_FIXTURES) {
    for (const [name, bytes] of Object.entries(makeCorpus())) writeFileSync(join(DIR, name), bytes);
    writeFileSync(join(DIR, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  }
  const files = readdirSync(DIR).filter((f) => f.endsWith('.tlab'));

  it('holds every kind of bad file', () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
    expect(JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'))).toEqual(expected);
  });

  for (const file of Object.keys(expected)) {
    it(`${file}: refused as ${expected[file]}, with a message in every language`, () => {
      const result = X.readArchive(new Uint8Array(readFileSync(join(DIR, file))));
      expect(result).toEqual({ ok: false, problem: expected[file] });
      expect(en.outcomes.problems[expected[file]!]).toBeTruthy();
      expect(pl.outcomes.problems[expected[file]!]).toBeTruthy();
    });
  }
});
