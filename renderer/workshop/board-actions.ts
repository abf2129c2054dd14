import type * as Y from 'yjs';
import { deleteBoard, getBoard, listBoards, moveBoard, renameBoard, restoreBoard } from '../../shared/model';
import type { Action, Target } from '../../shared/model/policy';
import { addBoardFromTemplate, duplicateBoard, shareTemplate, templateFromBoard, type Template } from '../../shared/templates';
import type { Clock } from './clock';

/** The session's boards: made from templates, renamed, copied, reordered, deleted (a tombstone). */
export interface BoardActions {
  /** A board from a template, its words in `language` (the session's); null when refused. */
  addBoardFromTemplate(template: Template, language: string): string | null;
  renameBoard(boardId: string, title: string): boolean;
  duplicateBoard(boardId: string, title: string): string | null;
  /** To position `toIndex` among the live boards. */
  moveBoard(boardId: string, toIndex: number): boolean;
  deleteBoard(boardId: string): boolean;
  restoreBoard(boardId: string): boolean;
  /** The facilitator's: this board's zones as a template in the session (returned for the device's own list). */
  saveBoardAsTemplate(boardId: string, title: string, description: string): Template | null;
}

interface Context {
  doc: Y.Doc;
  clock: Clock;
  allowed: (action: Action, target: Target) => boolean;
  step: <T>(edit: () => T) => T;
}

export function createBoardActions({ doc, clock, allowed, step }: Context): BoardActions {
  return {
    addBoardFromTemplate(template, language) {
      if (!allowed('addBoard', {})) return null;
      return step(() => addBoardFromTemplate(doc, template, { language, now: clock.now() }));
    },
    renameBoard(boardId, title) {
      if (!title.trim() || !allowed('editBoard', { boardId })) return false;
      step(() => renameBoard(doc, boardId, title));
      return true;
    },
    duplicateBoard(boardId, title) {
      if (!allowed('addBoard', {}) || !getBoard(doc, boardId)) return null;
      return step(() => duplicateBoard(doc, boardId, { title, now: clock.now() }));
    },
    moveBoard(boardId, toIndex) {
      if (!allowed('editBoard', { boardId })) return false;
      const from = listBoards(doc).findIndex((b) => b.id === boardId);
      if (from < 0 || from === toIndex) return false;
      step(() => moveBoard(doc, boardId, toIndex));
      return true;
    },
    deleteBoard(boardId) {
      // The last board stays: a session always has somewhere to put notes.
      if (!allowed('editBoard', { boardId }) || listBoards(doc).length <= 1) return false;
      step(() => deleteBoard(doc, boardId, clock.now()));
      return true;
    },
    restoreBoard(boardId) {
      if (!allowed('restoreBoard', { boardId })) return false;
      step(() => restoreBoard(doc, boardId));
      return true;
    },
    saveBoardAsTemplate(boardId, title, description) {
      if (!allowed('editZones', { boardId })) return null;
      const template = templateFromBoard(doc, boardId, title, description);
      if (!template) return null;
      step(() => shareTemplate(doc, template));
      return template;
    },
  };
}
