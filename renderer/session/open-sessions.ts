import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { createSessionContent, createUndoManager, randomId, renameSession } from '../../shared/model';
import { readDisplayName } from '../identity/display-name';
import { loadDeviceId } from '../identity/device-id';
import { appDatabase, type TransitionLabDb } from '../storage/database';
import { DocPersistence } from '../storage/doc-persistence';
import { cachedSummariser } from './session-summary';
import { localDay } from '../ui/format';
import { parseRoute } from '../ui/hash-route';

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
  // The Home row, re-read only after a change that can alter it (the doc's observers go with the doc).
  const persistence = new DocPersistence(db, id, doc, { summarise: cachedSummariser(doc).summarise });
  // Undo covers only this person's own edits; typing within half a second is one step.
  const undoManager = createUndoManager(doc, { captureTimeout: 500 });
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
      const close = () => {
        if (held.refs > 0) return;
        // Storage failing: this tab's memory is the only copy, so the doc stays open (and keeps
        // retrying) instead of being dropped when the view goes away.
        if (held.session.persistence.saveState.kind === 'failed') {
          held.closeTimer = setTimeout(close, 10_000);
          return;
        }
        open.delete(id);
        held.session.undoManager.destroy();
        held.session.awareness.destroy();
        void held.session.persistence.destroy().then(() => held.session.doc.destroy());
      };
      held.closeTimer = setTimeout(close, 2_000);
    },
  };
}

/**
 * Session details a new session starts with, which the facilitator can change (Session details):
 * today as the workshop day, and the country of this device's language settings (pl → PL).
 */
function defaultDetails(): { date: string; country?: string } {
  const date = localDay(Date.now());
  try {
    const region = new Intl.Locale(navigator.language).maximize().region;
    return region && /^[A-Z]{2}$/.test(region) ? { date, country: region } : { date };
  } catch {
    return { date };
  }
}

/** Creates a session with its first board, this device as its facilitator, and stores it before resolving. */
export async function createSession(
  init: { title: string; firstBoardTitle: string; language?: string },
  db: TransitionLabDb = appDatabase(),
): Promise<string> {
  const id = randomId(128);
  const deviceId = await loadDeviceId(db);
  const { session, release } = acquireSession(id, db);
  await session.persistence.whenLoaded;
  const { language, ...content } = init;
  createSessionContent(session.doc, {
    ...content,
    now: Date.now(),
    facilitatorId: deviceId,
    facilitatorName: readDisplayName(),
    meta: { ...(language ? { language } : {}), ...defaultDetails() },
  });
  await session.persistence.flush();
  release();
  return id;
}

/**
 * Renames a session from outside it (Home): the title lives in the doc, so the doc is opened,
 * renamed through the model and stored; the Home row follows from the same write, and a tab that
 * has the session open sees the new title through the BroadcastChannel.
 */
export async function renameStoredSession(id: string, title: string, db: TransitionLabDb = appDatabase()): Promise<void> {
  const { session, release } = acquireSession(id, db);
  try {
    await session.persistence.whenLoaded;
    renameSession(session.doc, title);
    await session.persistence.flush();
    const state = session.persistence.saveState;
    if (state.kind === 'failed') throw new Error(state.message);
  } finally {
    release();
  }
}

/** Writes every open session now: called when the page is hidden or about to go away. */
export function flushAllSessions(): Promise<void> {
  return Promise.all([...open.values()].map((e) => e.session.persistence.flush())).then(() => undefined);
}

/**
 * Starts reading a session's stored state as soon as the address names it, before React renders
 * the route and the session view's effect asks for the doc (that comes a render and a frame later:
 * about a sixth of opening a large session). The doc is held for the usual grace period, within
 * which the view takes it over.
 */
export function prefetchSessionOnNavigation(target: Window = window): void {
  const prefetch = () => {
    const route = parseRoute(target.location.hash);
    if (route.name === 'session') acquireSession(route.sessionId).release();
  };
  target.addEventListener('hashchange', prefetch);
  prefetch();
}

export function installFlushOnHide(target: Window = window): void {
  const flush = () => void flushAllSessions();
  target.addEventListener('pagehide', flush);
  target.document.addEventListener('visibilitychange', () => {
    if (target.document.visibilityState === 'hidden') flush();
  });
}
