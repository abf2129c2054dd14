import { describe, expect, it } from 'vitest';
import { onScreen } from '../../../renderer/presence/CursorsLayer';

describe('cursor culling', () => {
  const area = { width: 1200, height: 800 };
  it('draws the cursors that can show, with room for their labels, and none far away', () => {
    const view = { x: -5000, y: -3000, zoom: 0.5 };
    // World (10000, 6000) is the top-left of the screen at this view.
    expect(onScreen({ x: 10_000, y: 6_000 }, view, area)).toBe(true);
    expect(onScreen({ x: 10_000 + 2400, y: 6_000 + 1600 }, view, area)).toBe(true); // bottom-right corner
    expect(onScreen({ x: 10_000 - 300, y: 6_000 }, view, area)).toBe(true); // just off the left: its label still shows
    expect(onScreen({ x: 0, y: 0 }, view, area)).toBe(false);
    expect(onScreen({ x: 10_000 + 2400 + 600, y: 6_000 }, view, area)).toBe(false);
  });
});
