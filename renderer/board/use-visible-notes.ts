import { useMemo, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { notesMap, observeRoots } from '../../shared/model';
import { useBoardUi, type Viewport } from '../state/board-ui';
import { useWorkshop } from '../workshop/workshop-context';
import { cullRect, NoteIndex } from './note-index';

/** Note fields that move a note's rectangle, put it on or off a board, or change how its block is drawn. */
const GEOMETRY_KEYS = new Set(['boardId', 'deletedAt', 'pos', 'size', 'private', 'z', 'colour', 'level', 'actor']);

function touchesGeometry(events: Y.YEvent<Y.AbstractType<unknown>>[], notes: object): boolean {
  return events.some((e) => e.target === notes || (e instanceof Y.YMapEvent && [...e.keysChanged].some((k) => GEOMETRY_KEYS.has(k))));
}

/** The board's spatial index, rebuilt lazily after notes moved, appeared or went. */
export function useNoteIndex(boardId: string): NoteIndex {
  const { doc, notesOn } = useWorkshop();
  const store = useMemo(() => {
    let index: NoteIndex | null = null;
    let version = 0;
    const build = () =>
      (index ??= new NoteIndex(notesOn(boardId).map((n) => ({ id: n.id, rect: { ...n.pos, ...n.size }, colour: n.colour, level: n.level, actor: n.actor }))));
    return {
      get: () => version,
      index: build,
      subscribe: (changed: () => void) => {
        const notes = notesMap(doc);
        const dirty = () => {
          index = null;
          version++;
          changed();
        };
        const onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
          if (touchesGeometry(events, notes)) dirty();
        };
        notes.observeDeep(onNotes);
        const stop = observeRoots(doc, ['boards', 'settings', 'facilitators'], dirty);
        return () => {
          notes.unobserveDeep(onNotes);
          stop();
        };
      },
    };
  }, [doc, boardId, notesOn]);
  const version = useSyncExternalStore(store.subscribe, store.get);
  return useMemo(() => store.index(), [store, version]);
}

/**
 * The notes to mount: those near the view (note-index.ts `cullRect`), in stacking order, plus any
 * note someone is working with — selected, edited, dragged or holding the board's Tab stop — so
 * focus and keyboard work never lose their element.
 */
export function useVisibleNoteIds(
  index: NoteIndex,
  noteIds: readonly string[],
  viewport: Viewport,
  area: { width: number; height: number },
  /** Zoomed out to blocks (NoteBlocks draws the rest): mount only the notes being worked with. */
  pinnedOnly: boolean,
): string[] {
  const rect = cullRect(viewport, area);
  const selected = useBoardUi((s) => s.selectedIds);
  const editing = useBoardUi((s) => s.editingNoteId);
  const tabStop = useBoardUi((s) => s.tabStopId);
  return useMemo(() => {
    const near = pinnedOnly ? new Set<string>() : index.search(rect);
    for (const id of selected) near.add(id);
    if (editing) near.add(editing);
    if (tabStop) near.add(tabStop);
    return noteIds.filter((id) => near.has(id));
    // `rect` is a new object every render: its key says when it really changed.
  }, [index, rect.key, noteIds, selected, editing, tabStop, pinnedOnly]);
}
