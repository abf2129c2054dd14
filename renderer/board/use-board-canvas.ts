import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useWorkshop } from '../workshop/workshop-context';
import { listClusterRecords, listZones, noteListing, zoneNoteCounts, type ClusterWithMembers, type Rect, type Zone } from '../../shared/model';
import { boundsOf } from './view-geometry';
import { watchBoardNotes } from './watch-board-notes';

export interface ZoneView extends Zone {
  count: number;
}

export interface ClusterView extends ClusterWithMembers {
  /** Around its notes (world px); null when none of them is left. */
  box: Rect | null;
}

export interface Canvas {
  zones: ZoneView[];
  clusters: ClusterView[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A board's zones (with their note counts) and clusters (with the box around their notes), read
 * once per animation frame however many edits arrive in it, and never for typing. Counts and
 * members come from the doc's NoteListing, so a read costs the zones and clusters, not the notes.
 * The result keeps its identity while nothing in it changed.
 */
export function useBoardCanvas(doc: Y.Doc, boardId: string): Canvas {
  const { notesOn } = useWorkshop();
  const store = useMemo(() => {
    const listing = noteListing(doc);
    const read = (): Canvas => {
      const notes = notesOn(boardId);
      // Unfiltered (the usual case), the listing already keeps the tallies; otherwise members this
      // person may not see (a private brainstorm's notes) are not counted either.
      const whole = notes === listing.notesOn(boardId);
      const counts = whole ? listing.zoneCounts(boardId) : zoneNoteCounts(notes);
      return {
        zones: listZones(doc, boardId).map((z) => ({ ...z, count: counts.get(z.id) ?? 0 })),
        clusters: listClusterRecords(doc, boardId).map((c) => {
          const members = whole ? listing.clusterMembers(boardId, c.id) : notes.filter((n) => n.clusterId === c.id);
          return { ...c, memberIds: members.map((n) => n.id), box: boundsOf(members.map((n) => n.rect)) };
        }),
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
        const stop = watchBoardNotes(doc, boardId, update, ['zones', 'clusters', 'boards']);
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
