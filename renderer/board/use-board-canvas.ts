import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useWorkshop } from '../workshop/workshop-context';
import { listClusters, listZones, observeRoots, zoneNoteCounts, type ClusterWithMembers, type Rect, type Zone } from '../../shared/model';
import { boundsOf } from './view-geometry';

export interface ZoneView extends Zone {
  count: number;
}

export interface ClusterView extends ClusterWithMembers {
  /** Around its notes (world px); null when none of them is left. */
  box: Rect | null;
}

interface Canvas {
  zones: ZoneView[];
  clusters: ClusterView[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A board's zones (with their note counts) and clusters (with the box around their notes), read
 * once per animation frame however many edits arrive in it. The result keeps its identity while
 * nothing in it changed, so typing in a note does not redraw the canvas.
 */
export function useBoardCanvas(doc: Y.Doc, boardId: string): Canvas {
  const { notesOn } = useWorkshop();
  const store = useMemo(() => {
    const read = (): Canvas => {
      const notes = notesOn(boardId);
      const counts = zoneNoteCounts(notes);
      const byId = new Map(notes.map((n) => [n.id, n]));
      return {
        zones: listZones(doc, boardId).map((z) => ({ ...z, count: counts.get(z.id) ?? 0 })),
        clusters: listClusters(doc, boardId).map((c) => ({
          ...c,
          // Members this person may not see (a private brainstorm's notes) are not counted either.
          memberIds: c.memberIds.filter((id) => byId.has(id)),
          box: boundsOf(c.memberIds.flatMap((id) => (byId.has(id) ? [{ ...byId.get(id)!.pos, ...byId.get(id)!.size }] : []))),
        })),
      };
    };
    let snapshot = read();
    return {
      get: () => snapshot,
      subscribe: (changed: () => void) => {
        let frame = 0;
        const update = () => {
          if (frame) return;
          frame = requestAnimationFrame(() => {
            frame = 0;
            const next = read();
            if (same(next, snapshot)) return;
            snapshot = next;
            changed();
          });
        };
        const stop = observeRoots(doc, ['zones', 'clusters', 'notes', 'boards', 'settings', 'facilitators'], update);
        update();
        return () => {
          stop();
          cancelAnimationFrame(frame);
        };
      },
    };
  }, [doc, boardId, notesOn]);
  return useSyncExternalStore(store.subscribe, store.get);
}
