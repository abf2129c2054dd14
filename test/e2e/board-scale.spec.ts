import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, screenshots } from './support/look';

// A 5,000-note board (the benchmark board of docs/ui-contract.md): only the notes near the view
// are mounted, panning brings the next ones, zoomed out the notes are blocks on a canvas and a
// press on one picks that note.

test('5,000 notes: only those near the view are mounted; panning brings others; zoomed out they are blocks that can be picked', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/#/bench?n=5000&zoom=1');
  await page.evaluate(() => window.__bench!.ready());
  const board = page.getByRole('main', { name: 'Board: Benchmark board', exact: true });
  await expect(board.getByRole('article', { name: 'Idea 1', exact: true })).toBeVisible();
  const mounted = await board.getByRole('article').count();
  expect(mounted).toBeGreaterThan(30);
  expect(mounted).toBeLessThan(400);
  // 71 columns of 220 px: the view moved 22 columns right and 22 rows down shows Idea 22×71+23.
  await page.evaluate(() => window.__bench!.pan(-22 * 220, -22 * 220));
  await expect(board.getByRole('article', { name: 'Idea 1585', exact: true })).toBeVisible();
  // Far from the view, not mounted (Idea 1 stays: it holds the board's Tab stop, so Tab still works).
  await expect(board.getByRole('article', { name: 'Idea 2', exact: true })).toHaveCount(0);
  expect(await board.getByRole('article').count()).toBeLessThan(400);

  // Zoomed out to 25 %: the notes are drawn as blocks, not mounted.
  await page.goto('/#/bench?n=5000&zoom=0.25');
  await page.evaluate(() => window.__bench!.ready());
  await expect(page.locator('canvas.note-blocks')).toBeVisible();
  await expect(board.getByRole('article')).toHaveCount(1); // the Tab stop alone
  // A press on a block selects that note; it comes back as a whole note on top.
  const surface = await page.getByRole('group', { name: 'Board canvas', exact: true }).boundingBox();
  const view = await page.evaluate(() => {
    const world = document.querySelector<HTMLElement>('.board-world')!.style.transform;
    const [, x, y] = world.match(/translate\((-?[\d.]+)px, (-?[\d.]+)px\)/)!.map(Number);
    return { x: x!, y: y! };
  });
  // The note at column 20, row 12 (Idea 12×71+21 = 873), pressed in its middle.
  await page.mouse.click(surface!.x + view.x + (20 * 220 + 100) * 0.25, surface!.y + view.y + (12 * 220 + 100) * 0.25);
  await expect(board.getByRole('article', { name: 'Idea 873', exact: true })).toBeVisible();
  expect(await board.getByRole('article').count()).toBeLessThanOrEqual(2);
  await expectNoAxeViolations(page, 'zoomed-out board of blocks');
  await screenshots(page, 'board-blocks', [[1400, 900]]);
});
