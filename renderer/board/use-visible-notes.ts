import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useBoardUi, type Viewport } from '../state/board-ui';
import { useWorkshop } from '../workshop/workshop-context';
import { afterNextPaint } from '../ui/next-task';
import { cullRect, NoteIndex, seenRect } from './note-index';
import { watchBoardNotes } from './watch-board-notes';

export interface NoteIndexStore {
  subscribe: (changed: () => void) => () => void;
  version: () => number;
  /** The index as of now (packed again only if the board's notes changed since). */
  index: () => NoteIndex;
}

/**
 * The board's spatial index, rebuilt lazily after notes moved, appeared or went. It is packed
 * from the listing's entries (the doc's NoteListing), so a rebuild reads no note. The store is
 * shared: only the layers that draw notes subscribe (useNoteIndex), so a note arriving re-renders
 * them and not the board around them.
 */
export function useNoteIndexStore(boardId: string): NoteIndexStore {
  const { doc, notesOn } = useWorkshop();
  return useMemo(() => {
    let index: NoteIndex | null = null;
    let built: readonly unknown[] | null = null;
    let version = 0;
    return {
      version: () => version,
      index: () => {
        const notes = notesOn(boardId);
        if (!index || built !== notes) [index, built] = [new NoteIndex(notes), notes];
        return index;
      },
      subscribe: (changed: () => void) =>
        watchBoardNotes(doc, boardId, () => {
          // The listing hands out a new array only when a note on the board changed.
          if (notesOn(boardId) === built) return;
          version++;
          changed();
        }),
    };
  }, [doc, boardId, notesOn]);
}

/** The index, re-rendering the caller whenever the board's notes change. */
export function useNoteIndex(store: NoteIndexStore): NoteIndex {
  const version = useSyncExternalStore(store.subscribe, store.version);
  return useMemo(() => store.index(), [store, version]);
}

/** Zoomed out only the pinned notes are mounted: no rectangle to search. */
const PINNED_ONLY = { x: 0, y: 0, w: 0, h: 0, key: 'pinned' };

/**
 * The notes to mount: those near the view (note-index.ts `cullRect`), in stacking order, plus any
 * note someone is working with — selected, edited, dragged or holding the board's Tab stop — so
 * focus and keyboard work never lose their element.
 *
 * A board that just opened mounts only what is seen first; the margin around it (ready for a pan,
 * five times as many notes again) follows right after that frame is painted.
 */
export function useVisibleNoteIds(
  index: NoteIndex,
  noteIds: readonly string[],
  viewport: Viewport,
  area: { width: number; height: number },
  /** Zoomed out to blocks (NoteBlocks draws the rest): mount only the notes being worked with. */
  pinnedOnly: boolean,
): string[] {
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    // Zoomed out there is no margin to add (the blocks are drawn, not mounted): no second pass.
    if (opened || pinnedOnly) return;
    let live = true;
    afterNextPaint(() => live && setOpened(true));
    return () => {
      live = false;
    };
  }, [opened, pinnedOnly]);
  const rect = pinnedOnly ? PINNED_ONLY : opened ? cullRect(viewport, area) : seenRect(viewport, area);
  const selected = useBoardUi((s) => s.selectedIds);
  const editing = useBoardUi((s) => s.editingNoteId);
  const tabStop = useBoardUi((s) => s.tabStopId);
  const last = useRef<string[]>([]);
  return useMemo(() => {
    const near = pinnedOnly ? new Set<string>() : index.search(rect);
    for (const id of selected) near.add(id);
    if (editing) near.add(editing);
    if (tabStop) near.add(tabStop);
    const ids = noteIds.filter((id) => near.has(id));
    // The same notes as before are the same array: the blocks' canvas and the notes keep their props.
    if (ids.length === last.current.length && ids.every((id, i) => id === last.current[i])) return last.current;
    return (last.current = ids);
    // `rect` is a new object every render: its key says when it really changed.
  }, [index, rect.key, noteIds, selected, editing, tabStop, pinnedOnly]);
}
