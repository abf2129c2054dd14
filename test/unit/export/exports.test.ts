import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { strToU8, zipSync } from 'fflate';
import * as M from '../../../shared/model';
import * as X from '../../../shared/export';
import { en } from '../../../shared/i18n/en';

const SCHEMA_FILE = 'shared/export/session.schema.json';

const labels: X.CsvLabels = {
  column: (c) => c,
  level: (l) => en.tags.levels[l],
  actor: (a) => en.tags.actors[a],
  colour: (c) => c,
};

/** A small lab: Polish text, a zone, a cluster, tags, a closed round, a hostile note and a private one. */
function lab() {
  const doc = new Y.Doc();
  const { boardId } = M.createSessionContent(doc, { title: 'Laboratorium Kraków', firstBoardTitle: 'Bariery', now: 1, facilitatorId: 'fac', facilitatorName: 'Anna' });
  const zoneId = M.addZone(doc, { boardId, label: 'Budynki', rect: { x: 0, y: 0, w: 1000, h: 1000 } });
  const a = M.addNote(doc, { boardId, pos: { x: 10, y: 10 }, now: 2, text: 'Zielone dachy, ścieżki rowerowe — żółć', authorName: 'Ola', level: 'local', actor: 'citizens' });
  const b = M.addNote(doc, { boardId, pos: { x: 300, y: 10 }, now: 3, text: '=HYPERLINK("http://evil")', authorName: 'Jan' });
  M.addNote(doc, { boardId, pos: { x: 600, y: 10 }, now: 4, text: 'hidden idea', authorName: 'Ewa', private: true });
  const outside = M.addNote(doc, { boardId, pos: { x: 2000, y: 2000 }, now: 5, text: '<script>alert(1)</script> *bold*' });
  M.addCluster(doc, { boardId, title: 'Energia', now: 6, noteIds: [a, b] });
  const round = M.createVotingRound(doc, { title: 'Priorytety', now: 7, scope: { boardIds: [boardId] } });
  M.openVotingRound(doc, round);
  M.castVote(doc, { roundId: round, voterId: 'v1', noteId: a });
  M.castVote(doc, { roundId: round, voterId: 'v2', noteId: a });
  M.castVote(doc, { roundId: round, voterId: 'v2', noteId: outside });
  M.closeVotingRound(doc, round);
  return { doc, boardId, zoneId, a, b, outside };
}

describe('CSV', () => {
  it('is RFC 4180 with a BOM, read back by papaparse with Polish letters whole, formulas defused, private notes left out', () => {
    const { doc } = lab();
    const csv = X.notesCsv(X.noteRows(M.readSession(doc)), labels);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...X.NOTE_COLUMNS]);
    expect(parsed.data).toHaveLength(3);
    const polish = parsed.data.find((r) => r.author === 'Ola')!;
    expect(polish).toMatchObject({ session: 'Laboratorium Kraków', board: 'Bariery', zone: 'Budynki', cluster: 'Energia', text: 'Zielone dachy, ścieżki rowerowe — żółć', level: 'Local', actor: 'Citizens', votes: '2' });
    expect(parsed.data.find((r) => r.author === 'Jan')!.text).toBe('\'=HYPERLINK("http://evil")');
    expect(csv).not.toContain('hidden idea');
  });
});

describe('JSON', () => {
  it('validates against its schema, and the committed schema file is the generated one', () => {
    const { doc } = lab();
    const json = X.sessionJson(M.readSession(doc), { sessionId: 'abc', now: Date.UTC(2026, 11, 4) });
    expect(X.SessionJson.parse(JSON.parse(JSON.stringify(json)))).toEqual(json);
    expect(json.boards[0]!.notes.map((n) => n.text)).not.toContain('hidden idea');
    expect(json.votingRounds[0]!.results[0]).toMatchObject({ votes: 2 });
    const schema = JSON.stringify(X.sessionJsonSchema(), null, 2) + '\n';
    if (process.env.TL_WRITE_SCHEMA) writeFileSync(SCHEMA_FILE, schema);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schema);
  });

  it('refuses data that is not ours', () => {
    expect(X.SessionJson.safeParse({ format: 'other' }).success).toBe(false);
    const { doc } = lab();
    const json = X.sessionJson(M.readSession(doc), { sessionId: 'abc', now: 0 });
    const tooLong = { ...json, session: { ...json.session, title: 'x'.repeat(201) } };
    expect(X.SessionJson.safeParse(tooLong).success).toBe(false);
  });
});

describe('Markdown', () => {
  it('groups notes by zone, shows tags and votes, and never lets note text format or run', () => {
    const { doc } = lab();
    const md = X.sessionMarkdown(M.readSession(doc), {
      ...labels,
      agenda: 'Agenda',
      votingResults: 'Voting results',
      noZone: 'Elsewhere',
      minutes: (m) => `${m} min`,
      votes: (n) => `${n} votes`,
      by: (name) => `by ${name}`,
    });
    expect(md).toContain('# Laboratorium Kraków');
    expect(md).toContain('### Budynki');
    expect(md).toContain('Zielone dachy, ścieżki rowerowe — żółć _(Energia; Local, Citizens; 2 votes; by Ola)_');
    expect(md).toContain('\\<script\\>alert\\(1\\)\\</script\\> \\*bold\\*');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('hidden idea');
  });
});

describe('session archive', () => {
  const archiveOf = (doc: Y.Doc, sessionId = 'session-1') =>
    X.buildArchive({ sessionId, title: M.readSessionMeta(doc).title, schemaVersion: M.SCHEMA_VERSION, state: Y.encodeStateAsUpdate(doc), json: '{}', now: 0 });

  it('carries the whole session to another doc', () => {
    const { doc, a } = lab();
    const read = X.readArchive(archiveOf(doc));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.archive.manifest.sessionId).toBe('session-1');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, read.archive.state);
    expect(M.getNote(copy, a)?.text).toBe('Zielone dachy, ścieżki rowerowe — żółć');
  });

  it('merges two diverged archives of one session', () => {
    const { doc, boardId } = lab();
    const laptopA = new Y.Doc();
    const laptopB = new Y.Doc();
    Y.applyUpdate(laptopA, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(laptopB, Y.encodeStateAsUpdate(doc));
    M.addNote(laptopA, { boardId, pos: { x: 0, y: 1200 }, now: 9, text: 'from A' });
    M.addNote(laptopB, { boardId, pos: { x: 300, y: 1200 }, now: 9, text: 'from B' });
    const merged = new Y.Doc();
    for (const laptop of [laptopA, laptopB]) {
      const read = X.readArchive(archiveOf(laptop));
      if (!read.ok) throw new Error(read.problem);
      Y.applyUpdate(merged, read.archive.state);
    }
    expect(M.listNotes(merged, boardId).map((n) => n.text)).toEqual(expect.arrayContaining(['from A', 'from B']));
  });

  it('refuses what is not one, is damaged, too large, or holds strangers', () => {
    const { doc } = lab();
    const good = archiveOf(doc);
    expect(X.readArchive(strToU8('{"not":"a zip"}'))).toEqual({ ok: false, problem: 'notArchive' });
    expect(X.readArchive(good.slice(0, good.length - 40))).toEqual({ ok: false, problem: 'corrupt' });
    expect(X.readArchive(new Uint8Array(X.MAX_ARCHIVE_BYTES + 1))).toEqual({ ok: false, problem: 'tooLarge' });
    // Another file in it, under a path that climbs out of any folder.
    const withStranger = zipSync({ 'manifest.json': strToU8('{}'), '../../evil.sh': strToU8('rm -rf /') });
    expect(X.readArchive(withStranger)).toEqual({ ok: false, problem: 'notArchive' });
    // The state edited after export: its checksum no longer matches.
    const read = X.readArchive(good);
    if (!read.ok) throw new Error(read.problem);
    const tampered = zipSync({
      'manifest.json': strToU8(JSON.stringify(read.archive.manifest)),
      'session.ystate': new Uint8Array([...read.archive.state.slice(0, -1), 0]),
      'session.json': strToU8('{}'),
    });
    expect(X.readArchive(tampered)).toEqual({ ok: false, problem: 'damaged' });
    const newer = zipSync({ 'manifest.json': strToU8(JSON.stringify({ ...read.archive.manifest, version: 99 })), 'session.ystate': read.archive.state, 'session.json': strToU8('{}') });
    expect(X.readArchive(newer)).toEqual({ ok: false, problem: 'newerFormat' });
  });

  it('stops a zip bomb at the size limit without unpacking it', () => {
    const good = X.readArchive(X.buildArchive({ sessionId: 'bomb', title: 'Bomb', schemaVersion: 1, state: new Uint8Array(8), json: '{}', now: 0 }));
    if (!good.ok) throw new Error(good.problem);
    const manifest = strToU8(JSON.stringify(good.archive.manifest));
    const bomb = zipSync({ 'manifest.json': manifest, 'session.ystate': new Uint8Array(X.MAX_ENTRY_BYTES + 1), 'session.json': strToU8('{}') }, { level: 9 });
    expect(bomb.length).toBeLessThan(1_000_000);
    expect(X.readArchive(bomb)).toEqual({ ok: false, problem: 'tooLarge' });
  });
});

describe('export file names', () => {
  it('keep the title and Polish letters, drop characters file systems refuse', () => {
    expect(X.exportFileName('Kraków: lab 1/2', '2026-12-04', 'csv')).toBe('Kraków lab 1 2 2026-12-04.csv');
    expect(X.exportFileName('..', '2026-12-04', 'tlab')).toBe('session 2026-12-04.tlab');
  });
});

describe('JSON back into a session', () => {
  it('recreates boards, zones, notes in place with their tags, clusters and the agenda', () => {
    const { doc, boardId } = lab();
    M.addAgendaItem(doc, { title: 'Otwarcie', minutes: 10, boardId });
    const exported = JSON.stringify(X.sessionJson(M.readSession(doc), { sessionId: 'abc', now: 0 }));
    const read = X.readSessionJson(exported);
    if (!read.ok) throw new Error(read.problem);
    const copy = X.sessionFromJson(read.json, { now: 10, facilitatorId: 'me', facilitatorName: 'Me' });
    const before = M.readSession(doc);
    const after = M.readSession(copy);
    expect(after.meta.title).toBe('Laboratorium Kraków');
    expect(after.boards.map((b) => b.board.title)).toEqual(before.boards.map((b) => b.board.title));
    const shape = (s: M.SessionContent) =>
      s.boards.flatMap((b) =>
        b.notes
          .filter((n) => !n.private)
          .map((n) => [n.text, n.pos.x, n.pos.y, n.colour, n.level, n.actor, n.authorName, b.zones.find((z) => z.id === n.zoneId)?.label ?? null, b.clusters.find((c) => c.id === n.clusterId)?.title ?? null]),
      );
    expect(shape(after)).toEqual(shape(before));
    expect(after.agenda.map((a) => [a.title, a.minutes, a.boardId === after.boards[0]!.board.id])).toEqual([['Otwarcie', 10, true]]);
    expect(M.isFacilitator(copy, 'me')).toBe(true);
  });

  it('refuses what is not JSON, not ours, or from a newer version', () => {
    expect(X.readSessionJson('{not json')).toEqual({ ok: false, problem: 'notJson' });
    expect(X.readSessionJson('{"format":"transition-lab-session","version":1}')).toEqual({ ok: false, problem: 'notSession' });
    expect(X.readSessionJson('{"format":"transition-lab-session","version":2}')).toEqual({ ok: false, problem: 'newerFormat' });
    expect(X.readSessionJson('[1,2,3]')).toEqual({ ok: false, problem: 'notSession' });
  });
});

describe('JSON Schema, read by a third-party validator', () => {
  it('Ajv (draft 2020-12, with formats) accepts the committed sample and refuses a damaged one', async () => {
    const { default: Ajv2020 } = await import('ajv/dist/2020.js');
    const { default: addFormats } = await import('ajv-formats');
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    const sample = JSON.parse(readFileSync('docs/samples/demo.json', 'utf8'));
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    const board = sample.boards.find((b: { notes: unknown[] }) => b.notes.length > 0);
    const withBoard = (notes: unknown[]) => ({ ...sample, boards: [{ ...board, notes }] });
    expect(validate(withBoard([board.notes[0]]))).toBe(true);
    expect(validate(withBoard([{ ...board.notes[0], colour: 'teal' }]))).toBe(false);
    expect(validate(withBoard([{ ...board.notes[0], text: 'x'.repeat(2_001) }]))).toBe(false);
  });
});
