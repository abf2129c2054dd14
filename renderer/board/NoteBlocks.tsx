import { useLayoutEffect, useRef } from 'react';
import { useBoardUi, type Viewport } from '../state/board-ui';
import type { NoteIndex } from './note-index';
import { matchesTagFilter } from './tag-filter';

/**
 * Zoomed out (below DETAIL_ZOOM) the board is a map: every note in view is a coloured block drawn
 * on one canvas — thousands of notes cost one draw call each per frame and no DOM, as in
 * Excalidraw. A press on a block selects that note, which then comes back as a full note on top
 * (and can be dragged, edited, tagged). The tag filter applies as on the notes: other notes fade
 * or, with "Hide other notes", are not drawn.
 */
export function NoteBlocks({ index, viewport, size, skip }: { index: NoteIndex; viewport: Viewport; size: { width: number; height: number }; skip: readonly string[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  // Read from the stylesheet once: getComputedStyle on every frame would force a style recalc.
  const colours = useRef(new Map<string, string>());
  const tagFilter = useBoardUi((s) => s.tagFilter);
  const filterOnly = useBoardUi((s) => s.filterOnly);
  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    const w = Math.round(size.width * ratio);
    const h = Math.round(size.height * ratio);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size.width, size.height);
    ctx.setTransform(ratio * viewport.zoom, 0, 0, ratio * viewport.zoom, ratio * viewport.x, ratio * viewport.y);
    const seen = { x: -viewport.x / viewport.zoom, y: -viewport.y / viewport.zoom, w: size.width / viewport.zoom, h: size.height / viewport.zoom };
    const fill = colours.current;
    const mounted = new Set(skip);
    const edge = 1 / viewport.zoom;
    for (const note of index.within(seen)) {
      if (mounted.has(note.id)) continue;
      const matches = matchesTagFilter(note, tagFilter);
      if (!matches && filterOnly) continue;
      let colour = fill.get(note.colour);
      if (!colour) fill.set(note.colour, (colour = getComputedStyle(canvas).getPropertyValue(`--note-${note.colour}`).trim() || '#fff1a8'));
      ctx.globalAlpha = matches ? 1 : 0.3;
      ctx.fillStyle = colour;
      ctx.fillRect(note.rect.x, note.rect.y, note.rect.w, note.rect.h);
      ctx.strokeStyle = 'rgba(0, 0, 0, 0.18)';
      ctx.lineWidth = edge;
      ctx.strokeRect(note.rect.x, note.rect.y, note.rect.w, note.rect.h);
    }
    ctx.globalAlpha = 1;
  }, [index, viewport, size, skip, tagFilter, filterOnly]);
  // Drawn over the zones (their fill would veil the blocks) and under nothing that takes a press:
  // pointer events pass through to the board, which picks the block under the pointer.
  return <canvas ref={ref} className="note-blocks" aria-hidden="true" style={{ width: size.width, height: size.height }} />;
}
