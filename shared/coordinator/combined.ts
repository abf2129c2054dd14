import { ACTOR_TYPES, GOVERNANCE_LEVELS, type ActorType, type GovernanceLevel } from '../model';
import { barrierZone, isActionZone, portfolioZone } from '../export/canvas-zones';
import { closedVotes } from '../export/note-rows';
import type { LabSession } from './lab-session';

/**
 * The coordinator's combined tables, across the sessions they selected. Everything starts from
 * one row per note (`combinedNotes`); the other tables are views of those rows, so a filter or a
 * selection applies to all of them alike. Unrevealed private notes are left out, as in every export.
 */
export interface CombinedNote {
  /** Unique across sessions: session id + note id. */
  key: string;
  sessionId: string;
  session: string;
  lab: string;
  country: string;
  city: string;
  date: string;
  board: string;
  templateId: string | null;
  zone: string;
  cluster: string;
  text: string;
  level: GovernanceLevel | null;
  actor: ActorType | null;
  votes: number;
}

export function combinedNotes(sessions: readonly LabSession[]): CombinedNote[] {
  const rows: CombinedNote[] = [];
  for (const s of sessions) {
    const votes = closedVotes(s.content);
    for (const { board, zones, clusters, notes } of s.content.boards) {
      const zoneLabel = new Map(zones.map((z) => [z.id, z.label]));
      const clusterTitle = new Map(clusters.map((c) => [c.id, c.title]));
      for (const note of notes) {
        if (note.private) continue;
        rows.push({
          key: `${s.id}/${note.id}`,
          sessionId: s.id,
          session: s.title,
          lab: s.lab,
          country: s.country,
          city: s.city,
          date: s.date,
          board: board.title,
          templateId: board.templateId,
          zone: note.zoneId ? (zoneLabel.get(note.zoneId) ?? '') : '',
          cluster: note.clusterId ? (clusterTitle.get(note.clusterId) ?? '') : '',
          text: note.text,
          level: note.level,
          actor: note.actor,
          votes: votes.get(note.id) ?? 0,
        });
      }
    }
  }
  return rows;
}

export interface BarrierRow {
  note: CombinedNote;
  sector: string;
  kind: 'barrier' | 'opportunity';
}

/** Every note of every "Barriers and opportunities" canvas, with its sector and column; by sector, then level. */
export function barriersAndOpportunities(notes: readonly CombinedNote[]): BarrierRow[] {
  const rows: BarrierRow[] = [];
  for (const note of notes) {
    const cell = barrierZone(note.templateId, note.zone);
    if (cell) rows.push({ note, ...cell });
  }
  const levelOrder = (l: GovernanceLevel | null) => (l === null ? GOVERNANCE_LEVELS.length : GOVERNANCE_LEVELS.indexOf(l));
  return rows.sort(
    (a, b) => a.sector.localeCompare(b.sector) || a.kind.localeCompare(b.kind) || levelOrder(a.note.level) - levelOrder(b.note.level) || b.note.votes - a.note.votes,
  );
}

export interface ActionRow {
  note: CombinedNote;
  /** The portfolio cell's field and lever; '' for an impact pathway's Actions column. */
  field: string;
  lever: string;
}

/** Every action (portfolio cells, impact pathways' Actions column), most votes first. */
export function actionsWithVotes(notes: readonly CombinedNote[]): ActionRow[] {
  const rows: ActionRow[] = [];
  for (const note of notes) {
    if (!isActionZone(note.templateId, note.zone)) continue;
    const cell = portfolioZone(note.templateId, note.zone);
    rows.push({ note, field: cell?.field ?? '', lever: cell?.lever ?? '' });
  }
  return rows.sort((a, b) => b.note.votes - a.note.votes || a.note.text.localeCompare(b.note.text));
}

export interface WhoMustActCounts {
  levels: (GovernanceLevel | null)[];
  actors: (ActorType | null)[];
  /** counts[level index][actor index]; the last row and column hold untagged notes. */
  counts: number[][];
  /** Notes with at least one of the two tags. */
  tagged: number;
}

/** Who must act, counted: governance level × actor type over every tagged note. */
export function whoMustActCounts(notes: readonly CombinedNote[]): WhoMustActCounts {
  const levels = [...GOVERNANCE_LEVELS, null];
  const actors = [...ACTOR_TYPES, null];
  const counts = levels.map(() => actors.map(() => 0));
  let tagged = 0;
  for (const n of notes) {
    if (n.level === null && n.actor === null) continue;
    tagged++;
    counts[levels.indexOf(n.level)]![actors.indexOf(n.actor)]!++;
  }
  return { levels, actors, counts, tagged };
}
