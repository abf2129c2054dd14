import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { listZones, observeRoots, type Rect } from '../../shared/model';
import type { NoteIndex } from './note-index';
import { useNoteIndex, type NoteIndexStore } from './use-visible-notes';
import { useBoardUi, type Viewport } from '../state/board-ui';
import { boundsOf, visibleWorldRect, type VisibleArea } from './view-geometry';

const MAP_W = 176;
const MAP_H = 118;
/** The map's fill per note colour: the notes' own colours, a shade deeper so a dot reads as a note. */
const FILL: Record<string, string> = {
  yellow: '#f2d94e',
  orange: '#f5a85a',
  pink: '#f08fae',
  purple: '#b79cf0',
  blue: '#7fb8ef',
  green: '#82cf8d',
};

interface Props {
  doc: Y.Doc;
  boardId: string;
  /** The board's notes as the culling index holds them (rectangles, colours, bounds). */
  indexStore: NoteIndexStore;
  viewport: Viewport;
  area: VisibleArea;
  onMove: (view: Viewport) => void;
}

const sameRect = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

/** World → map pixels, for a world box fitted into the map with the board's aspect kept. */
function mapping(world: Rect) {
  const scale = Math.min(MAP_W / world.w, MAP_H / world.h);
  const ox = (MAP_W - world.w * scale) / 2 - world.x * scale;
  const oy = (MAP_H - world.h * scale) / 2 - world.y * scale;
  return { scale, ox, oy };
}

/**
 * The small map in the board's corner, as in Miro and Figma: every note as a dot, the part on
 * screen as a frame; pressing or dragging on the map moves the view there. It appears by itself
 * when notes lie outside the view (and can be hidden); keyboard users have Zoom to fit and the
 * arrow keys for the same. Drawn on a canvas: a 5,000-note board is 5,000 rectangles.
 */
export function OverviewMap({ doc, boardId, indexStore, viewport, area, onMove }: Props) {
  const index = useNoteIndex(indexStore);
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const choice = useBoardUi((s) => s.overviewHidden);
  // A phone's board is too small to give a corner away unasked.
  const hidden = choice ?? area.width < 600;
  const [needed, setNeeded] = useState(false);
  const latest = useRef({ viewport, area });
  latest.current = { viewport, area };
  const frame = useRef<{ world: Rect } | null>(null);
  const [redraw, setRedraw] = useState(0);

  // Notes come with the index (a new index after they change); zones are read here.
  useEffect(() => observeRoots(doc, ['zones'], () => setRedraw((n) => n + 1)), [doc]);
  const zones = useMemo(() => listZones(doc, boardId), [doc, boardId, redraw]);
  /** The notes drawn once per change of the board, not per frame of a pan: blitted below. */
  const dots = useRef<{ canvas: HTMLCanvasElement; world: Rect; index: NoteIndex } | null>(null);

  useEffect(() => {
    const id = requestAnimationFrame(() => {
      const { viewport: view, area: seen } = latest.current;
      if (seen.width === 0) return;
      const content = boundsOf([...(index.bounds ? [index.bounds] : []), ...zones.map((z) => z.rect)]);
      const visible = visibleWorldRect(view, seen);
      const outside =
        content !== null &&
        (content.x < visible.x || content.y < visible.y || content.x + content.w > visible.x + visible.w || content.y + content.h > visible.y + visible.h);
      setNeeded(outside);
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx || !content) return;
      const world = boundsOf([content, visible])!;
      const pad = Math.max(world.w, world.h) * 0.04;
      const padded = { x: world.x - pad, y: world.y - pad, w: world.w + 2 * pad, h: world.h + 2 * pad };
      frame.current = { world: padded };
      const dpr = window.devicePixelRatio || 1;
      if (canvas.width !== MAP_W * dpr) {
        canvas.width = MAP_W * dpr;
        canvas.height = MAP_H * dpr;
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, MAP_W, MAP_H);
      const { scale, ox, oy } = mapping(padded);
      ctx.strokeStyle = '#9fb3ae';
      ctx.lineWidth = 1;
      for (const z of zones) ctx.strokeRect(ox + z.rect.x * scale, oy + z.rect.y * scale, z.rect.w * scale, z.rect.h * scale);
      // The dots, from a cache made for this map frame and these notes.
      const cached = dots.current;
      if (!cached || cached.index !== index || !sameRect(cached.world, padded)) {
        const layer = cached?.canvas ?? document.createElement('canvas');
        layer.width = MAP_W * dpr;
        layer.height = MAP_H * dpr;
        const dc = layer.getContext('2d')!;
        dc.setTransform(dpr, 0, 0, dpr, 0, 0);
        dc.clearRect(0, 0, MAP_W, MAP_H);
        for (const n of index.notes) {
          dc.fillStyle = FILL[n.colour] ?? FILL.yellow!;
          dc.fillRect(ox + n.rect.x * scale, oy + n.rect.y * scale, Math.max(1.5, n.rect.w * scale), Math.max(1.5, n.rect.h * scale));
        }
        dots.current = { canvas: layer, world: padded, index };
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(dots.current!.canvas, 0, 0);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.strokeStyle = '#0f4c4a';
      ctx.lineWidth = 1.5;
      ctx.strokeRect(ox + visible.x * scale, oy + visible.y * scale, visible.w * scale, visible.h * scale);
    });
    return () => cancelAnimationFrame(id);
  }, [index, zones, viewport, area, hidden, needed]);

  const moveTo = (event: PointerEvent<HTMLCanvasElement>) => {
    const f = frame.current;
    if (!f) return;
    const r = event.currentTarget.getBoundingClientRect();
    const { scale, ox, oy } = mapping(f.world);
    const wx = (event.clientX - r.left - ox) / scale;
    const wy = (event.clientY - r.top - oy) / scale;
    const { viewport: view, area: seen } = latest.current;
    onMove({ ...view, x: seen.width / 2 - wx * view.zoom, y: seen.top + (seen.height - seen.top) / 2 - wy * view.zoom });
  };

  if (!needed) return null;
  return (
    <div className={`overview${hidden ? ' folded' : ''}`}>
      <button
        type="button"
        className="button overview-toggle"
        aria-expanded={!hidden}
        onClick={() => useBoardUi.setState({ overviewHidden: !hidden })}
      >
        {hidden ? t('view.showOverview') : t('view.hideOverview')}
      </button>
      {!hidden && (
        <canvas
          ref={canvasRef}
          className="overview-map"
          role="img"
          aria-label={t('view.overview')}
          style={{ width: MAP_W, height: MAP_H }}
          onPointerDown={(event) => {
            event.currentTarget.setPointerCapture(event.pointerId);
            moveTo(event);
          }}
          onPointerMove={(event) => {
            if (event.currentTarget.hasPointerCapture(event.pointerId)) moveTo(event);
          }}
        />
      )}
    </div>
  );
}
