import { expect, test, type Locator, type Page } from '@playwright/test';
import { addNote, boxOf, createSession } from './support/board';
import { joinAs, launchPeer, readJoinLink, startHost, type HostProcess, type Peer } from './support/peers';

type Box = { x: number; y: number; width: number; height: number };

const inside = (a: Box, b: Box) => a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Pastes `count` notes as plain text lines (what a person pastes from a document). */
async function pasteNotes(page: Page, count: number, prefix = 'Idea'): Promise<void> {
  const before = await page.getByRole('article').count();
  await page.getByRole('group', { name: 'Board canvas', exact: true }).focus();
  await page.evaluate(
    ({ count, prefix }) => {
      const data = new DataTransfer();
      data.setData('text/plain', Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`).join('\n'));
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    },
    { count, prefix },
  );
  await expect(page.getByRole('article')).toHaveCount(before + count);
  await page.keyboard.press('Escape');
}

/** The part of the board a person can see: the surface below the floating toolbar. */
async function visibleArea(page: Page): Promise<Box> {
  const surface = await boxOf(page.locator('.board-surface'));
  const bar = await boxOf(page.locator('.board-toolbar'));
  const top = bar.y + bar.height;
  return { x: surface.x, y: top, width: surface.width, height: surface.y + surface.height - top };
}

async function scrolled(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [document.scrollingElement!, ...document.querySelectorAll('.board, .board-surface, .session-body')].flatMap((el) => [el.scrollLeft, el.scrollTop]),
  );
}

async function allBoxes(notes: Locator): Promise<Box[]> {
  return notes.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Box));
}

test.describe('on one screen', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await createSession(page, `Board view ${test.info().title}`);
  });

  test('at 800×600 a new note always appears inside the view, clear of the others, and nothing ever scrolls the board', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    await pasteNotes(page, 60);
    const notes = page.getByRole('article');
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('n');
      const editor = page.getByRole('textbox', { name: 'Note text', exact: true });
      await expect(editor).toBeFocused();
      await editor.pressSequentially(`New ${i + 1}`);
      await editor.press('Escape');
      const added = page.getByRole('article', { name: `New ${i + 1}`, exact: true });
      expect(inside(await boxOf(added), await visibleArea(page)), `note ${i + 1} is on screen`).toBe(true);
      const mine = await boxOf(added);
      const others = (await allBoxes(notes)).filter((b) => Math.round(b.x) !== mine.x || Math.round(b.y) !== mine.y);
      expect(others.some((b) => overlap(b, mine)), `note ${i + 1} covers no other note`).toBe(false);
      await page.getByRole('group', { name: 'Board canvas', exact: true }).focus();
    }
    // Tab from note to note, also to those past the edge: the view follows; no box scrolls.
    // Idea 1 is out of view by now (and, far from it, not even mounted): find it as a person would.
    await page.keyboard.press('Control+f');
    await page.getByRole('searchbox', { name: 'Search notes', exact: true }).fill('Idea 1');
    await page.getByRole('search', { name: 'Search notes' }).getByRole('link').filter({ has: page.getByText('Idea 1', { exact: true }) }).click();
    await expect(page.getByRole('article', { name: 'Idea 1', exact: true })).toBeFocused();
    const focused = page.locator('article:focus');
    for (let i = 0; i < 25; i++) {
      // From a selected note Tab visits its bar first, then the next note.
      for (let presses = 0; presses < 8; presses++) {
        await page.keyboard.press('Tab');
        if ((await focused.count()) === 1) break;
      }
      await expect(focused).toHaveAccessibleName(`Idea ${i + 2}`);
      expect(inside(await boxOf(focused), await boxOf(page.locator('.board-surface')))).toBe(true);
    }
    expect(await scrolled(page)).toEqual(Array((await scrolled(page)).length).fill(0));
  });

  test('Zoom to fit and Shift+1 bring every note into view', async ({ page }) => {
    await pasteNotes(page, 40);
    const canvas = page.getByRole('group', { name: 'Board canvas', exact: true });
    for (const how of ['button', 'keys'] as const) {
      await canvas.focus();
      for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowLeft');
      await expect(page.getByRole('article', { name: 'Idea 1', exact: true })).not.toBeInViewport();
      if (how === 'button') await page.getByRole('button', { name: 'Zoom to fit', exact: true }).click();
      else await page.keyboard.press('Shift+Digit1');
      const seen = await visibleArea(page);
      for (const box of await allBoxes(page.getByRole('article'))) expect(inside(box, seen)).toBe(true);
    }
  });

  test('the wheel pans, Ctrl+wheel zooms around the pointer, arrow keys pan the focused board', async ({ page }) => {
    const note = await addNote(page, 'Pan me');
    const start = await boxOf(note);
    const area = await boxOf(page.locator('.board-surface'));
    await page.mouse.move(area.x + 100, area.y + area.height - 100);
    await page.mouse.wheel(40, 120);
    await expect.poll(async () => (await boxOf(note)).y).toBe(start.y - 120);
    expect((await boxOf(note)).x).toBe(start.x - 40);
    await expect(page.getByRole('button', { name: /^Reset zoom/ })).toHaveText('100%');

    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await expect(page.getByRole('button', { name: /^Reset zoom/ })).not.toHaveText('100%');
    expect((await boxOf(note)).width).toBeGreaterThan(200);

    await page.getByRole('button', { name: /^Reset zoom/ }).click();
    const before = await boxOf(note);
    await page.getByRole('group', { name: 'Board canvas', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await boxOf(note)).x).toBe(before.x - 60);
    expect((await boxOf(note)).y).toBe(before.y - 60);
  });

  test('double-click on empty board adds a note right there and opens its editor', async ({ page }) => {
    const area = await visibleArea(page);
    const at = { x: area.x + 260, y: area.y + 200 };
    await page.mouse.dblclick(at.x, at.y);
    const editor = page.getByRole('textbox', { name: 'Note text', exact: true });
    await expect(editor).toBeFocused();
    await editor.pressSequentially('Here');
    await editor.press('Escape');
    const box = await boxOf(page.getByRole('article', { name: 'Here', exact: true }));
    expect(at.x).toBeGreaterThan(box.x);
    expect(at.x).toBeLessThan(box.x + box.width);
    expect(at.y).toBeGreaterThan(box.y);
    expect(at.y).toBeLessThan(box.y + box.height);
  });

  test('the overview map appears when notes lie outside the view and moves the view where it is pressed', async ({ page }) => {
    const map = page.getByRole('img', { name: 'Overview map', exact: true });
    await addNote(page, 'One note');
    await expect(map).toHaveCount(0);
    await pasteNotes(page, 60);
    await expect(map).toBeVisible();
    const first = page.getByRole('article', { name: 'Idea 1', exact: true });
    const last = page.getByRole('article', { name: 'Idea 60', exact: true });
    const mapBox = await boxOf(map);
    // Pressing near the map's top brings the first rows into view; its bottom, the last.
    await page.mouse.click(mapBox.x + mapBox.width / 2, mapBox.y + 6);
    await expect(first).toBeInViewport();
    await page.mouse.click(mapBox.x + mapBox.width / 2, mapBox.y + mapBox.height - 6);
    await expect(last).toBeInViewport();
    await page.getByRole('button', { name: 'Hide overview map', exact: true }).click();
    await expect(map).toHaveCount(0);
    await page.getByRole('button', { name: 'Show overview map', exact: true }).click();
    await expect(map).toBeVisible();
  });
});

test.describe('by touch', () => {
  test.use({ hasTouch: true, viewport: { width: 390, height: 844 }, isMobile: true });

  test('one finger pans empty board, two fingers pinch-zoom', async ({ page }) => {
    await page.goto('/');
    await createSession(page, 'Touch');
    const note = await addNote(page, 'Touch me');
    await page.getByRole('group', { name: 'Board canvas', exact: true }).focus();
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number; id: number }[]) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
    const area = await visibleArea(page);
    const start = await boxOf(note);
    // Points on empty board: the strip left of the note, clear of the toolbar and the corner widgets.
    const p = { x: area.x + 20, y: start.y + start.height / 2 };
    await touch('touchStart', [{ ...p, id: 1 }]);
    for (let i = 1; i <= 5; i++) await touch('touchMove', [{ x: p.x + 8 * i, y: p.y + 6 * i, id: 1 }]);
    await touch('touchEnd', []);
    await expect.poll(async () => (await boxOf(note)).x).toBe(start.x + 40);
    expect((await boxOf(note)).y).toBe(start.y + 30);

    const zoom = page.getByRole('button', { name: /^Reset zoom/ });
    await expect(zoom).toHaveText('100%');
    const moved = await boxOf(note);
    const c = { x: area.x + 24, y: moved.y + moved.height / 2 };
    await touch('touchStart', [{ x: c.x, y: c.y - 40, id: 1 }]);
    await touch('touchStart', [{ x: c.x, y: c.y - 40, id: 1 }, { x: c.x, y: c.y + 40, id: 2 }]);
    for (let i = 1; i <= 5; i++) await touch('touchMove', [{ x: c.x, y: c.y - 40 - 8 * i, id: 1 }, { x: c.x, y: c.y + 40 + 8 * i, id: 2 }]);
    await touch('touchEnd', []);
    // Fingers 80 px apart, then 160: twice the size.
    await expect(zoom).toHaveText('200%');
    expect((await boxOf(note)).width).toBe(400);
  });
});

test.describe('two people', () => {
  let peers: Peer[] = [];
  let host: HostProcess | null = null;
  test.afterEach(async () => {
    await Promise.all(peers.map((p) => p.close()));
    peers = [];
    await host?.stop();
    host = null;
  });

  test('pressing N at the same moment never leaves one note on top of the other', async () => {
    test.setTimeout(120_000);
    host = await startHost();
    const { port, dataDir, url } = host;
    const a = await launchPeer(url, 'Ana', { webrtc: false });
    const b = await launchPeer(url, 'Bo', { webrtc: false });
    peers = [a, b];
    await createSession(a.page, 'Together');
    await joinAs(b, await readJoinLink(a.page), { webrtc: false });
    await expect(b.page.getByRole('main', { name: 'Board: Main board' })).toBeVisible();
    // With the host gone the two cannot see each other's notes: both pick the same free spot.
    await host.stop();
    await addNote(a.page, 'From Ana', 'key');
    await addNote(b.page, 'From Bo', 'key');
    const spot = (p: Page, text: string) => p.getByRole('article', { name: text, exact: true }).evaluate((el) => (el as HTMLElement).style.transform);
    const world = async (p: Page, text: string) => (await spot(p, text)).match(/-?[\d.]+/g)!.map(Number);
    const [ax, ay] = await world(a.page, 'From Ana');
    const [bx, by] = await world(b.page, 'From Bo');
    // Nearly the same spot (the two toolbars may differ by a line): merged, they would cover each other.
    expect(Math.abs(ax! - bx!) + Math.abs(ay! - by!)).toBeLessThan(60);

    host = await startHost({ port, dataDir });
    for (const p of [a.page, b.page]) {
      await expect(p.getByRole('article')).toHaveCount(2, { timeout: 60_000 });
      await expect
        .poll(async () => {
          const [x, y] = await allBoxes(p.getByRole('article'));
          return overlap(x!, y!);
        })
        .toBe(false);
    }
    // The same layout on both screens.
    expect(await spot(a.page, 'From Ana')).toBe(await spot(b.page, 'From Ana'));
    expect(await spot(a.page, 'From Bo')).toBe(await spot(b.page, 'From Bo'));
  });
});
