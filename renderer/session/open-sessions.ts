import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { createSessionContent, LOCAL_ORIGIN, randomId } from '../../shared/model';
import { appDatabase, type TransitionLabDb } from '../storage/database';
import { DocPersistence } from '../storage/doc-persistence';
import { summariseSession } from './session-summary';

/** A session's doc with everything attached to it while it is open in this tab. */
export interface OpenSession {
  id: string;
  doc: Y.Doc;
  persistence: DocPersistence;
  undoManager: Y.UndoManager;
  /** Ephemeral presence (names, cursors, who edits what): shared by every transport, never stored. */
  awareness: Awareness;
}

interface Entry {
  session: OpenSession;
  refs: number;
  closeTimer: ReturnType<typeof setTimeout> | null;
}

const open = new Map<string, Entry>();

function attach(db: TransitionLabDb, id: string, doc: Y.Doc): OpenSession {
  const persistence = new DocPersistence(db, id, doc, { summarise: summariseSession });
  // Undo covers only this person's own edits; typing within half a second is one step.
  const undoManager = new Y.UndoManager([doc.getMap('notes'), doc.getMap('boards'), doc.getMap('meta')], {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    captureTimeout: 500,
  });
  return { id, doc, persistence, undoManager, awareness: new Awareness(doc) };
}

/** Opens (or reuses) a session; call the returned release when the view unmounts. */
export function acquireSession(id: string, db: TransitionLabDb = appDatabase()): { session: OpenSession; release: () => void } {
  let entry = open.get(id);
  if (!entry) {
    entry = { session: attach(db, id, new Y.Doc()), refs: 0, closeTimer: null };
    open.set(id, entry);
  }
  if (entry.closeTimer) {
    clearTimeout(entry.closeTimer);
    entry.closeTimer = null;
  }
  entry.refs++;
  const held = entry;
  let released = false;
  return {
    session: held.session,
    release: () => {
      if (released) return;
      released = true;
      held.refs--;
      if (held.refs > 0) return;
      // A short grace period keeps the doc across React's double mount and quick back-and-forth.
      held.closeTimer = setTimeout(() => {
        if (held.refs > 0) return;
        open.delete(id);
        held.session.undoManager.destroy();
        held.session.awareness.destroy();
        void held.session.persistence.destroy().then(() => held.session.doc.destroy());
      }, 2_000);
    },
  };
}

/** Creates a session with its first board and stores it before resolving. */
export async function createSession(
  init: { title: string; firstBoardTitle: string },
  db: TransitionLabDb = appDatabase(),
): Promise<string> {
  const id = randomId(128);
  const { session, release } = acquireSession(id, db);
  await session.persistence.whenLoaded;
  createSessionContent(session.doc, { ...init, now: Date.now() });
  await session.persistence.flush();
  release();
  return id;
}

/** Writes every open session now: called when the page is hidden or about to go away. */
export function flushAllSessions(): Promise<void> {
  return Promise.all([...open.values()].map((e) => e.session.persistence.flush())).then(() => undefined);
}

export function installFlushOnHide(target: Window = window): void {
  const flush = () => void flushAllSessions();
  target.addEventListener('pagehide', flush);
  target.document.addEventListener('visibilitychange', () => {
    if (target.document.visibilityState === 'hidden') flush();
  });
}
