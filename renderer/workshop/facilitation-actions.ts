import type * as Y from 'yjs';
import {
  addAgendaItem,
  addFacilitator,
  deleteAgendaItem,
  finishAgendaItem,
  getAgendaItem,
  getNote,
  getZone,
  isFacilitator,
  listAgenda,
  listFacilitators,
  listNotes,
  moveAgendaItem,
  readSettings,
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
import type { DecisionSubject } from '../../shared/model';
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
  /** Appends to the decision record; call inside the step that makes the decision. */
  decide: (subject: DecisionSubject) => void;
}

export function createFacilitationActions({ doc, me, clock, allowed, step, decide }: Context): FacilitationActions {
  const agenda = <T>(edit: () => T): T | false => (allowed('editAgenda', {}) ? step(edit) : false);
  return {
    setPrivateBrainstorm: (boardId, on) => allowed('editSettings', { boardId }) && step(() => setBoardPrivate(doc, me.deviceId, boardId, on)),
    revealNotes(boardId) {
      if (!allowed('reveal', { boardId })) return 0;
      const hidden = listNotes(doc, boardId).filter((n) => n.private);
      if (hidden.length === 0) return 0;
      step(() => {
        hidden.forEach((n) => revealNote(doc, n.id));
        decide({ kind: 'notesRevealed', boardId, count: hidden.length });
      });
      return hidden.length;
    },
    revealNote(noteId) {
      const note = getNote(doc, noteId);
      if (!note?.private || !allowed('reveal', { noteId })) return false;
      return step(() => {
        const revealed = revealNote(doc, noteId);
        if (revealed) decide({ kind: 'noteRevealed', noteId });
        return revealed;
      });
    },
    lockZone(zoneId, locked) {
      const zone = getZone(doc, zoneId);
      if (!zone || !allowed('editSettings', { boardId: zone.boardId })) return false;
      return step(() => {
        const changes = readSettings(doc).lockedZoneIds.includes(zoneId) !== locked;
        const done = setZoneLocked(doc, me.deviceId, zoneId, locked);
        if (done && changes) decide({ kind: locked ? 'zoneLocked' : 'zoneUnlocked', zoneId });
        return done;
      });
    },
    hideCursors: (hidden) => allowed('editSettings', {}) && step(() => setCursorsHidden(doc, me.deviceId, hidden)),
    makeFacilitator: (deviceId, name) =>
      allowed('manageFacilitators', {}) &&
      step(() => {
        const changes = !isFacilitator(doc, deviceId);
        const done = addFacilitator(doc, me.deviceId, { clientId: deviceId, name, now: clock.now() });
        if (done && changes) decide({ kind: 'facilitatorAdded', name });
        return done;
      }),
    // Nobody takes the role from themselves by accident: the last facilitator stays (facilitators.ts).
    removeFacilitator(deviceId) {
      const name = listFacilitators(doc).find((f) => f.clientId === deviceId)?.name ?? '';
      return (
        allowed('manageFacilitators', {}) &&
        step(() => {
          const done = removeFacilitator(doc, me.deviceId, deviceId, clock.now());
          if (done) decide({ kind: 'facilitatorRemoved', name });
          return done;
        })
      );
    },
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
          const ending = listAgenda(doc).filter((a) => a.status === 'active' && a.id !== id);
          if (!startAgendaItem(doc, id, now)) return false;
          ending.forEach((a) => decide({ kind: 'activityFinished', itemId: a.id }));
          decide({ kind: 'activityStarted', itemId: id });
          if (item.minutes > 0 && allowed('startTimer', {})) startTimer(doc, me.deviceId, item.minutes * 60_000, now);
          return true;
        }) === true
      );
    },
    finishActivity: (id) =>
      agenda(() => {
        const done = finishAgendaItem(doc, id, clock.now());
        if (done) decide({ kind: 'activityFinished', itemId: id });
        return done;
      }) === true,
    moveActivity: (id, toIndex) => agenda(() => (moveAgendaItem(doc, id, toIndex), true)) === true,
    deleteActivity: (id) => agenda(() => (deleteAgendaItem(doc, id, clock.now()), true)) === true,
    restoreActivity: (id) => agenda(() => (restoreAgendaItem(doc, id), true)) === true,
  };
}
