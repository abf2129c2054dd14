import type * as Y from 'yjs';
import {
  addCluster,
  addZone,
  deleteCluster,
  getCluster,
  getNote,
  getZone,
  listClusters,
  listNotes,
  moveNote,
  removeZone,
  renameCluster,
  restoreCluster,
  restoreZone,
  updateZone,
  type Rect,
} from '../../shared/model';
import type { Action, Target } from '../../shared/model/policy';
import type { Clock } from './clock';

/**
 * The structure of a canvas: zones (the facilitator's) and clusters (anyone's). Each is one undo
 * step; deleting either is a tombstone, so Undo — or a restore later — brings it back whole.
 */
export interface CanvasActions {
  addZone(boardId: string, init: { label: string; prompt?: string; rect: Rect }): string | null;
  /** Rename, change the prompt or resize; the zone's notes stay where they are. */
  updateZone(zoneId: string, patch: { label?: string; prompt?: string; rect?: Rect }): boolean;
  /** Moves a zone and every note in it by the same distance, as a frame moves its contents. */
  moveZone(zoneId: string, dx: number, dy: number): boolean;
  deleteZone(zoneId: string): boolean;
  restoreZone(zoneId: string): boolean;
  /** A cluster of these notes (of one board) under `title`; null when none may be clustered. */
  groupAsCluster(noteIds: readonly string[], title: string): string | null;
  renameCluster(clusterId: string, title: string): boolean;
  /** Moves every note of the cluster by the same distance. */
  moveCluster(clusterId: string, dx: number, dy: number): boolean;
  /** The notes stay; the cluster is gone (a tombstone, so Undo regroups them). */
  ungroup(clusterId: string): boolean;
  restoreCluster(clusterId: string): boolean;
}

interface Context {
  doc: Y.Doc;
  clock: Clock;
  allowed: (action: Action, target: Target) => boolean;
  step: <T>(edit: () => T) => T;
}

export function createCanvasActions({ doc, clock, allowed, step }: Context): CanvasActions {
  const zoneBoard = (zoneId: string): string | null => getZone(doc, zoneId)?.boardId ?? null;
  const mayEditZone = (zoneId: string) => {
    const boardId = zoneBoard(zoneId);
    return boardId !== null && allowed('editZones', { boardId });
  };
  const shift = (noteIds: readonly string[], dx: number, dy: number, keepZone: boolean) => {
    const now = clock.now();
    for (const id of noteIds) {
      const note = getNote(doc, id);
      if (!note || !allowed('moveNote', { noteId: id })) continue;
      moveNote(doc, id, { x: note.pos.x + dx, y: note.pos.y + dy }, now, keepZone ? { zoneId: note.zoneId } : {});
    }
  };

  return {
    addZone(boardId, init) {
      if (!allowed('editZones', { boardId })) return null;
      return step(() => addZone(doc, { boardId, label: init.label, prompt: init.prompt, rect: init.rect }));
    },
    updateZone(zoneId, patch) {
      if (!mayEditZone(zoneId)) return false;
      step(() => updateZone(doc, zoneId, patch));
      return true;
    },
    moveZone(zoneId, dx, dy) {
      const zone = getZone(doc, zoneId);
      if (!zone || !mayEditZone(zoneId) || (dx === 0 && dy === 0)) return false;
      const members = listNotes(doc, zone.boardId).filter((n) => n.zoneId === zoneId).map((n) => n.id);
      step(() => {
        updateZone(doc, zoneId, { rect: { ...zone.rect, x: zone.rect.x + dx, y: zone.rect.y + dy } });
        shift(members, dx, dy, true);
      });
      return true;
    },
    deleteZone(zoneId) {
      if (!mayEditZone(zoneId)) return false;
      step(() => removeZone(doc, zoneId, clock.now()));
      return true;
    },
    restoreZone(zoneId) {
      const boardId = zoneBoard(zoneId);
      if (boardId === null || !allowed('editZones', { boardId })) return false;
      step(() => restoreZone(doc, zoneId));
      return true;
    },
    groupAsCluster(noteIds, title) {
      const notes = [...new Set(noteIds)].map((id) => getNote(doc, id)).filter((n) => n !== null && allowed('clusterNote', { noteId: n.id }));
      const boardId = notes[0]?.boardId;
      if (!boardId || notes.length === 0) return null;
      const ids = notes.filter((n) => n!.boardId === boardId).map((n) => n!.id);
      return step(() => addCluster(doc, { boardId, title, now: clock.now(), noteIds: ids }));
    },
    renameCluster(clusterId, title) {
      const cluster = getCluster(doc, clusterId);
      if (!cluster || !allowed('editBoard', { boardId: cluster.boardId })) return false;
      step(() => renameCluster(doc, clusterId, title));
      return true;
    },
    moveCluster(clusterId, dx, dy) {
      const cluster = getCluster(doc, clusterId);
      if (!cluster || (dx === 0 && dy === 0)) return false;
      const members = listClusters(doc, cluster.boardId).find((c) => c.id === clusterId)?.memberIds ?? [];
      if (members.length === 0) return false;
      step(() => shift(members, dx, dy, false));
      return true;
    },
    ungroup(clusterId) {
      const cluster = getCluster(doc, clusterId);
      if (!cluster || !allowed('editBoard', { boardId: cluster.boardId })) return false;
      step(() => deleteCluster(doc, clusterId, clock.now()));
      return true;
    },
    restoreCluster(clusterId) {
      const cluster = getCluster(doc, clusterId);
      if (!cluster || !allowed('editBoard', { boardId: cluster.boardId })) return false;
      step(() => restoreCluster(doc, clusterId));
      return true;
    },
  };
}
