// A .tlab the operating system opened with the desktop app (main read it, the preload delivered
// it): imported exactly as Home's Import would, or refused with Import's own translated message.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import * as X from '../../../shared/export';
import { en } from '../../../shared/i18n/en';
import { pl } from '../../../shared/i18n/pl';
import { OPENED_FILE_PROBLEMS, type OpenedFile } from '../../../shared/protocol/ipc';
import { openDatabase, storedSession, type TransitionLabDb } from '../../../renderer/storage/database';
import { hasSession } from '../../../renderer/storage/session-import';
import { summariseSession } from '../../../renderer/session/session-summary';
import { importOpenedFile } from '../../../renderer/outcomes/import-file';
import { importOutcomeMessage, openedFileProblemMessage } from '../../../renderer/outcomes/import-messages';

let db: TransitionLabDb;

function archive(sessionId: string, title: string): Uint8Array {
  const doc = new Y.Doc();
  const { boardId } = M.createSessionContent(doc, { title, firstBoardTitle: 'Main', now: 1, facilitatorId: 'fac', facilitatorName: 'Anna' });
  M.addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'Green roofs on schools' });
  return X.buildArchive({ sessionId, title, schemaVersion: M.SCHEMA_VERSION, state: Y.encodeStateAsUpdate(doc), json: '{}', now: 0 });
}

const deps = () => ({
  db,
  summarise: summariseSession,
  merge: async () => null,
  me: async () => ({ deviceId: 'dev', name: 'Me' }),
  stillWanted: () => true,
});

async function translator(lng: 'en' | 'pl') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { en: { translation: en }, pl: { translation: pl } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

async function storedSessions(): Promise<string[]> {
  return (await db.sessions.toArray()).map((s) => s.id).sort();
}

beforeAll(() => {
  db = openDatabase(`opened-file-${Math.random().toString(36).slice(2)}`);
});

afterAll(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('importOpenedFile', () => {
  it('imports a delivered archive as a new session, which the app then opens', async () => {
    const file: OpenedFile = { name: 'Lab Łódź.tlab', bytes: archive('lab-lodz-2026', 'Lab Łódź') };
    const result = await importOpenedFile(file, deps());
    expect(result).toEqual({ kind: 'created', sessionId: 'lab-lodz-2026', title: 'Lab Łódź' });
    expect(await hasSession(db, 'lab-lodz-2026')).toBe(true);
    // Stored as compaction stores it (V1, which opens faster), and it opens with the archive's content.
    const snapshot = await db.snapshots.get('lab-lodz-2026');
    expect(snapshot?.encoding).toBe('v1');
    expect(M.readSessionMeta(M.docFromStoredUpdates(storedSession(snapshot, []))).title).toBe('Lab Łódź');
    const t = await translator('en');
    expect(importOutcomeMessage(t, result as { kind: 'created'; sessionId: string; title: string })).toBe('Imported “Lab Łódź”. It is in your sessions.');
  });

  it('opening the same file again merges into the session (nothing new here)', async () => {
    const file: OpenedFile = { name: 'Lab Łódź.tlab', bytes: archive('lab-lodz-2026', 'Lab Łódź') };
    expect(await importOpenedFile(file, deps())).toEqual({ kind: 'unchanged', sessionId: 'lab-lodz-2026', title: 'Lab Łódź' });
  });

  it('refuses a damaged file with Import’s message, in English and Polish, and writes nothing', async () => {
    const before = await storedSessions();
    const bytes = archive('cut-short', 'Cut short').slice(0, 200);
    const result = await importOpenedFile({ name: 'cut.tlab', bytes }, deps());
    expect(result).toEqual({ problem: 'corrupt' });
    expect(await storedSessions()).toEqual(before);
    const message = openedFileProblemMessage(await translator('en'), 'cut.tlab', 'corrupt');
    expect(message).toBe(`“cut.tlab” could not be opened. ${en.outcomes.problems.corrupt}`);
    expect(openedFileProblemMessage(await translator('pl'), 'cut.tlab', 'corrupt')).toBe(`Nie udało się otworzyć „cut.tlab”. ${pl.outcomes.problems.corrupt}`);
  });

  it('refuses a file that is not an archive at all', async () => {
    const result = await importOpenedFile({ name: 'renamed.tlab', bytes: new TextEncoder().encode('%PDF-1.7 not an archive') }, deps());
    expect(result).toEqual({ problem: 'notArchive' });
  });

  it.each(OPENED_FILE_PROBLEMS)('passes on main’s refusal %s, translated in every catalog', async (problem) => {
    const before = await storedSessions();
    expect(await importOpenedFile({ name: 'x.tlab', problem }, deps())).toEqual({ problem });
    expect(await storedSessions()).toEqual(before);
    for (const lng of ['en', 'pl'] as const) {
      const message = openedFileProblemMessage(await translator(lng), 'x.tlab', problem);
      expect(message).toContain('x.tlab');
      expect(message).not.toContain('outcomes.');
      expect(message).toContain((lng === 'en' ? en : pl).outcomes.problems[problem]);
    }
  });
});
