import type { BoardPicture } from '../../shared/export';

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";

/** Lines of `text` that fit `width` at the context's font, at most `maxLines` (the last one ends in …). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    // A word wider than the note is cut where it meets the edge, as the note on screen wraps it.
    const words = paragraph.split(/\s+/).filter(Boolean).flatMap((word) => {
      if (ctx.measureText(word).width <= width) return [word];
      const parts: string[] = [];
      let part = '';
      for (const ch of Array.from(word)) {
        if (part && ctx.measureText(part + ch).width > width) {
          parts.push(part);
          part = '';
        }
        part += ch;
      }
      return [...parts, part];
    });
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (ctx.measureText(next).width <= width || !line) line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/\s*\S*$/, '')}…`;
  return kept;
}

/** Draws a board picture (shared/export/board-picture.ts) and returns it as PNG bytes. */
export async function renderBoardPng(picture: BoardPicture): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = picture.width;
  canvas.height = picture.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = '#f3f5f2';
  ctx.fillRect(0, 0, picture.width, picture.height);
  const s = picture.scale;
  for (const z of picture.zones) {
    ctx.fillStyle = 'rgba(255,255,255,0.6)';
    ctx.strokeStyle = '#9fb3ae';
    ctx.lineWidth = Math.max(1, 2 * s);
    ctx.beginPath();
    ctx.roundRect(z.x, z.y, z.w, z.h, 12 * s);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = '#0a3a38';
    ctx.font = `700 ${Math.max(9, 18 * s)}px ${FONT}`;
    ctx.textBaseline = 'top';
    wrap(ctx, z.label, z.w - 24 * s, 2).forEach((line, i) => ctx.fillText(line, z.x + 12 * s, z.y + 10 * s + i * 22 * s));
  }
  for (const n of picture.notes) {
    ctx.fillStyle = 'rgba(0,0,0,0.12)';
    ctx.fillRect(n.x + 2 * s, n.y + 4 * s, n.w, n.h);
    ctx.fillStyle = n.fill;
    ctx.fillRect(n.x, n.y, n.w, n.h);
    const size = Math.max(8, 17 * s);
    ctx.fillStyle = '#1d2b2a';
    ctx.font = `${size}px ${FONT}`;
    ctx.textBaseline = 'top';
    const lines = wrap(ctx, n.text.trim(), n.w - 28 * s, Math.max(1, Math.floor((n.h - 40 * s) / (size * 1.3))));
    lines.forEach((line, i) => ctx.fillText(line, n.x + 14 * s, n.y + 14 * s + i * size * 1.3));
    if (n.author) {
      ctx.fillStyle = 'rgba(0,0,0,0.7)';
      ctx.font = `${Math.max(7, 12 * s)}px ${FONT}`;
      ctx.textBaseline = 'bottom';
      ctx.fillText(n.author, n.x + 14 * s, n.y + n.h - 8 * s, n.w - 28 * s);
    }
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the picture could not be encoded');
  return new Uint8Array(await blob.arrayBuffer());
}
