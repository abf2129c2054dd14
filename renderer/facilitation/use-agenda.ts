import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useBoardUi } from '../state/board-ui';
import { listAgenda, observeRoots, type AgendaItemView } from '../../shared/model';
import { useWorkshop } from '../workshop/workshop-context';

/** The live agenda, re-read when it changes; the same array while nothing in it did. */
export function useAgenda(): AgendaItemView[] {
  const { doc } = useWorkshop();
  const store = useMemo(() => {
    let snapshot = listAgenda(doc);
    let key = JSON.stringify(snapshot);
    return {
      get: () => snapshot,
      subscribe: (changed: () => void) =>
        observeRoots(doc, ['agenda', 'boards'], () => {
          const next = listAgenda(doc);
          const nextKey = JSON.stringify(next);
          if (nextKey === key) return;
          snapshot = next;
          key = nextKey;
          changed();
        }),
    };
  }, [doc]);
  return useSyncExternalStore(store.subscribe, store.get);
}

/**
 * `Start activity` opens the activity's board for everyone: each app, when the active activity
 * changes (or on opening the session mid-activity), shows its board. Afterwards people may
 * wander to other boards freely; only the next start moves them again.
 */
export function useOpenActiveBoard(items: AgendaItemView[]): void {
  const shown = useRef<string | null>(null);
  const active = items.find((i) => i.status === 'active') ?? null;
  useEffect(() => {
    if (!active || shown.current === active.id) return;
    shown.current = active.id;
    if (active.boardId && !active.boardMissing && useBoardUi.getState().currentBoardId !== active.boardId) {
      useBoardUi.setState({ currentBoardId: active.boardId, selectedIds: [], selectedNoteId: null, editingNoteId: null, following: null });
    }
  }, [active]);
}
