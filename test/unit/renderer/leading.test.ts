import { describe, expect, it } from 'vitest';
import { viewportShowing, worldRectOf } from '../../../renderer/facilitation/leading';

describe('Bring everyone here: the leader’s view on another screen', () => {
  it('a follower with the same screen sees exactly the leader’s view', () => {
    const area = { width: 1200, height: 800, top: 100 };
    const view = { x: -340, y: 60, zoom: 1.5 };
    const back = viewportShowing(worldRectOf(view, area), area);
    expect(back.zoom).toBeCloseTo(1.5);
    expect(back.x).toBeCloseTo(-340);
    expect(back.y).toBeCloseTo(60);
  });

  it('a smaller screen shows the whole of the leader’s part of the board, centred', () => {
    const rect = worldRectOf({ x: 0, y: 0, zoom: 1 }, { width: 1400, height: 900, top: 0 });
    const small = { width: 700, height: 900, top: 0 };
    const view = viewportShowing(rect, small);
    expect(view.zoom).toBeCloseTo(0.5);
    // The rect's centre (700, 450) lands in the middle of the small screen.
    expect(700 * view.zoom + view.x).toBeCloseTo(350);
    expect(450 * view.zoom + view.y).toBeCloseTo(450);
  });
});
