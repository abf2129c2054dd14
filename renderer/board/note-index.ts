import Flatbush from 'flatbush';
import type { Note, Rect } from '../../shared/model';

/** What the index keeps of a note: its rectangle, and what a block drawing of it needs. */
export interface IndexedNote {
  id: string;
  rect: Rect;
  colour: Note['colour'];
  level: Note['level'];
  actor: Note['actor'];
}

/**
 * Where a board's notes are, for culling: a Flatbush (static, packed R-tree) over their rectangles,
 * rebuilt only when asked after something moved — building one over 5,000 notes takes about a
 * millisecond, less than walking them to test each against the view.
 */
export class NoteIndex {
  readonly notes: readonly IndexedNote[];
  /** The box around every note (world px), null for an empty board. */
  readonly bounds: Rect | null = null;
  private tree: Flatbush | null = null;

  /** `notes` in stacking order (back to front). */
  constructor(notes: readonly IndexedNote[]) {
    this.notes = notes;
    if (notes.length === 0) return;
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const { rect } of notes) {
      minX = Math.min(minX, rect.x);
      minY = Math.min(minY, rect.y);
      maxX = Math.max(maxX, rect.x + rect.w);
      maxY = Math.max(maxY, rect.y + rect.h);
    }
    this.bounds = { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
    this.tree = new Flatbush(notes.length);
    for (const { rect } of notes) this.tree.add(rect.x, rect.y, rect.x + rect.w, rect.y + rect.h);
    this.tree.finish();
  }

  /** The notes that touch `rect` (world px), back to front. */
  within(rect: Rect): IndexedNote[] {
    if (!this.tree) return [];
    return this.tree
      .search(rect.x, rect.y, rect.x + rect.w, rect.y + rect.h)
      .sort((a, b) => a - b)
      .map((i) => this.notes[i]!);
  }

  /** Ids of the notes that touch `rect` (world px). */
  search(rect: Rect): Set<string> {
    return new Set(this.within(rect).map((n) => n.id));
  }

  /** The front-most note under a world point. */
  at(point: { x: number; y: number }): IndexedNote | null {
    return this.within({ x: point.x, y: point.y, w: 0, h: 0 }).at(-1) ?? null;
  }
}

/**
 * The world rectangle to mount notes for: what is seen plus half a screen on every side, snapped
 * to a grid of half a screen — so a pan of a few pixels leaves it (and the mounted notes) as they
 * were, and a fast pan finds the next notes already there.
 */
export function cullRect(view: { x: number; y: number; zoom: number }, area: { width: number; height: number }): Rect & { key: string } {
  const w = Math.max(1, area.width) / view.zoom;
  const h = Math.max(1, area.height) / view.zoom;
  const stepX = w / 2;
  const stepY = h / 2;
  const left = Math.floor(-view.x / view.zoom / stepX) * stepX - stepX;
  const top = Math.floor(-view.y / view.zoom / stepY) * stepY - stepY;
  const rect = { x: left, y: top, w: w + 3 * stepX, h: h + 3 * stepY };
  return { ...rect, key: `${view.zoom}|${rect.x}|${rect.y}` };
}

/** Exactly what is seen (world px): the notes a person looks at when a board opens. */
export function seenRect(view: { x: number; y: number; zoom: number }, area: { width: number; height: number }): Rect & { key: string } {
  const rect = { x: -view.x / view.zoom, y: -view.y / view.zoom, w: Math.max(1, area.width) / view.zoom, h: Math.max(1, area.height) / view.zoom };
  return { ...rect, key: `seen|${view.zoom}|${rect.x}|${rect.y}|${rect.w}|${rect.h}` };
}
