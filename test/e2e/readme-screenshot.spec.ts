import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { addNote, boxOf, createSession } from './support/board';
import { joinAs, launchPeer, readJoinLink, type Peer } from './support/peers';

/**
 * The README's screenshot, from the real app at 1400×900, with a participant connected. It is a
 * test too: no two notes and no two header controls may overlap. `TL_README_SHOTS=1` writes it
 * to assets/screenshots/board.png; otherwise it goes to the test's output folder.
 */
let peers: Peer[] = [];
test.afterEach(async () => {
  await Promise.all(peers.map((p) => p.close()));
  peers = [];
});

const IDEAS: Array<[string, string | null]> = [
  ['Bus priority lanes on the ring road', null],
  ['One-stop shop for building renovation', 'Green'],
  ['Regional energy agency co-funds city pilots', 'Blue'],
  ['Procurement rules block heat-pump tenders', 'Pink'],
  ['Citizen assembly on the 2030 mobility plan', 'Orange'],
  ['National ministry joins the transition team', 'Purple'],
];

test('README screenshot: a board at 1400×900 where nothing overlaps', async ({ baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const facilitator = await launchPeer(baseURL!, 'Facilitator');
  const participant = await launchPeer(baseURL!, 'Ola');
  peers = [facilitator, participant];
  const page = facilitator.page;
  await page.setViewportSize({ width: 1400, height: 900 });
  await createSession(page, 'Kraków transition lab');
  for (const [text, colour] of IDEAS) {
    const note = await addNote(page, text, 'key');
    if (colour) {
      await note.click();
      await page.getByRole('toolbar', { name: 'Note options' }).getByRole('radio', { name: colour, exact: true }).click();
    }
  }
  await joinAs(participant, await readJoinLink(page));
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText(/^Hosting · 1 participant(?!s)/);
  // The notes in the middle of the view, as a person would frame them before a screenshot.
  await page.getByRole('button', { name: 'Zoom to fit', exact: true }).click();
  await page.getByRole('article', { name: IDEAS[4]![0], exact: true }).click();
  await page.mouse.move(1300, 800);
  // The selected note's bar is on top: the middle of each of its buttons hits that button.
  for (const button of await page.getByRole('toolbar', { name: 'Note options' }).getByRole('radio').all()) {
    const box = await boxOf(button);
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.getAttribute('aria-label') ?? null, [box.x + box.width / 2, box.y + box.height / 2]);
    expect(hit).toBe(await button.getAttribute('aria-label'));
  }

  const notes = page.getByRole('article');
  await expect(notes).toHaveCount(IDEAS.length);
  const boxes = await Promise.all((await notes.all()).map((n) => boxOf(n)));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `notes ${i} and ${j} overlap`).toBe(false);
    }
    expect(boxes[i]!.y, `note ${i} is below the header`).toBeGreaterThan((await boxOf(page.getByRole('banner'))).height);
  }

  const target = process.env.TL_README_SHOTS ? 'assets/screenshots/board.png' : testInfo.outputPath('board.png');
  if (process.env.TL_README_SHOTS) mkdirSync('assets/screenshots', { recursive: true });
  await page.screenshot({ path: target });
});
