import type { GovernanceLevel, ActorType, NoteColour, SessionContent } from '../model';

/**
 * One row per note, the shape every tabular export shares (CSV, the workbook's board sheets):
 * where the note sits (board, zone, cluster), what it says, its tags, its votes and its author.
 * Private notes not yet revealed are left out: an export is shared further than the room.
 */
export interface NoteRow {
  session: string;
  board: string;
  zone: string;
  cluster: string;
  text: string;
  colour: NoteColour;
  level: GovernanceLevel | null;
  actor: ActorType | null;
  /** Counted votes over every closed round. */
  votes: number;
  author: string;
  /** ISO 8601 (UTC). */
  created: string;
}

export const NOTE_COLUMNS = ['session', 'board', 'zone', 'cluster', 'text', 'colour', 'level', 'actor', 'votes', 'author', 'created'] as const;
export type NoteColumn = (typeof NOTE_COLUMNS)[number];

/** Counted votes per note over every closed round of the session. */
export function closedVotes(content: SessionContent): Map<string, number> {
  const votes = new Map<string, number>();
  for (const { round, totals } of content.rounds) {
    if (round.status !== 'closed' || round.deletedAt !== null) continue;
    for (const t of totals) votes.set(t.noteId, (votes.get(t.noteId) ?? 0) + t.votes);
  }
  return votes;
}

export function noteRows(content: SessionContent): NoteRow[] {
  const votes = closedVotes(content);
  const rows: NoteRow[] = [];
  for (const { board, zones, clusters, notes } of content.boards) {
    const zoneLabel = new Map(zones.map((z) => [z.id, z.label]));
    const clusterTitle = new Map(clusters.map((c) => [c.id, c.title]));
    for (const note of notes) {
      if (note.private) continue;
      rows.push({
        session: content.meta.title,
        board: board.title,
        zone: note.zoneId ? (zoneLabel.get(note.zoneId) ?? '') : '',
        cluster: note.clusterId ? (clusterTitle.get(note.clusterId) ?? '') : '',
        text: note.text,
        colour: note.colour,
        level: note.level,
        actor: note.actor,
        votes: votes.get(note.id) ?? 0,
        author: note.authorName,
        created: new Date(note.createdAt).toISOString(),
      });
    }
  }
  return rows;
}
