import type * as Y from 'yjs';

/**
 * Top-level shared types of a session's Y.Doc. Every record lives in a root map keyed by its id, so
 * concurrent inserts by different peers never collide and lookups are O(1).
 *
 * Why only root maps and no nested Y types created after the record: two peers that each create
 * a nested map under the same key (say, both migrating one old doc) would each win on their own
 * side and one map — with whatever was written into it — is dropped on merge. Root types are
 * named, not created, so they can never conflict. Records may hold a nested Y.Text only when it is
 * created in the same transaction as the record itself (note text).
 *
 * The first three keys are the v1 layout and must never be renamed: stored docs use them.
 */
export const ROOT = {
  meta: 'meta',
  boards: 'boards',
  notes: 'notes',
  zones: 'zones',
  clusters: 'clusters',
  rounds: 'votingRounds',
  votes: 'votes',
  agenda: 'agenda',
  facilitators: 'facilitators',
  settings: 'settings',
  lockedBoards: 'lockedBoards',
  /** Boards a facilitator saved as templates, so everyone in the session can use them (plain JSON values by id). */
  templates: 'templates',
  /** The hash-chained decision record (decision-log.ts): immutable entries keyed by their hash; never undone. */
  decisions: 'decisions',
} as const;

/**
 * Bumped when the doc layout changes; opening an older doc migrates it forward (migrate.ts).
 * v1: meta, boards, notes. v2: tombstoned boards, zones, note tags/cluster/zone, clusters, voting,
 * agenda, timer, facilitators and settings.
 */
export const SCHEMA_VERSION = 2;

export type RecordMap = Y.Map<unknown>;

/** The accessor of one root map; records are Y.Maps, plain-value roots hold JSON values. */
function root<T>(name: keyof typeof ROOT): (doc: Y.Doc) => Y.Map<T> {
  return (doc) => doc.getMap(ROOT[name]);
}

export const metaMap = root<unknown>('meta');
export const boardsMap = root<RecordMap>('boards');
export const notesMap = root<RecordMap>('notes');
export const zonesMap = root<unknown>('zones');
export const clustersMap = root<RecordMap>('clusters');
export const roundsMap = root<RecordMap>('rounds');
/** Votes are immutable plain values keyed by vote id (votes.ts). */
export const votesMap = root<unknown>('votes');
export const agendaMap = root<RecordMap>('agenda');
export const facilitatorsMap = root<unknown>('facilitators');
export const settingsMap = root<unknown>('settings');
export const lockedBoardsMap = root<unknown>('lockedBoards');
export const templatesMap = root<unknown>('templates');
export const decisionsMap = root<unknown>('decisions');

/** Every root, for undo scopes and for tests that compare whole replicas. */
export function allRoots(doc: Y.Doc): Y.Map<unknown>[] {
  return Object.values(ROOT).map((name) => doc.getMap(name));
}
