import type * as Y from 'yjs';
import {
  addNote,
  castVote,
  deleteNote,
  DEFAULT_NOTE_SIZE,
  getNote,
  isBoardPrivate,
  LOCAL_ORIGIN,
  moveNote,
  normaliseTitle,
  noteListing,
  notesSeenBy,
  placeNewNote,
  purgeNames,
  readSettings,
  recordDecision,
  renameSession,
  restoreNote,
  setBoardLocked,
  setNoteColour,
  setNoteText,
  resizeNote,
  spliceText,
  updateSessionMeta,
  zoneAt,
  type DecisionSubject,
  type SessionMetaPatch,
  type NoteColour,
  type NoteEntry,
  type Point,
  type Rect,
  type Size,
  type TextSplice,
} from '../../shared/model';
import { can, personIn, type Action, type Decision, type Person, type Target } from '../../shared/model/policy';
import type { Me } from '../identity/person';
import type { Clock } from './clock';
import { createBoardActions, type BoardActions } from './board-actions';
import { createTimerActions, type TimerActions } from './timer-actions';
import { createVotingActions, type VotingActions } from './voting-actions';
import { createCanvasActions, type CanvasActions } from './canvas-actions';
import { createUnstacker } from './unstack-own-notes';
import { createSelectionActions, type SelectionActions } from './selection-actions';
import { createFacilitationActions, type FacilitationActions } from './facilitation-actions';

/** Undo for this person's own edits (the session's Y.UndoManager tracks LOCAL_ORIGIN only). */
export interface WorkshopUndo {
  readonly manager: Y.UndoManager;
  undo(): void;
  redo(): void;
  /** Ends the current undo step: the next edit starts a new one. */
  stopCapturing(): void;
}

/**
 * Every change a screen can make to the session. Each one asks the policy first (false or null
 * when refused, nothing written), stamps the clock's time, runs as one transaction with the local
 * origin, and starts its own undo step — except typing, which groups by the undo manager's
 * capture timeout so a sentence is one step.
 */
export interface WorkshopActions extends SelectionActions, CanvasActions, BoardActions, TimerActions, VotingActions, FacilitationActions {
  /**
   * A note near `centre` (free space found around it), authored by this device; inside `view`
   * (world px) when that has room. Should a peer's note land on the same spot at the same moment,
   * the later of the two moves aside (unstack-own-notes.ts). `avoid`: more places to keep clear
   * (world px), such as the screen's own overlays.
   */
  addNoteNear(boardId: string, centre: Point, view?: Rect, avoid?: readonly Rect[]): string | null;
  editNoteText(noteId: string, text: string): boolean;
  /** One edit at a position in a note's text (a text field bound to the note's Y.Text). */
  spliceNoteText(noteId: string, splice: TextSplice): boolean;
  /** Typing in a note ended: the next keystroke starts a new undo step. */
  endTyping(): void;
  moveNote(noteId: string, pos: Point): boolean;
  /** Resizing is a change of the note's geometry: allowed exactly when moving it is. */
  resizeNote(noteId: string, size: Size): boolean;
  colourNote(noteId: string, colour: NoteColour): boolean;
  deleteNote(noteId: string): boolean;
  restoreNote(noteId: string): boolean;
  lockBoard(boardId: string, locked: boolean): boolean;
  renameSession(title: string): boolean;
  /** Lab, country, city (place) and workshop date: what coordinators compare sessions by. */
  updateDetails(patch: Pick<SessionMetaPatch, 'lab' | 'country' | 'place' | 'date'>): boolean;
  vote(roundId: string, noteId: string): string | null;
  /** Removes participants' names from notes and votes (privacy.ts); how many were removed, null if refused. */
  purgeNames(): number | null;
  /** The join code was changed (by the room, not the doc): the decision record says so, not the code. */
  recordCodeChanged(): boolean;
}

/** One open session as the screens see it (React context: workshop-context.ts). */
export interface Workshop {
  doc: Y.Doc;
  me: Me;
  clock: Clock;
  undo: WorkshopUndo;
  /** This device's role in the doc right now (facilitators can change while the session is open). */
  person(): Person;
  /**
   * The board's live notes this person may see (others' private notes are left out, policy.ts),
   * without their text, from the doc's NoteListing: no note is read to answer.
   */
  notesOn(boardId: string): readonly NoteEntry[];
  can(action: Action, target?: Target): Decision;
  actions: WorkshopActions;
}

export function createWorkshop(init: { doc: Y.Doc; undoManager: Y.UndoManager; me: Me; clock: Clock }): Workshop {
  const { doc, undoManager, me, clock } = init;
  const person = () => personIn(doc, me.deviceId);
  const allowed = (action: Action, target: Target) => can(doc, person(), action, target).allowed;
  /** A note may land at `pos` unless that puts it in a zone locked to this person. */
  const mayLand = (boardId: string, pos: Point, size: Size) =>
    allowed('addNote', { boardId, zoneId: zoneAt(doc, boardId, { x: pos.x + size.w / 2, y: pos.y + size.h / 2 })?.id ?? null });
  const mayMoveTo = (noteId: string, pos: Point, size?: Size) => {
    const note = getNote(doc, noteId);
    return !!note && allowed('moveNote', { noteId }) && mayLand(note.boardId, pos, size ?? note.size);
  };
  const unstacker = createUnstacker(doc);

  /** One discrete action: its own undo step, one transaction, the local origin. */
  const step = <T>(edit: () => T): T => {
    undoManager.stopCapturing();
    let result!: T;
    doc.transact(() => {
      result = edit();
    }, LOCAL_ORIGIN);
    return result;
  };

  const decide = (subject: DecisionSubject) => void recordDecision(doc, { id: me.deviceId, name: me.name }, clock.now(), subject);

  const actions: WorkshopActions = {
    ...createSelectionActions({ doc, me, clock, allowed, step, mayMoveTo, mayLand }),
    ...createFacilitationActions({ doc, me, clock, allowed, step, decide }),
    ...createCanvasActions({ doc, clock, allowed, step }),
    ...createBoardActions({ doc, clock, allowed, step }),
    ...createTimerActions({ doc, me, clock, allowed, step }),
    ...createVotingActions({ doc, me, clock, allowed, step, decide }),
    addNoteNear(boardId, centre, view, avoid = []) {
      if (!allowed('addNote', { boardId })) return null;
      const occupied = noteListing(doc).notesOn(boardId).map((n) => n.rect);
      const pos = placeNewNote(centre, DEFAULT_NOTE_SIZE, [...occupied, ...avoid], view);
      if (!mayLand(boardId, pos, DEFAULT_NOTE_SIZE)) return null;
      const isPrivate = isBoardPrivate(doc, boardId);
      const id = step(() => addNote(doc, { boardId, pos, now: clock.now(), authorId: me.deviceId, authorName: me.name, private: isPrivate }));
      unstacker.placed(id);
      return id;
    },
    editNoteText(noteId, text) {
      if (!allowed('editNote', { noteId })) return false;
      // No stopCapturing: keystrokes within the capture timeout are one undo step.
      doc.transact(() => setNoteText(doc, noteId, text, clock.now()), LOCAL_ORIGIN);
      return true;
    },
    spliceNoteText(noteId, splice) {
      if (!allowed('editNote', { noteId })) return false;
      // Grouped like editNoteText: a typed sentence is one undo step.
      let written = false;
      doc.transact(() => {
        written = spliceText(doc, noteId, splice, clock.now());
      }, LOCAL_ORIGIN);
      return written;
    },
    endTyping() {
      undoManager.stopCapturing();
    },
    moveNote(noteId, pos) {
      if (!mayMoveTo(noteId, pos)) return false;
      step(() => moveNote(doc, noteId, pos, clock.now()));
      return true;
    },
    resizeNote(noteId, size) {
      const note = getNote(doc, noteId);
      if (!note || !mayMoveTo(noteId, note.pos, size)) return false;
      step(() => resizeNote(doc, noteId, size, clock.now()));
      return true;
    },
    colourNote(noteId, colour) {
      if (!allowed('colourNote', { noteId })) return false;
      step(() => setNoteColour(doc, noteId, colour, clock.now()));
      return true;
    },
    deleteNote(noteId) {
      if (!allowed('deleteNote', { noteId })) return false;
      step(() => deleteNote(doc, noteId, clock.now()));
      return true;
    },
    restoreNote(noteId) {
      if (!allowed('restoreNote', { noteId })) return false;
      step(() => restoreNote(doc, noteId, clock.now()));
      return true;
    },
    lockBoard(boardId, locked) {
      if (!allowed('lockBoard', { boardId })) return false;
      return step(() => {
        const changes = readSettings(doc).lockedBoardIds.includes(boardId) !== locked;
        const done = setBoardLocked(doc, me.deviceId, boardId, locked);
        if (done && changes) decide({ kind: locked ? 'boardLocked' : 'boardUnlocked', boardId });
        return done;
      });
    },
    purgeNames() {
      if (!allowed('purgeNames', {})) return null;
      return purgeNames(doc);
    },
    recordCodeChanged() {
      if (!allowed('changeCode', {})) return false;
      doc.transact(() => decide({ kind: 'codeChanged' }), LOCAL_ORIGIN);
      return true;
    },
    renameSession(title) {
      if (!allowed('editSession', {}) || !normaliseTitle(title)) return false;
      step(() => renameSession(doc, title));
      return true;
    },
    updateDetails(patch) {
      if (!allowed('editSession', {})) return false;
      step(() => updateSessionMeta(doc, patch));
      return true;
    },
    vote(roundId, noteId) {
      if (!allowed('vote', { roundId, noteId })) return null;
      return step(() => castVote(doc, { roundId, noteId, voterId: me.deviceId, level: me.level, name: me.name }));
    },
  };

  return {
    doc,
    me,
    clock,
    undo: {
      manager: undoManager,
      undo: () => undoManager.undo(),
      redo: () => undoManager.redo(),
      stopCapturing: () => undoManager.stopCapturing(),
    },
    person,
    notesOn: (boardId) => notesSeenBy(doc, noteListing(doc), boardId, person()),
    can: (action, target = {}) => can(doc, person(), action, target),
    actions,
  };
}
