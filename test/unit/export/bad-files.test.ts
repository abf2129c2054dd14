import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
