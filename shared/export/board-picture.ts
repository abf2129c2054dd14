import type { BoardContent } from '../model';
import type { NoteColour } from '../model';

/** Paper colours of the notes, as on screen (renderer/styles.css --note-*). */
export const NOTE_FILL: Record<NoteColour, string> = {
  yellow: '#fff1a8',
  orange: '#ffd3a3',
  pink: '#ffc9d9',
  purple: '#e0d1ff',
  blue: '#c6e3ff',
  green: '#caf0cf',
};

export interface PictureBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface BoardPicture {
  /** Picture size in px; world px × scale, plus a margin. */
  width: number;
  height: number;
  scale: number;
  zones: (PictureBox & { label: string })[];
  notes: (PictureBox & { text: string; fill: string; author: string })[];
}

const MARGIN = 40;

/**
 * What a picture of a board holds and where, in picture px: every zone and every revealed note,
 * scaled so the longer side is at most `maxSide` (and never enlarged). The PNG export draws it on a
 * canvas; a PDF can draw the same boxes.
 */
export function boardPicture(content: BoardContent, maxSide = 3200): BoardPicture {
  const notes = content.notes.filter((n) => !n.private);
  const boxes = [...content.zones.map((z) => z.rect), ...notes.map((n) => ({ x: n.pos.x, y: n.pos.y, w: n.size.w, h: n.size.h }))];
  if (boxes.length === 0) return { width: 2 * MARGIN, height: 2 * MARGIN, scale: 1, zones: [], notes: [] };
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.w));
  const maxY = Math.max(...boxes.map((b) => b.y + b.h));
  const scale = Math.min(1, (maxSide - 2 * MARGIN) / Math.max(maxX - minX, maxY - minY, 1));
  const place = (b: PictureBox): PictureBox => ({ x: MARGIN + (b.x - minX) * scale, y: MARGIN + (b.y - minY) * scale, w: b.w * scale, h: b.h * scale });
  return {
    width: Math.ceil(2 * MARGIN + (maxX - minX) * scale),
    height: Math.ceil(2 * MARGIN + (maxY - minY) * scale),
    scale,
    zones: content.zones.map((z) => ({ ...place(z.rect), label: z.label })),
    notes: notes.map((n) => ({ ...place({ x: n.pos.x, y: n.pos.y, w: n.size.w, h: n.size.h }), text: n.text, fill: NOTE_FILL[n.colour], author: n.authorName })),
  };
}
