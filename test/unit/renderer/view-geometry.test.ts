import { describe, expect, it } from 'vitest';
import { fitViewport, revealRect, visibleWorldRect } from '../../../renderer/board/view-geometry';

const area = { width: 1000, height: 700, top: 100 };

describe('the visible part of the board', () => {
  it('leaves out the toolbar strip and follows pan and zoom', () => {
    expect(visibleWorldRect({ x: 0, y: 0, zoom: 1 }, area)).toEqual({ x: 0, y: 100, w: 1000, h: 600 });
    expect(visibleWorldRect({ x: -200, y: 100, zoom: 2 }, area)).toEqual({ x: 100, y: 0, w: 500, h: 300 });
  });
});

describe('zoom to fit', () => {
  it('shows the whole content centred below the toolbar', () => {
    const bounds = { x: 2000, y: -500, w: 4000, h: 1000 };
    const view = fitViewport(bounds, area);
    const seen = visibleWorldRect(view, area);
    expect(seen.x).toBeLessThanOrEqual(bounds.x);
    expect(seen.y).toBeLessThanOrEqual(bounds.y);
    expect(seen.x + seen.w).toBeGreaterThanOrEqual(bounds.x + bounds.w);
    expect(seen.y + seen.h).toBeGreaterThanOrEqual(bounds.y + bounds.h);
    expect(seen.x + seen.w / 2).toBeCloseTo(bounds.x + bounds.w / 2);
  });

  it('never zooms a single note up past 100 %', () => {
    expect(fitViewport({ x: 0, y: 0, w: 200, h: 200 }, area).zoom).toBe(1);
  });
});

describe('revealing a note', () => {
  it('moves the view the least it must, and not at all for a note already in view', () => {
    const view = { x: 0, y: 0, zoom: 1 };
    expect(revealRect(view, { x: 100, y: 200, w: 200, h: 200 }, area)).toBe(view);
    const moved = revealRect(view, { x: 1100, y: 200, w: 200, h: 200 }, area);
    expect(moved.y).toBe(0);
    const seen = visibleWorldRect(moved, area);
    expect(seen.x + seen.w).toBeGreaterThanOrEqual(1300);
    expect(seen.x + seen.w).toBeLessThanOrEqual(1300 + 30);
  });
});
