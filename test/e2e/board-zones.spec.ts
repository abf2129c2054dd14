import { expect, test, type Page } from '@playwright/test';
import { addNote, boxOf, createSession, dragBy } from './support/board';
import { joinAs, launchPeer, readJoinLink, type Peer } from './support/peers';
import { expectNoAxeViolations, screenshots } from './support/look';

async function addZone(page: Page, name: string, prompt: string) {
  await page.getByRole('button', { name: 'Add zone', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Zone name and prompt' });
  await dialog.getByRole('textbox', { name: 'Zone name', exact: true }).fill(name);
  await dialog.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  return page.getByRole('group', { name, exact: true });
}

/** A note typed into a double-clicked spot. */
async function noteAt(page: Page, x: number, y: number, text: string) {
  await page.mouse.dblclick(x, y);
  const editor = page.getByRole('textbox', { name: 'Note text', exact: true });
  await expect(editor).toBeFocused();
  await editor.pressSequentially(text);
  await editor.press('Escape');
  return page.getByRole('article', { name: text, exact: true });
}

test.describe('one facilitator', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await createSession(page, `Zones ${test.info().title}`);
  });

  test('a zone shows its prompt and counts the notes dropped in it; it moves with its notes, resizes, and a delete is undone', async ({ page }) => {
    const zone = await addZone(page, 'Barriers', 'What blocks this sector?');
    await expect(zone).toContainText('What blocks this sector?');
    await expect(zone).toContainText('0 notes');
    const box = await boxOf(zone);
    const inside = await noteAt(page, box.x + 120, box.y + 150, 'Fragmented funding');
    await expect(zone).toContainText('1 note');
    const outside = await addNote(page, 'Outside idea');
    // Dragged into the zone: counted; dragged out again: not.
    const o = await boxOf(outside);
    const z = await boxOf(zone);
    await dragBy(page, outside, z.x + z.width - 130 - o.x, z.y + z.height - 130 - o.y);
    await expect(zone).toContainText('2 notes');
    await dragBy(page, outside, 0, 400);
    await expect(zone).toContainText('1 note');

    // Moving the zone by keyboard brings its note along; the note outside stays.
    const before = await boxOf(inside);
    const outsideBefore = await boxOf(outside);
    const mover = page.getByRole('button', { name: 'Move zone Barriers', exact: true });
    await mover.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await boxOf(inside)).x).toBe(before.x + 60);
    expect((await boxOf(outside)).x).toBe(outsideBefore.x);
    const width = (await boxOf(zone)).width;
    await page.getByRole('button', { name: 'Resize zone Barriers', exact: true }).focus();
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(async () => (await boxOf(zone)).width).toBe(width + 100);

    await expectNoAxeViolations(page, 'a canvas with a zone');
    await screenshots(page, 'zone');

    await page.getByRole('button', { name: 'Delete zone Barriers', exact: true }).click();
    await expect(zone).toHaveCount(0);
    await expect(inside).toBeVisible();
    await page.getByRole('button', { name: 'Undo delete zone', exact: true }).click();
    await expect(zone).toContainText('1 note');
  });

  test('a selection becomes a named cluster that moves as one and can be ungrouped (and regrouped with Undo)', async ({ page }) => {
    const notes = [await addNote(page, 'Heat pumps'), await addNote(page, 'District heating'), await addNote(page, 'Insulation')];
    await page.keyboard.press('Control+a');
    await page.getByRole('toolbar', { name: 'Note options' }).getByRole('button', { name: 'Group as cluster', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Cluster title' });
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Heating');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    const cluster = page.getByRole('group', { name: 'Heating', exact: true });
    await expect(cluster).toContainText('3 notes');

    await page.keyboard.press('Escape');
    const before = await Promise.all(notes.map(boxOf));
    const tab = cluster.locator('.cluster-tab');
    const t = await boxOf(tab);
    // Grab the tab beside the title button, and drag.
    await page.mouse.move(t.x + t.width - 4, t.y + t.height / 2);
    await page.mouse.down();
    await page.mouse.move(t.x + t.width + 40, t.y + t.height / 2 + 30, { steps: 5 });
    await page.mouse.move(t.x + t.width + 76, t.y + t.height / 2 + 60, { steps: 5 });
    await page.mouse.up();
    for (const [i, note] of notes.entries()) {
      await expect.poll(async () => (await boxOf(note)).x - before[i]!.x).toBe(80);
      expect((await boxOf(note)).y - before[i]!.y).toBe(60);
    }
    // The title selects the cluster's notes.
    await cluster.getByRole('button', { name: /^Heating/ }).click();
    await expect(page.getByRole('toolbar', { name: 'Note options' }).getByText('3 notes selected', { exact: true })).toBeVisible();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Ungroup Heating', exact: true }).click();
    await expect(cluster).toHaveCount(0);
    await expect(page.getByRole('article')).toHaveCount(3);
    await page.getByRole('button', { name: 'Undo ungroup', exact: true }).click();
    await expect(cluster).toContainText('3 notes');
  });
});

test.describe('facilitator and participant', () => {
  let peers: Peer[] = [];
  test.afterEach(async () => {
    await Promise.all(peers.map((p) => p.close()));
    peers = [];
  });

  test('the participant sees the zones and counts, drops notes in them, and cannot change them', async ({ baseURL }) => {
    test.setTimeout(120_000);
    const fac = await launchPeer(baseURL!, 'Fac');
    const pat = await launchPeer(baseURL!, 'Pat');
    peers = [fac, pat];
    await createSession(fac.page, 'Zones together');
    await addZone(fac.page, 'Opportunities', 'What could unlock it?');
    await joinAs(pat, await readJoinLink(fac.page));
    const onPat = pat.page.getByRole('group', { name: 'Opportunities', exact: true });
    await expect(onPat).toContainText('What could unlock it?');
    await expect(pat.page.getByRole('button', { name: 'Add zone', exact: true })).toHaveCount(0);
    await expect(onPat.getByRole('button')).toHaveCount(0);
    const box = await boxOf(onPat);
    await noteAt(pat.page, box.x + 150, box.y + 160, 'Green bonds');
    await expect(fac.page.getByRole('group', { name: 'Opportunities', exact: true })).toContainText('1 note');
    await expect(onPat).toContainText('1 note');
  });
});
