import type * as Y from 'yjs';
import {
  addNote,
  arrangeInGrid,
  DEFAULT_NOTE_SIZE,
  deleteNote,
  getNote,
  isBoardPrivate,
  moveNote,
  restoreNote,
  setNoteColour,
  setNoteTags,
  type ActorType,
  type GovernanceLevel,
  type NoteColour,
  type NoteCopy,
  type Point,
  type Size,
} from '../../shared/model';
import type { Action, Target } from '../../shared/model/policy';
import type { Me } from '../identity/person';
import type { Clock } from './clock';

/**
 * What a person does to several notes at once (a selection, a paste). Each is one undo step and
 * one transaction; a note the policy refuses (locked board, deleted meanwhile) is skipped and the
 * rest still happen, and the result says which notes were changed.
 */
export interface SelectionActions {
  moveNotes(moves: readonly { noteId: string; pos: Point }[]): string[];
  colourNotes(noteIds: readonly string[], colour: NoteColour): string[];
  /** Governance level and/or actor type (null clears it) on every note, one undo step. */
  tagNotes(noteIds: readonly string[], tags: { level?: GovernanceLevel | null; actor?: ActorType | null }): string[];
  deleteNotes(noteIds: readonly string[]): string[];
  restoreNotes(noteIds: readonly string[]): string[];
  /** New notes from copies, the group's top-left at `topLeft`; this device is their author. */
  pasteNotes(boardId: string, copies: readonly NoteCopy[], topLeft: Point): string[];
  /** The notes in reading order on a grid from the group's top-left (shared/model/arrange.ts). */
  arrangeNotesInGrid(noteIds: readonly string[]): string[];
}

interface Context {
  doc: Y.Doc;
  me: Me;
  clock: Clock;
  allowed: (action: Action, target: Target) => boolean;
  step: <T>(edit: () => T) => T;
  /** Whether the note may move to `pos` (its own rules, and no zone locked to this person there). */
  mayMoveTo: (noteId: string, pos: Point) => boolean;
  mayLand: (boardId: string, pos: Point, size: Size) => boolean;
}

export function createSelectionActions({ doc, me, clock, allowed, step, mayMoveTo, mayLand }: Context): SelectionActions {
  const each = (action: Action, noteIds: readonly string[], edit: (noteId: string, now: number) => void): string[] => {
    const ids = [...new Set(noteIds)].filter((noteId) => allowed(action, { noteId }));
    if (ids.length === 0) return [];
    const now = clock.now();
    step(() => ids.forEach((id) => edit(id, now)));
    return ids;
  };
  const moveNotes: SelectionActions['moveNotes'] = (moves) => {
    const target = new Map(moves.map((m) => [m.noteId, m.pos]));
    const ids = [...target.keys()].filter((id) => mayMoveTo(id, target.get(id)!));
    return each('moveNote', ids, (id, now) => moveNote(doc, id, target.get(id)!, now));
  };
  return {
    moveNotes,
    colourNotes: (noteIds, colour) => each('colourNote', noteIds, (id, now) => setNoteColour(doc, id, colour, now)),
    tagNotes: (noteIds, tags) => each('tagNote', noteIds, (id, now) => setNoteTags(doc, id, tags, now)),
    deleteNotes: (noteIds) => each('deleteNote', noteIds, (id, now) => deleteNote(doc, id, now)),
    restoreNotes: (noteIds) => each('restoreNote', noteIds, (id, now) => restoreNote(doc, id, now)),
    pasteNotes(boardId, copies, topLeft) {
      if (copies.length === 0 || !allowed('addNote', { boardId })) return [];
      const now = clock.now();
      const isPrivate = isBoardPrivate(doc, boardId);
      const landing = copies.filter((c) => mayLand(boardId, { x: topLeft.x + c.offset.x, y: topLeft.y + c.offset.y }, c.size ?? DEFAULT_NOTE_SIZE));
      if (landing.length === 0) return [];
      return step(() =>
        landing.map((c, i) =>
          addNote(doc, {
            boardId,
            // Later copies stack in front, in the order they were copied.
            now: now + i,
            pos: { x: topLeft.x + c.offset.x, y: topLeft.y + c.offset.y },
            text: c.text,
            colour: c.colour,
            size: c.size,
            level: c.level,
            actor: c.actor,
            authorId: me.deviceId,
            authorName: me.name,
            private: isPrivate,
          }),
        ),
      );
    },
    arrangeNotesInGrid(noteIds) {
      const rects = noteIds.flatMap((id) => {
        const note = getNote(doc, id);
        return note && note.deletedAt === null ? [{ id, x: note.pos.x, y: note.pos.y, w: note.size.w, h: note.size.h }] : [];
      });
      const grid = arrangeInGrid(rects);
      return moveNotes([...grid].map(([noteId, pos]) => ({ noteId, pos })));
    },
  };
}
