import * as Y from 'yjs';
import { agendaMap, boardsMap, type RecordMap } from './doc-roots';
import { randomId } from './ids';
import { nextOrder, recordIn, reorderRecord, restoreRecord, tombstoneRecord } from './records';
import { clampInt, cleanLine, compareIds, oneOf, readNullableNumber, readNullableString, readNumber, readString } from './validate';
import { mutate } from './write';

/**
 * Agenda items: title, planned minutes, an optional board to open, a status.
 * Concurrency choices:
 * - every field is LWW on its own key (two people fixing the title and the minutes both win);
 * - order is fractional between neighbours, ties by id (same rule as boards);
 * - items are tombstoned, so an edit racing a delete can be restored with the item;
 * - an item may point at a board that is deleted concurrently: boards are tombstoned, so the
 *   reference stays valid, and `listAgenda` flags it (`boardMissing`) instead of hiding the item;
 * - two facilitators may start two items at once; both read as active and `currentAgendaItem`
 *   picks the first in agenda order, the same on every peer.
 */
export const AGENDA_STATUSES = ['pending', 'active', 'done'] as const;
export type AgendaStatus = (typeof AGENDA_STATUSES)[number];

export interface AgendaItem {
  id: string;
  title: string;
  minutes: number;
  boardId: string | null;
  status: AgendaStatus;
  order: number;
  deletedAt: number | null;
  /** When the activity was started and finished (session clock), null until then. */
  startedAt: number | null;
  endedAt: number | null;
}

export interface AgendaItemView extends AgendaItem {
  /** The item points at a board that is deleted or not in this doc. */
  boardMissing: boolean;
}

export const MAX_AGENDA_TITLE_LENGTH = 200;
export const MAX_AGENDA_MINUTES = 24 * 60;

export function readAgendaItem(record: unknown): AgendaItem | null {
  if (!(record instanceof Y.Map)) return null;
  const id = record.get('id');
  if (typeof id !== 'string') return null;
  const status = record.get('status');
  return {
    id,
    title: readString(record, 'title').slice(0, MAX_AGENDA_TITLE_LENGTH),
    minutes: clampInt(readNumber(record, 'minutes'), 0, MAX_AGENDA_MINUTES),
    boardId: readNullableString(record, 'boardId'),
    status: oneOf(AGENDA_STATUSES, status) ? status : 'pending',
    order: readNumber(record, 'order'),
    deletedAt: readNullableNumber(record, 'deletedAt'),
    startedAt: readNullableNumber(record, 'startedAt'),
    endedAt: readNullableNumber(record, 'endedAt'),
  };
}

function allItems(doc: Y.Doc): AgendaItem[] {
  const out: AgendaItem[] = [];
  agendaMap(doc).forEach((record) => {
    const item = readAgendaItem(record);
    if (item) out.push(item);
  });
  return out.sort((a, b) => a.order - b.order || compareIds(a.id, b.id));
}

function boardMissing(doc: Y.Doc, boardId: string | null): boolean {
  if (boardId === null) return false;
  const record = boardsMap(doc).get(boardId);
  return !(record instanceof Y.Map) || typeof record.get('deletedAt') === 'number';
}

/** The live agenda in order. */
export function listAgenda(doc: Y.Doc): AgendaItemView[] {
  return allItems(doc)
    .filter((i) => i.deletedAt === null)
    .map((i) => ({ ...i, boardMissing: boardMissing(doc, i.boardId) }));
}

export function listDeletedAgenda(doc: Y.Doc): AgendaItem[] {
  return allItems(doc).filter((i) => i.deletedAt !== null);
}

export function currentAgendaItem(doc: Y.Doc): AgendaItemView | null {
  return listAgenda(doc).find((i) => i.status === 'active') ?? null;
}

function itemRecord(doc: Y.Doc, id: string): RecordMap | null {
  return recordIn(agendaMap(doc), id);
}

export function getAgendaItem(doc: Y.Doc, id: string): AgendaItem | null {
  const item = readAgendaItem(agendaMap(doc).get(id));
  return item && item.deletedAt === null ? item : null;
}

export function addAgendaItem(doc: Y.Doc, init: { title: string; minutes: number; boardId?: string | null; id?: string }): string {
  const id = init.id ?? randomId(64);
  mutate(doc, () => {
    const record: RecordMap = new Y.Map();
    record.set('id', id);
    record.set('title', cleanLine(init.title, MAX_AGENDA_TITLE_LENGTH));
    record.set('minutes', clampInt(init.minutes, 0, MAX_AGENDA_MINUTES));
    record.set('boardId', init.boardId ?? null);
    record.set('status', 'pending');
    record.set('order', nextOrder(agendaMap(doc)));
    record.set('deletedAt', null);
    agendaMap(doc).set(id, record);
  });
  return id;
}

export function updateAgendaItem(doc: Y.Doc, id: string, patch: { title?: string; minutes?: number; boardId?: string | null }): void {
  const record = itemRecord(doc, id);
  if (!record) return;
  const changes: [string, unknown][] = [];
  if (patch.title !== undefined) changes.push(['title', cleanLine(patch.title, MAX_AGENDA_TITLE_LENGTH)]);
  if (patch.minutes !== undefined) changes.push(['minutes', clampInt(patch.minutes, 0, MAX_AGENDA_MINUTES)]);
  if (patch.boardId !== undefined) changes.push(['boardId', patch.boardId]);
  const real = changes.filter(([k, v]) => record.get(k) !== v);
  if (real.length === 0) return;
  mutate(doc, () => {
    for (const [k, v] of real) record.set(k, v);
  });
}

export function setAgendaStatus(doc: Y.Doc, id: string, status: AgendaStatus): void {
  const record = itemRecord(doc, id);
  if (!record || !oneOf(AGENDA_STATUSES, status) || record.get('status') === status) return;
  mutate(doc, () => record.set('status', status));
}

/**
 * Starts an activity: it becomes the active one (its start time kept if it ran before, so a
 * resumed activity's actual time adds up), and whatever was active is done.
 */
export function startAgendaItem(doc: Y.Doc, id: string, now: number): boolean {
  const record = itemRecord(doc, id);
  if (!record || record.get('deletedAt') != null) return false;
  mutate(doc, () => {
    for (const item of listAgenda(doc)) {
      if (item.id === id || item.status !== 'active') continue;
      const other = itemRecord(doc, item.id)!;
      other.set('status', 'done');
      other.set('endedAt', now);
    }
    record.set('status', 'active');
    if (typeof record.get('startedAt') !== 'number') record.set('startedAt', now);
    record.set('endedAt', null);
  });
  return true;
}

/** Ends the activity (done), keeping when it ended for actual-against-planned. */
export function finishAgendaItem(doc: Y.Doc, id: string, now: number): boolean {
  const record = itemRecord(doc, id);
  if (!record || record.get('status') !== 'active') return false;
  mutate(doc, () => {
    record.set('status', 'done');
    record.set('endedAt', now);
  });
  return true;
}

export interface AgendaProgress {
  /** Minutes the activity took (or has taken so far), null if never started. */
  actualMinutes: number | null;
  /** Actual minus planned, once started; positive means over time. */
  overMinutes: number | null;
}

/** Actual against planned time for one activity at `now`. */
export function agendaProgress(item: AgendaItem, now: number): AgendaProgress {
  if (item.startedAt === null) return { actualMinutes: null, overMinutes: null };
  const end = item.status === 'active' || item.endedAt === null ? now : item.endedAt;
  const actualMinutes = Math.max(0, Math.round((end - item.startedAt) / 60_000));
  return { actualMinutes, overMinutes: actualMinutes - item.minutes };
}

/** The activity to start next in an agenda: the first pending one after the active one (or the first pending). */
export function nextInAgenda<T extends AgendaItem>(items: readonly T[]): T | null {
  const current = items.findIndex((i) => i.status === 'active');
  return items.slice(current + 1).find((i) => i.status === 'pending') ?? items.find((i) => i.status === 'pending') ?? null;
}

export function nextAgendaItem(doc: Y.Doc): AgendaItemView | null {
  return nextInAgenda(listAgenda(doc));
}

export function deleteAgendaItem(doc: Y.Doc, id: string, now: number): void {
  tombstoneRecord(doc, agendaMap(doc), id, now);
}

export function restoreAgendaItem(doc: Y.Doc, id: string): void {
  restoreRecord(doc, agendaMap(doc), id);
}

/** Moves a live item to `toIndex` in the live agenda. */
export function moveAgendaItem(doc: Y.Doc, id: string, toIndex: number): void {
  reorderRecord(doc, agendaMap(doc), listAgenda(doc), id, toIndex);
}
