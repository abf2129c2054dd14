import * as Y from 'yjs';
import { boardsMap, clustersMap, notesMap, type RecordMap } from './doc-roots';
import { randomId } from './ids';
import { listNotes } from './notes';
import { recordIn, restoreRecord, tombstoneRecord } from './records';
import { cleanLine, compareIds, readNullableNumber, readNumber, readString } from './validate';
import { mutate } from './write';

/**
 * A cluster ("grupa"): a titled group of notes on one board.
 * Concurrency choices:
 * - membership is stored on each note (`clusterId`, LWW), and `members` is a projection. A
 *   members array on the cluster would duplicate a note that two people drop into two clusters at
 *   once, or lose one of two notes added concurrently; per-note LWW can do neither.
 * - clusters are tombstoned, never removed: a note added to a cluster while someone else deletes
 *   it keeps a valid reference; the projection shows it unclustered, and restoring the cluster
 *   brings its members back (unless they were moved elsewhere meanwhile: that later choice wins).
 * - title is LWW.
 */
export interface Cluster {
  id: string;
  boardId: string;
  title: string;
  createdAt: number;
  deletedAt: number | null;
}

export interface ClusterWithMembers extends Cluster {
  /** Live notes in the cluster, back to front. */
  memberIds: string[];
}

export const MAX_CLUSTER_TITLE_LENGTH = 200;

export function readCluster(record: unknown): Cluster | null {
  if (!(record instanceof Y.Map)) return null;
  const id = record.get('id');
  const boardId = record.get('boardId');
  if (typeof id !== 'string' || typeof boardId !== 'string') return null;
  return {
    id,
    boardId,
    title: readString(record, 'title').slice(0, MAX_CLUSTER_TITLE_LENGTH),
    createdAt: readNumber(record, 'createdAt'),
    deletedAt: readNullableNumber(record, 'deletedAt'),
  };
}

function clusterRecord(doc: Y.Doc, id: string): RecordMap | null {
  return recordIn(clustersMap(doc), id);
}

function noteRecord(doc: Y.Doc, id: string): RecordMap | null {
  return recordIn(notesMap(doc), id);
}

/** Creates a cluster on an existing board, optionally moving notes of that board into it. */
export function addCluster(doc: Y.Doc, init: { boardId: string; title: string; now: number; id?: string; noteIds?: string[] }): string {
  const id = init.id ?? randomId(64);
  if (!(boardsMap(doc).get(init.boardId) instanceof Y.Map)) return id;
  mutate(doc, () => {
    const record: RecordMap = new Y.Map();
    record.set('id', id);
    record.set('boardId', init.boardId);
    record.set('title', cleanLine(init.title, MAX_CLUSTER_TITLE_LENGTH));
    record.set('createdAt', init.now);
    record.set('deletedAt', null);
    clustersMap(doc).set(id, record);
    for (const noteId of init.noteIds ?? []) {
      const note = noteRecord(doc, noteId);
      if (note && note.get('boardId') === init.boardId) {
        note.set('clusterId', id);
        note.set('updatedAt', init.now);
      }
    }
  });
  return id;
}

/** Puts a note into a cluster of its own board, or takes it out (null). */
export function setNoteCluster(doc: Y.Doc, noteId: string, clusterId: string | null, now: number): void {
  const note = noteRecord(doc, noteId);
  if (!note || (note.get('clusterId') ?? null) === clusterId) return;
  if (clusterId !== null) {
    const cluster = readCluster(clustersMap(doc).get(clusterId));
    if (!cluster || cluster.deletedAt !== null || cluster.boardId !== note.get('boardId')) return;
  }
  mutate(doc, () => {
    note.set('clusterId', clusterId);
    note.set('updatedAt', now);
  });
}

export function renameCluster(doc: Y.Doc, clusterId: string, title: string): void {
  const record = clusterRecord(doc, clusterId);
  const clean = cleanLine(title, MAX_CLUSTER_TITLE_LENGTH);
  if (!record || record.get('title') === clean) return;
  mutate(doc, () => record.set('title', clean));
}

export function deleteCluster(doc: Y.Doc, clusterId: string, now: number): void {
  tombstoneRecord(doc, clustersMap(doc), clusterId, now);
}

export function restoreCluster(doc: Y.Doc, clusterId: string): void {
  restoreRecord(doc, clustersMap(doc), clusterId);
}

export function getCluster(doc: Y.Doc, clusterId: string): Cluster | null {
  return readCluster(clustersMap(doc).get(clusterId));
}

/** Live clusters of a board, oldest first, without reading a note (members: `listClusters`, or the NoteListing). */
export function listClusterRecords(doc: Y.Doc, boardId: string): Cluster[] {
  const out: Cluster[] = [];
  clustersMap(doc).forEach((record) => {
    const cluster = readCluster(record);
    if (cluster && cluster.boardId === boardId && cluster.deletedAt === null) out.push(cluster);
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || compareIds(a.id, b.id));
}

/** Live clusters of a board with their members (from the notes), oldest first. */
export function listClusters(doc: Y.Doc, boardId: string): ClusterWithMembers[] {
  const members = new Map<string, string[]>();
  for (const note of listNotes(doc, boardId)) {
    if (note.clusterId !== null) members.set(note.clusterId, [...(members.get(note.clusterId) ?? []), note.id]);
  }
  return listClusterRecords(doc, boardId).map((cluster) => ({ ...cluster, memberIds: members.get(cluster.id) ?? [] }));
}
