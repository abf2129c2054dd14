import type * as Y from 'yjs';
import {
  addAgendaItem,
  addFacilitator,
  deleteAgendaItem,
  finishAgendaItem,
  getAgendaItem,
  getNote,
  getZone,
  listNotes,
  moveAgendaItem,
  removeFacilitator,
  restoreAgendaItem,
  revealNote,
  setBoardPrivate,
  setCursorsHidden,
  setZoneLocked,
  startAgendaItem,
  startTimer,
  updateAgendaItem,
} from '../../shared/model';
import type { Action, Target } from '../../shared/model/policy';
import type { Clock } from './clock';

/**
 * The facilitator's room controls: private brainstorm and its reveal, zone locks, cursors, co-
 * facilitators and the agenda. Each asks the policy first and is one undo step.
 */
export interface FacilitationActions {
  setPrivateBrainstorm(boardId: string, on: boolean): boolean;
  /** Shows every private note of the board to everyone; returns how many were revealed. */
  revealNotes(boardId: string): number;
  revealNote(noteId: string): boolean;
  lockZone(zoneId: string, locked: boolean): boolean;
  hideCursors(hidden: boolean): boolean;
  makeFacilitator(deviceId: string, name: string): boolean;
  removeFacilitator(deviceId: string): boolean;
  addActivity(init: { title: string; minutes: number; boardId: string | null }): string | null;
  updateActivity(id: string, patch: { title?: string; minutes?: number; boardId?: string | null }): boolean;
  /** Starts the activity and, when it has planned minutes, the timer with them. */
  startActivity(id: string): boolean;
  finishActivity(id: string): boolean;
  moveActivity(id: string, toIndex: number): boolean;
  deleteActivity(id: string): boolean;
  restoreActivity(id: string): boolean;
}

interface Context {
  doc: Y.Doc;
  me: { deviceId: string };
  clock: Clock;
  allowed: (action: Action, target: Target) => boolean;
  step: <T>(edit: () => T) => T;
}

export function createFacilitationActions({ doc, me, clock, allowed, step }: Context): FacilitationActions {
  const agenda = <T>(edit: () => T): T | false => (allowed('editAgenda', {}) ? step(edit) : false);
  return {
    setPrivateBrainstorm: (boardId, on) => allowed('editSettings', { boardId }) && step(() => setBoardPrivate(doc, me.deviceId, boardId, on)),
    revealNotes(boardId) {
      if (!allowed('reveal', { boardId })) return 0;
      const hidden = listNotes(doc, boardId).filter((n) => n.private);
      if (hidden.length === 0) return 0;
      step(() => hidden.forEach((n) => revealNote(doc, n.id)));
      return hidden.length;
    },
    revealNote(noteId) {
      const note = getNote(doc, noteId);
      if (!note?.private || !allowed('reveal', { noteId })) return false;
      return step(() => revealNote(doc, noteId));
    },
    lockZone(zoneId, locked) {
      const zone = getZone(doc, zoneId);
      return !!zone && allowed('editSettings', { boardId: zone.boardId }) && step(() => setZoneLocked(doc, me.deviceId, zoneId, locked));
    },
    hideCursors: (hidden) => allowed('editSettings', {}) && step(() => setCursorsHidden(doc, me.deviceId, hidden)),
    makeFacilitator: (deviceId, name) =>
      allowed('manageFacilitators', {}) && step(() => addFacilitator(doc, me.deviceId, { clientId: deviceId, name, now: clock.now() })),
    // Nobody takes the role from themselves by accident: the last facilitator stays (facilitators.ts).
    removeFacilitator: (deviceId) => allowed('manageFacilitators', {}) && step(() => removeFacilitator(doc, me.deviceId, deviceId, clock.now())),
    addActivity(init) {
      const id = agenda(() => addAgendaItem(doc, init));
      return id === false ? null : id;
    },
    updateActivity: (id, patch) => agenda(() => (updateAgendaItem(doc, id, patch), true)) === true,
    startActivity(id) {
      const item = getAgendaItem(doc, id);
      if (!item) return false;
      return (
        agenda(() => {
          const now = clock.now();
          startAgendaItem(doc, id, now);
          if (item.minutes > 0 && allowed('startTimer', {})) startTimer(doc, me.deviceId, item.minutes * 60_000, now);
          return true;
        }) === true
      );
    },
    finishActivity: (id) => agenda(() => finishAgendaItem(doc, id, clock.now())) === true,
    moveActivity: (id, toIndex) => agenda(() => (moveAgendaItem(doc, id, toIndex), true)) === true,
    deleteActivity: (id) => agenda(() => (deleteAgendaItem(doc, id, clock.now()), true)) === true,
    restoreActivity: (id) => agenda(() => (restoreAgendaItem(doc, id), true)) === true,
  };
}
