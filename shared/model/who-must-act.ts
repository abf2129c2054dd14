import type * as Y from 'yjs';
import { listBoards } from './boards';
import { ACTOR_TYPES, GOVERNANCE_LEVELS, type ActorType, type GovernanceLevel } from './governance';
import { listNotes, type Note } from './notes';

export interface PivotNote {
  noteId: string;
  boardId: string;
  boardTitle: string;
  text: string;
}

/** `null` stands for "not tagged", kept as its own row or column so nothing drops out of the view. */
export interface WhoMustAct {
  levels: (GovernanceLevel | null)[];
  actors: (ActorType | null)[];
  /** cell(level, actor) → notes, in board order then the board's stacking order. */
  cell(level: GovernanceLevel | null, actor: ActorType | null): PivotNote[];
  total: number;
}

/**
 * The session's notes by governance level (rows) and actor type (columns): who must act, at which
 * level. Rows and columns with no notes are left out, except that every level and actor that
 * exists in the vocabulary is shown once any note carries it.
 */
export function whoMustAct(doc: Y.Doc, canSee: (note: Note) => boolean = () => true): WhoMustAct {
  const cells = new Map<string, PivotNote[]>();
  const key = (l: GovernanceLevel | null, a: ActorType | null) => `${l ?? '-'}|${a ?? '-'}`;
  const usedLevels = new Set<GovernanceLevel | null>();
  const usedActors = new Set<ActorType | null>();
  let total = 0;
  for (const board of listBoards(doc)) {
    for (const note of listNotes(doc, board.id)) {
      if (!canSee(note)) continue;
      const k = key(note.level, note.actor);
      const list = cells.get(k) ?? [];
      list.push({ noteId: note.id, boardId: board.id, boardTitle: board.title, text: note.text });
      cells.set(k, list);
      usedLevels.add(note.level);
      usedActors.add(note.actor);
      total++;
    }
  }
  return {
    levels: [...GOVERNANCE_LEVELS, null].filter((l) => usedLevels.has(l)),
    actors: [...ACTOR_TYPES, null].filter((a) => usedActors.has(a)),
    cell: (l, a) => cells.get(key(l, a)) ?? [],
    total,
  };
}
