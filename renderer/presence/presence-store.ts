import { createStore, type StoreApi } from 'zustand/vanilla';
import { readPresence, type Presence, type PresenceLead } from './presence-state';
import { afterNextPaint } from '../ui/next-task';
import { realClock, type Clock } from './throttle';

/** What the awareness store needs from y-protocols' Awareness (tests pass the real one). */
export interface AwarenessSource {
  clientID: number;
  getStates(): Map<number, unknown>;
  on(event: 'change', handler: (changes: AwarenessChanges, origin: unknown) => void): void;
  off(event: 'change', handler: (changes: AwarenessChanges, origin: unknown) => void): void;
}

export interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

export interface Person {
  clientId: number;
  name: string;
  colour: string;
  self: boolean;
  device: string | null;
  lead: PresenceLead | null;
}

export interface RemoteCursor {
  clientId: number;
  name: string;
  colour: string;
  boardId: string;
  x: number;
  y: number;
  /** No movement for IDLE_MS: shown faded out. */
  idle: boolean;
}

export interface NoteMark {
  clientId: number;
  name: string;
  colour: string;
  kind: 'editing' | 'selected';
  /** Where an editor's caret is in the note (presence-state.ts `caret`), when they share it. */
  caret?: number[];
}

export interface PresenceView {
  people: Person[];
  cursors: RemoteCursor[];
  /** Other people's marks by note id; editors first. A note's array keeps its identity until it changes. */
  noteMarks: Readonly<Record<string, NoteMark[]>>;
}

export const IDLE_MS = 10_000;
/** More peers than a room ever holds; beyond this a (misbehaving) crowd is not drawn at all. */
export const MAX_PEOPLE = 200;

/** When a store applies what changed in the awareness (tests: at once). */
export type Schedule = (work: () => void) => void;

const immediately: Schedule = (work) => work();

/**
 * In a browser, once per frame, after it is painted: twenty people in a room send a stream of
 * presence (caret, selection, cursor), and reading and drawing each message as it came took a
 * receiving page's time from the edits themselves. An edit's words are painted first; whatever
 * presence arrived meanwhile is applied together, one render for all of it.
 */
const perFrame: Schedule = typeof requestAnimationFrame === 'function' ? afterNextPaint : immediately;

export interface PresenceStore extends StoreApi<PresenceView> {
  /** Subscribes to the awareness and returns the function that stops it (for a React effect). */
  connect(): () => void;
}

const EMPTY_MARKS: Readonly<Record<string, NoteMark[]>> = Object.freeze({});

function sameArray<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameLead(a: PresenceLead | null, b: PresenceLead | null): boolean {
  return a === b || (!!a && !!b && a.id === b.id && a.boardId === b.boardId && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h);
}

function samePerson(a: Person, b: Person): boolean {
  return a.clientId === b.clientId && a.name === b.name && a.colour === b.colour && a.self === b.self && a.device === b.device && sameLead(a.lead, b.lead);
}

function sameCursor(a: RemoteCursor, b: RemoteCursor): boolean {
  return a.clientId === b.clientId && a.name === b.name && a.colour === b.colour && a.boardId === b.boardId && a.x === b.x && a.y === b.y && a.idle === b.idle;
}

function sameMark(a: NoteMark, b: NoteMark): boolean {
  return (
    a.clientId === b.clientId && a.name === b.name && a.colour === b.colour && a.kind === b.kind &&
    (a.caret ?? []).length === (b.caret ?? []).length && (a.caret ?? []).every((v, i) => v === b.caret?.[i])
  );
}

/** Keeps the previous objects wherever nothing changed, so React selectors see the same identities. */
function reuse<T>(prev: readonly T[], next: T[], same: (a: T, b: T) => boolean): T[] {
  const byIndex = next.map((item, i) => (prev[i] !== undefined && same(prev[i], item) ? prev[i] : item));
  return sameArray(prev, byIndex) ? (prev as T[]) : byIndex;
}

/**
 * One subscription to a session's awareness per board view: remote states are validated once
 * here and split into slices (people, cursors, note marks) so that a cursor moving re-renders
 * only the cursor layer, and a note re-renders only when its own marks change.
 */
export function createPresenceStore(awareness: AwarenessSource, clock: Clock = realClock, idleMs = IDLE_MS, schedule: Schedule = perFrame): PresenceStore {
  const store = createStore<PresenceView>(() => ({ people: [], cursors: [], noteMarks: EMPTY_MARKS }));
  const states = new Map<number, Presence>();
  const idleTimers = new Map<number, unknown>();
  const idle = new Set<number>();

  const stopIdleTimer = (id: number) => {
    const timer = idleTimers.get(id);
    if (timer !== undefined) clock.clearTimeout(timer);
    idleTimers.delete(id);
  };

  const read = (id: number) => {
    const before = states.get(id);
    const after = readPresence(id, awareness.getStates().get(id));
    if (!after) {
      states.delete(id);
      stopIdleTimer(id);
      idle.delete(id);
      return;
    }
    states.set(id, after);
    if (id === awareness.clientID) return;
    const a = before?.cursor;
    const b = after.cursor;
    const moved = b !== null && (!a || a.boardId !== b.boardId || a.x !== b.x || a.y !== b.y);
    if (b === null) {
      stopIdleTimer(id);
      idle.delete(id);
    } else if (moved) {
      idle.delete(id);
      stopIdleTimer(id);
      idleTimers.set(
        id,
        clock.setTimeout(() => {
          idleTimers.delete(id);
          idle.add(id);
          rebuild();
        }, idleMs),
      );
    }
  };

  const rebuild = () => {
    const selfId = awareness.clientID;
    const self = states.get(selfId);
    const crowd = [...states.values()].filter((p) => p.clientId !== selfId).sort((a, b) => a.clientId - b.clientId);
    const all = [...(self ? [self] : []), ...crowd.slice(0, MAX_PEOPLE - 1)];
    const people: Person[] = all
      .map((p) => ({ clientId: p.clientId, name: p.name, colour: p.colour, self: p.clientId === selfId, device: p.device, lead: p.lead }))
      .sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
    const others = all.filter((p) => p.clientId !== selfId);
    const cursors: RemoteCursor[] = others.flatMap((p) =>
      p.cursor ? [{ clientId: p.clientId, name: p.name, colour: p.colour, ...p.cursor, idle: idle.has(p.clientId) }] : [],
    );
    const marks = new Map<string, NoteMark[]>();
    const mark = (noteId: string, m: NoteMark) => {
      const list = marks.get(noteId) ?? [];
      list.push(m);
      marks.set(noteId, list);
    };
    for (const p of others) {
      if (p.editing) {
        const caret = p.caret?.noteId === p.editing ? p.caret.at : undefined;
        mark(p.editing, { clientId: p.clientId, name: p.name, colour: p.colour, kind: 'editing', ...(caret ? { caret } : {}) });
      }
      if (p.selected && p.selected !== p.editing) mark(p.selected, { clientId: p.clientId, name: p.name, colour: p.colour, kind: 'selected' });
    }

    const prev = store.getState();
    const nextMarks: Record<string, NoteMark[]> = {};
    let marksChanged = Object.keys(prev.noteMarks).length !== marks.size;
    for (const [noteId, list] of marks) {
      list.sort((a, b) => (a.kind === b.kind ? a.clientId - b.clientId : a.kind === 'editing' ? -1 : 1));
      const kept = reuse(prev.noteMarks[noteId] ?? [], list, sameMark);
      if (kept !== prev.noteMarks[noteId]) marksChanged = true;
      nextMarks[noteId] = kept;
    }
    const next: PresenceView = {
      people: reuse(prev.people, people, samePerson),
      cursors: reuse(prev.cursors, cursors, sameCursor),
      noteMarks: marksChanged ? (marks.size ? nextMarks : EMPTY_MARKS) : prev.noteMarks,
    };
    if (next.people !== prev.people || next.cursors !== prev.cursors || next.noteMarks !== prev.noteMarks) store.setState(next, true);
  };

  /** Clients whose state changed since the last rebuild; null while none is waiting. */
  let changed: Set<number> | null = null;
  const apply = () => {
    const ids = changed;
    changed = null;
    // Nothing waiting: already applied, or the store disconnected (which drops what waited).
    if (!ids) return;
    for (const id of ids) read(id);
    rebuild();
  };
  const onChange = ({ added, updated, removed }: AwarenessChanges) => {
    const waiting = changed !== null;
    changed ??= new Set();
    for (const list of [added, updated, removed]) for (const id of list) changed.add(id);
    if (!waiting) schedule(apply);
  };

  return {
    ...store,
    connect() {
      states.clear();
      idle.clear();
      changed = null;
      for (const id of awareness.getStates().keys()) read(id);
      rebuild();
      awareness.on('change', onChange);
      return () => {
        changed = null;
        awareness.off('change', onChange);
        for (const id of [...idleTimers.keys()]) stopIdleTimer(id);
      };
    },
  };
}
