import * as Y from 'yjs';
import { readBoard } from './boards';
import { boardsMap, notesMap, type RecordMap } from './doc-roots';
import { compareEntries, readNoteEntry, UNLISTED_NOTE_KEYS, type NoteEntry } from './note-entry';

/** What one transaction changed in the listing, for subscribers to decide whether to redraw. */
export interface ListingChange {
  /** Boards whose list of live notes changed in membership or order (a move brings a note to the front). */
  ordered: ReadonlySet<string>;
  /** Boards with any listed note changed (a superset of `ordered`: a resize or recolour too). */
  edited: ReadonlySet<string>;
}

interface BoardNotes {
  /** Live notes in stacking order; kept sorted by binary-search insertion and removal. */
  order: NoteEntry[];
  entries: readonly NoteEntry[] | null;
  ids: readonly string[] | null;
  /** Live notes per stored zone id and per stored cluster id (membership by note key). */
  zones: Map<string, number>;
  clusters: Map<string, Set<string>>;
  privateCount: number;
}

const EMPTY: readonly never[] = Object.freeze([]);
/** Above this many notes in one transaction, re-sorting the boards beats placing each note. */
const BULK = 64;
const NO_COUNTS: ReadonlyMap<string, number> = new Map();

/**
 * Every board's live notes in stacking order, their count and their zone and cluster tallies,
 * built once and then kept current from the notes map's own Yjs events: a transaction re-reads
 * only the notes it touched (one record each, never the text), and a note finds its place by
 * binary search. Before this, each board hook re-read and sorted the whole doc after every move.
 *
 * Same answers as the from-scratch reads it replaces (test/unit/model/note-listing.test.ts
 * checks it under random edits, remote merges and undo): `notesOn` is `listNotes` without the
 * text, `countLive` is `readSessionCounts(doc).notes`.
 */
export class NoteListing {
  private readonly doc: Y.Doc;
  private readonly read: (record: RecordMap, key: string) => NoteEntry | null;
  private readonly entries = new Map<string, NoteEntry>();
  private readonly boards = new Map<string, BoardNotes>();
  /** `listNotes` shows nothing for these: a board record that is deleted (or not a map). */
  private hidden = new Set<string>();
  /** `readSessionCounts` counts notes only on these: readable boards that are not deleted. */
  private counted = new Set<string>();
  private readonly listeners = new Set<(change: ListingChange) => void>();
  private readonly stop: () => void;

  /** `read` is the one way a note record is read, so a test can count the reads. */
  constructor(doc: Y.Doc, read: (record: RecordMap, key: string) => NoteEntry | null = readNoteEntry) {
    this.doc = doc;
    this.read = read;
    this.readBoards();
    notesMap(doc).forEach((record, key) => {
      const entry = read(record, key);
      if (!entry) return;
      this.entries.set(key, entry);
      if (!entry.deleted) this.tally(this.board(entry.boardId), entry, 1).order.push(entry);
    });
    for (const board of this.boards.values()) board.order.sort(compareEntries);

    const notes = notesMap(doc);
    const onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => this.applyNoteEvents(notes, events);
    const onBoards = () => this.applyBoardChange();
    notes.observeDeep(onNotes);
    boardsMap(doc).observeDeep(onBoards);
    this.stop = () => {
      notes.unobserveDeep(onNotes);
      boardsMap(doc).unobserveDeep(onBoards);
    };
  }

  /** Live notes of one board, back to front; the same array until that board's notes change. */
  notesOn(boardId: string): readonly NoteEntry[] {
    const board = this.boards.get(boardId);
    if (!board || this.hidden.has(boardId)) return EMPTY;
    return (board.entries ??= Object.freeze(board.order.slice()));
  }

  /** Ids of `notesOn`, the same array until the board's notes change in membership or order. */
  idsOn(boardId: string): readonly string[] {
    const board = this.boards.get(boardId);
    if (!board || this.hidden.has(boardId)) return EMPTY;
    return (board.ids ??= Object.freeze(board.order.map((e) => e.id)));
  }

  /** Any note record the listing could read, deleted or not, by its key. */
  entry(key: string): NoteEntry | undefined {
    return this.entries.get(key);
  }

  /** Live notes of the board per stored zone id (only a live zone of this board is worth asking about). */
  zoneCounts(boardId: string): ReadonlyMap<string, number> {
    return this.hidden.has(boardId) ? NO_COUNTS : (this.boards.get(boardId)?.zones ?? NO_COUNTS);
  }

  /** Live notes of the board whose stored cluster is `clusterId`, back to front. */
  clusterMembers(boardId: string, clusterId: string): NoteEntry[] {
    const keys = this.hidden.has(boardId) ? undefined : this.boards.get(boardId)?.clusters.get(clusterId);
    if (!keys) return [];
    return [...keys].map((key) => this.entries.get(key)!).sort(compareEntries);
  }

  /** Whether any live note of the board is private: if none, nobody's view of it is filtered. */
  hasPrivate(boardId: string): boolean {
    return (this.boards.get(boardId)?.privateCount ?? 0) > 0;
  }

  /** Live notes of one board, deleted board or not: what the board's size limit counts. */
  liveCount(boardId: string): number {
    return this.boards.get(boardId)?.order.length ?? 0;
  }

  /** Live notes on live boards: the Home list's count. */
  countLive(): number {
    let count = 0;
    for (const id of this.counted) count += this.boards.get(id)?.order.length ?? 0;
    return count;
  }

  /** Called after each transaction that changed a listed note or a board's visibility. */
  subscribe(listener: (change: ListingChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.stop();
    this.listeners.clear();
  }

  private board(boardId: string): BoardNotes {
    let board = this.boards.get(boardId);
    if (!board) {
      board = { order: [], entries: null, ids: null, zones: new Map(), clusters: new Map(), privateCount: 0 };
      this.boards.set(boardId, board);
    }
    return board;
  }

  /** Adds (+1) or takes away (-1) a live note's share of its board's tallies. */
  private tally(board: BoardNotes, entry: NoteEntry, sign: 1 | -1): BoardNotes {
    if (entry.zoneId !== null) {
      const n = (board.zones.get(entry.zoneId) ?? 0) + sign;
      if (n > 0) board.zones.set(entry.zoneId, n);
      else board.zones.delete(entry.zoneId);
    }
    if (entry.clusterId !== null) {
      const keys = board.clusters.get(entry.clusterId);
      if (sign > 0) board.clusters.set(entry.clusterId, (keys ?? new Set()).add(entry.key));
      else if (keys?.delete(entry.key) && keys.size === 0) board.clusters.delete(entry.clusterId);
    }
    if (entry.private) board.privateCount += sign;
    return board;
  }

  /** Where `entry` sits in (or would go into) `order`. */
  private static slot(order: readonly NoteEntry[], entry: NoteEntry): number {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareEntries(order[mid]!, entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private remove(board: BoardNotes, entry: NoteEntry): void {
    let i = NoteListing.slot(board.order, entry);
    // Found by its sort key; the key check guards against an entry that changed under us.
    if (board.order[i]?.key !== entry.key) i = board.order.findIndex((e) => e.key === entry.key);
    if (i >= 0) board.order.splice(i, 1);
    this.tally(board, entry, -1);
  }

  private insert(board: BoardNotes, entry: NoteEntry): void {
    board.order.splice(NoteListing.slot(board.order, entry), 0, entry);
    this.tally(board, entry, 1);
  }

  /** The keys a transaction touched in a way an entry can see: added, removed, or a listed field set. */
  private static touchedKeys(notes: Y.Map<RecordMap>, events: Y.YEvent<Y.AbstractType<unknown>>[]): Set<string> {
    const keys = new Set<string>();
    for (const event of events) {
      if (!(event instanceof Y.YMapEvent)) continue;
      if (event.target === notes) {
        for (const key of event.keysChanged) keys.add(key);
      } else if (event.target.parent === notes) {
        // Typing (a Y.Text event below the record) and the edit stamps never change an entry.
        if ([...event.keysChanged].some((k) => !UNLISTED_NOTE_KEYS.has(k))) {
          const key = (event.target as Y.Map<unknown>)._item?.parentSub;
          if (typeof key === 'string') keys.add(key);
        }
      }
    }
    return keys;
  }

  private applyNoteEvents(notes: Y.Map<RecordMap>, events: Y.YEvent<Y.AbstractType<unknown>>[]): void {
    const touched = NoteListing.touchedKeys(notes, events);
    if (touched.size > BULK) {
      this.applyBulk(notes, touched);
      return;
    }
    const ordered = new Set<string>();
    const edited = new Set<string>();
    for (const key of touched) {
      const before = this.entries.get(key) ?? null;
      const record = notes.get(key);
      const after = record === undefined ? null : this.read(record, key);
      if (after) this.entries.set(key, after);
      else this.entries.delete(key);
      const wasListed = before !== null && !before.deleted;
      const isListed = after !== null && !after.deleted;
      if (!wasListed && !isListed) continue;
      if (wasListed && isListed && before.boardId === after.boardId && compareEntries(before, after) === 0) {
        // Same place in the stack: swap the entry where it stands, tallies and all.
        const board = this.board(after.boardId);
        this.tally(board, before, -1);
        board.order[NoteListing.slot(board.order, after)] = after;
        this.tally(board, after, 1);
        board.entries = null;
        edited.add(after.boardId);
        continue;
      }
      for (const [entry, apply] of [
        [wasListed ? before : null, (b: BoardNotes, e: NoteEntry) => this.remove(b, e)],
        [isListed ? after : null, (b: BoardNotes, e: NoteEntry) => this.insert(b, e)],
      ] as const) {
        if (!entry) continue;
        const board = this.board(entry.boardId);
        apply(board, entry);
        board.entries = null;
        board.ids = null;
        ordered.add(entry.boardId);
        edited.add(entry.boardId);
      }
    }
    this.emit(ordered, edited);
  }

  /**
   * A first sync or a load brings thousands of notes in one transaction: placing each by binary
   * search would shift the array once per note, so the boards they touch are re-sorted once.
   */
  private applyBulk(notes: Y.Map<RecordMap>, touched: ReadonlySet<string>): void {
    const arriving = new Map<string, NoteEntry[]>();
    for (const key of touched) {
      const before = this.entries.get(key);
      const record = notes.get(key);
      const after = record === undefined ? null : this.read(record, key);
      if (after) this.entries.set(key, after);
      else this.entries.delete(key);
      if (before && !before.deleted) {
        this.tally(this.board(before.boardId), before, -1);
        if (!arriving.has(before.boardId)) arriving.set(before.boardId, []);
      }
      if (after && !after.deleted) {
        this.tally(this.board(after.boardId), after, 1);
        const list = arriving.get(after.boardId);
        if (list) list.push(after);
        else arriving.set(after.boardId, [after]);
      }
    }
    for (const [boardId, entries] of arriving) {
      const board = this.board(boardId);
      board.order = [...board.order.filter((e) => !touched.has(e.key)), ...entries].sort(compareEntries);
      board.entries = null;
      board.ids = null;
    }
    const boards = new Set(arriving.keys());
    this.emit(boards, boards);
  }

  /** Boards are few: any change to them re-reads which are hidden and which are counted. */
  private readBoards(): void {
    const hidden = new Set<string>();
    const counted = new Set<string>();
    boardsMap(this.doc).forEach((record, id) => {
      if (!(record instanceof Y.Map) || typeof record.get('deletedAt') === 'number') hidden.add(id);
      const board = record instanceof Y.Map ? readBoard(record) : null;
      if (board && board.deletedAt === null) counted.add(board.id);
    });
    this.hidden = hidden;
    this.counted = counted;
  }

  private applyBoardChange(): void {
    const was = this.hidden;
    this.readBoards();
    const flipped = new Set<string>();
    for (const id of was) if (!this.hidden.has(id)) flipped.add(id);
    for (const id of this.hidden) if (!was.has(id)) flipped.add(id);
    this.emit(flipped, flipped);
  }

  private emit(ordered: ReadonlySet<string>, edited: ReadonlySet<string>): void {
    if (edited.size === 0) return;
    for (const listener of [...this.listeners]) listener({ ordered, edited });
  }
}

const listings = new WeakMap<Y.Doc, NoteListing>();

/** The doc's one listing, built on first use and let go when the doc is destroyed. */
export function noteListing(doc: Y.Doc): NoteListing {
  let listing = listings.get(doc);
  if (!listing) {
    const made = new NoteListing(doc);
    listings.set(doc, made);
    doc.once('destroy', () => {
      made.destroy();
      if (listings.get(doc) === made) listings.delete(doc);
    });
    listing = made;
  }
  return listing;
}
