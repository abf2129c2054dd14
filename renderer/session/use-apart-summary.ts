import { useEffect, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { getNote, strongerChange, watchRemoteNoteChanges, type Note, type NoteChangeKind } from '../../shared/model';
import { cleanName } from '../identity/display-name';
import type { SessionSync, SyncSnapshot } from '../sync/session-sync';

/** How long after reconnecting incoming changes count as "made while apart". */
export const APART_WINDOW_MS = 8_000;

export interface ApartChange {
  noteId: string;
  boardId: string;
  kind: NoteChangeKind;
  /** Who made it, '' when unknown. */
  who: string;
  text: string;
}

/** Online means: the relay is connected or a WebRTC peer is (as the Connection status says). */
function isOnline(snapshot: SyncSnapshot): boolean {
  return snapshot.relay.kind === 'connected' || snapshot.webrtcPeers > 0;
}

/**
 * Collects what others changed while this device was cut off: on every reconnection after the
 * first (the relay back, or the first peer again after none), for APART_WINDOW_MS, each remote note
 * change is kept (one per note, the strongest kind), with the name of whoever wrote it as their
 * presence said. The first connection of a session is not "apart": it is joining.
 */
export function useApartSummary(
  doc: Y.Doc,
  awareness: Awareness,
  sync: SessionSync | null,
  canSee: (note: Note) => boolean,
): { changes: ApartChange[]; dismiss: () => void } {
  const [changes, setChanges] = useState<ApartChange[]>([]);
  const canSeeRef = useRef(canSee);
  canSeeRef.current = canSee;
  useEffect(() => {
    if (!sync) return;
    const names = new Map<number, string>();
    const learn = (state: unknown, clientId: number) => {
      const name = cleanName((state as { user?: { name?: unknown } } | null)?.user?.name);
      if (name) names.set(clientId, name);
    };
    // Only whoever changed: in a room of twenty, presence changes many times a second.
    const learnNames = ({ added, updated }: { added: number[]; updated: number[] }) => {
      const states = awareness.getStates();
      for (const id of [...added, ...updated]) learn(states.get(id), id);
    };
    awareness.getStates().forEach(learn);
    awareness.on('change', learnNames);

    let wasOnline = isOnline(sync.getSnapshot());
    let everOnline = wasOnline;
    let relayConnectedOnce = sync.getSnapshot().relay.kind === 'connected';
    let relayLost = false;
    let stopWatching: (() => void) | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const collected = new Map<string, { kind: NoteChangeKind; clientId: number | null }>();

    const finish = () => {
      stopWatching?.();
      stopWatching = null;
      timer = null;
      const list: ApartChange[] = [];
      for (const [noteId, c] of collected) {
        const note = getNote(doc, noteId);
        // Someone's private brainstorm note stays theirs here too.
        if (!note || !canSeeRef.current(note)) continue;
        const who = (c.clientId !== null ? names.get(c.clientId) : undefined) ?? (c.kind === 'added' ? note.authorName : '');
        list.push({ noteId, boardId: note.boardId, kind: c.kind, who, text: note.text });
      }
      collected.clear();
      if (list.length > 0) setChanges((prev) => [...prev.filter((p) => !list.some((l) => l.noteId === p.noteId)), ...list]);
    };
    const open = () => {
      if (!stopWatching) {
        stopWatching = watchRemoteNoteChanges(doc, (change) => {
          const before = collected.get(change.noteId);
          collected.set(change.noteId, { kind: before ? strongerChange(before.kind, change.kind) : change.kind, clientId: change.clientId ?? before?.clientId ?? null });
        });
      }
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(finish, APART_WINDOW_MS);
    };
    const onSnapshot = () => {
      const snapshot = sync.getSnapshot();
      const online = isOnline(snapshot);
      // The host back after it was lost: the group that stayed with it may have worked meanwhile.
      if (snapshot.relay.kind === 'connected') {
        if (relayLost) open();
        relayLost = false;
        relayConnectedOnce = true;
      } else if (snapshot.relay.kind === 'offline' && relayConnectedOnce) relayLost = true;
      if (online && !wasOnline && everOnline) open();
      if (online) everOnline = true;
      wasOnline = online;
    };
    const unsubscribe = sync.subscribe(onSnapshot);
    return () => {
      unsubscribe();
      awareness.off('change', learnNames);
      stopWatching?.();
      if (timer !== null) clearTimeout(timer);
    };
  }, [doc, awareness, sync]);
  return { changes, dismiss: () => setChanges([]) };
}
