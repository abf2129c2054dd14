import * as Y from 'yjs';
import type { OpenedFile } from '../../shared/protocol/ipc';
import { inspectArchiveState, readArchive, readSessionJsonFile, sessionFromJson, type ArchiveProblem } from '../../shared/export';
import type { SessionSummary, TransitionLabDb } from '../storage/database';
import { createSessionFromState, hasSession } from '../storage/session-import';

export interface MergedNote {
  text: string;
  board: string;
  added: boolean;
}

/** Why a file was refused: each is a message under `outcomes.problems` (en, pl). */
export type ImportProblem = ArchiveProblem | 'notSession' | 'jsonInvalid' | 'jsonExists' | 'storage' | 'recordAltered' | 'recordTruncated' | 'unreadable';

export type ImportOutcome =
  | { kind: 'created'; sessionId: string; title: string }
  | { kind: 'merged'; sessionId: string; title: string; notes: MergedNote[] }
  | { kind: 'unchanged'; sessionId: string; title: string };

export interface ImportDeps {
  db: TransitionLabDb;
  summarise: (doc: Y.Doc) => Omit<SessionSummary, 'id' | 'updatedAt'>;
  /** Merges into a session this device has (session/merge-archive.ts); null: nothing new. */
  merge: (sessionId: string, state: Uint8Array) => Promise<MergedNote[] | null>;
  /** Who becomes the facilitator of a session made from a JSON export: this device. */
  me: () => Promise<{ deviceId: string; name: string }>;
  /** False once the person cancelled: nothing is written after that. */
  stillWanted: () => boolean;
  now?: () => number;
}

/**
 * One file given to Import: a session archive (.tlab) or a JSON export, validated whole before
 * anything is written — a refused file leaves storage exactly as it was. A session this device
 * lacks is created, one it has is merged. null: cancelled.
 */
export async function importBytes(bytes: Uint8Array, deps: ImportDeps): Promise<ImportOutcome | { problem: ImportProblem } | null> {
  const read = readArchive(bytes);
  if (!read.ok) {
    const looksJson = bytes[0] === 0x7b || (bytes[0] === 0xef && bytes[3] === 0x7b);
    if (read.problem === 'notArchive' && looksJson) return importJson(bytes, deps);
    return { problem: read.problem };
  }
  const inside = inspectArchiveState(read.archive);
  if (!inside.session) return { problem: 'notSession' };
  // A record that does not check out is not merged into anything: it would spoil the genuine one.
  if (inside.record.problem) return { problem: inside.record.problem === 'altered' ? 'recordAltered' : 'recordTruncated' };
  if (!deps.stillWanted()) return null;
  const { sessionId, title } = read.archive.manifest;
  try {
    if (await hasSession(deps.db, sessionId)) {
      const notes = await deps.merge(sessionId, read.archive.state);
      return notes === null ? { kind: 'unchanged', sessionId, title } : { kind: 'merged', sessionId, title, notes };
    }
    return { kind: 'created', sessionId, title: await createSessionFromState(deps.db, { sessionId, state: read.archive.state, summarise: deps.summarise }) };
  } catch {
    return { problem: 'storage' };
  }
}

/**
 * A file the operating system opened with the desktop app (a double-clicked `.tlab`): main read it
 * within the import limit, or says why it could not; what it read goes through the same import as
 * a file chosen with Import, so it is refused for the same reasons, with the same messages.
 */
export function importOpenedFile(file: OpenedFile, deps: ImportDeps): Promise<ImportOutcome | { problem: ImportProblem } | null> {
  if ('problem' in file) return Promise.resolve({ problem: file.problem });
  return importBytes(file.bytes, deps);
}

/**
 * A JSON export becomes a new session on this device (with an id of its own: its structure is
 * rebuilt, not its history, so it must never be merged with the original's archive).
 */
async function importJson(bytes: Uint8Array, deps: ImportDeps): Promise<ImportOutcome | { problem: ImportProblem } | null> {
  const read = readSessionJsonFile(bytes);
  if (!read.ok) return { problem: read.problem === 'newerFormat' || read.problem === 'tooLarge' ? read.problem : 'jsonInvalid' };
  const { deviceId, name } = await deps.me();
  if (!deps.stillWanted()) return null;
  const doc = sessionFromJson(read.json, { now: (deps.now ?? Date.now)(), facilitatorId: deviceId, facilitatorName: name });
  // Imported once already (the same export twice): say so rather than make a second copy.
  const sessionId = `${read.json.session.id.slice(0, 96)}-json`;
  try {
    if (await hasSession(deps.db, sessionId)) return { problem: 'jsonExists' };
    const title = await createSessionFromState(deps.db, { sessionId, state: Y.encodeStateAsUpdate(doc), summarise: deps.summarise });
    return { kind: 'created', sessionId, title };
  } catch {
    return { problem: 'storage' };
  } finally {
    doc.destroy();
  }
}
