import { expect, test, type Page } from '@playwright/test';
import { addNote, boxOf, createSession } from './support/board';
import { joinAs, launchPeer, readJoinLink, type Peer } from './support/peers';
import { expectNoAxeViolations, screenshots } from './support/look';

// The facilitator's controls, each person in their own Chromium: private brainstorm and reveal,
// zone locks, everyone's cursors, Bring everyone here, co-facilitators and the agenda.

let peers: Peer[] = [];
test.afterEach(async () => {
  await Promise.all(peers.map((p) => p.close()));
  peers = [];
});

const note = (page: Page, text: string) => page.getByRole('article', { name: text, exact: true });
const boards = (page: Page) => page.getByRole('navigation', { name: 'Boards', exact: true });

test('private brainstorm: nobody’s page holds another participant’s private note until the facilitator reveals it', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const fac = await launchPeer(baseURL!, 'Fac');
  const ola = await launchPeer(baseURL!, 'Ola');
  const jan = await launchPeer(baseURL!, 'Jan');
  peers = [fac, ola, jan];
  await createSession(fac.page, 'Private ideas');
  await addNote(fac.page, 'Warm-up question');
  const link = await readJoinLink(fac.page);
  for (const p of [ola, jan]) await joinAs(p, link);
  for (const p of [ola, jan]) await expect(note(p.page, 'Warm-up question')).toBeVisible();
  // Participants never see the facilitator's controls.
  await expect(ola.page.getByRole('switch', { name: 'Private brainstorm', exact: true })).toHaveCount(0);
  await expect(ola.page.getByRole('button', { name: 'Reveal notes', exact: true })).toHaveCount(0);

  const privately = fac.page.getByRole('switch', { name: 'Private brainstorm', exact: true });
  await privately.click();
  await expect(privately).toHaveAttribute('aria-checked', 'true');
  const notice = 'Private brainstorm: your new notes are visible only to you and the facilitators until they are revealed.';
  for (const p of [ola, jan]) await expect(p.page.getByRole('status').filter({ hasText: notice })).toBeVisible();

  await addNote(ola.page, 'Ola secret district heating');
  await addNote(jan.page, 'Jan secret cycle lanes');
  // The facilitator sees both, marked private.
  await expect(note(fac.page, 'Ola secret district heating')).toBeVisible();
  await expect(note(fac.page, 'Jan secret cycle lanes')).toHaveAccessibleDescription(/^Private\. Written by Jan/);
  await expect(note(ola.page, 'Ola secret district heating')).toHaveAccessibleDescription(/^Private/);
  // Give the doc time to reach everyone, then look at the whole page: not on screen, not in the DOM.
  await expect.poll(async () => (await fac.page.getByRole('article').count())).toBe(3);
  await ola.page.waitForTimeout(1500);
  expect(await jan.page.content()).not.toContain('Ola secret');
  expect(await ola.page.content()).not.toContain('Jan secret');
  await expect(jan.page.getByText('2 notes')).toBeVisible();
  // Search does not find it either (Jan's own private note it does).
  await jan.page.keyboard.press('Control+f');
  await jan.page.getByRole('searchbox', { name: 'Search notes', exact: true }).fill('district');
  await expect(jan.page.getByText('No note matches.')).toBeVisible();
  await jan.page.getByRole('button', { name: 'Close search', exact: true }).click();
  await screenshots(fac.page, 'facilitation-private');
  await expectNoAxeViolations(fac.page, 'the facilitator’s panel during a private brainstorm');

  // Note by note: the facilitator reveals Ola's from its menu.
  await note(fac.page, 'Ola secret district heating').click({ button: 'right' });
  await fac.page.getByRole('menuitem', { name: 'Reveal this note', exact: true }).click();
  await expect(note(jan.page, 'Ola secret district heating')).toBeVisible();
  expect(await ola.page.content()).not.toContain('Jan secret');
  // Then everything at once.
  await fac.page.getByRole('button', { name: 'Reveal notes', exact: true }).click();
  await expect(fac.page.getByRole('status').filter({ hasText: '1 private note revealed.' })).toBeVisible();
  await expect(note(ola.page, 'Jan secret cycle lanes')).toBeVisible();
  await expect(note(jan.page, 'Jan secret cycle lanes')).not.toHaveAccessibleDescription(/Private/);
  await privately.click();
  for (const p of [ola, jan]) await expect(p.page.getByRole('status').filter({ hasText: notice })).toHaveCount(0);
});

test('a locked zone stops participants there and says why; hiding cursors; Bring everyone here; co-facilitators', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const fac = await launchPeer(baseURL!, 'Fac');
  const ola = await launchPeer(baseURL!, 'Ola');
  peers = [fac, ola];
  const fp = fac.page;
  const op = ola.page;
  await createSession(fp, 'Controls');
  // A canvas with zones, as a second board.
  await fp.getByRole('button', { name: 'New board', exact: true }).click();
  await fp.getByRole('dialog', { name: 'Choose a template' }).getByRole('button', { name: 'Barriers and opportunities by governance level', exact: true }).click();
  const canvasTitle = await boards(fp).locator('[aria-current="page"]').innerText();
  await joinAs(ola, await readJoinLink(fp));
  await boards(op).getByRole('button', { name: canvasTitle, exact: true }).click();
  const zone = op.locator('section.zone').first();
  await expect(zone).toBeVisible();
  const zoneName = (await zone.getAttribute('aria-label'))!;

  // Ola drops a note into the zone (a new note lands at the view's centre; drag it into the zone).
  const mine = await addNote(op, 'Ola in zone');
  const zoneBox = await boxOf(op.getByRole('group', { name: zoneName, exact: true }));
  const noteBox = await boxOf(mine);
  await op.mouse.move(noteBox.x + noteBox.width / 2, noteBox.y + 10);
  await op.mouse.down();
  await op.mouse.move(zoneBox.x + zoneBox.width / 2, zoneBox.y + zoneBox.height / 2, { steps: 10 });
  await op.mouse.up();
  await expect(op.getByRole('group', { name: zoneName, exact: true }).locator('.zone-count')).toHaveText('1 note');
  const other = await addNote(op, 'Ola outside');

  // The facilitator locks that zone: Ola's app refuses edits in it and says why.
  // (The zone's header sits under the toolbar at this view: by keyboard, as a keyboard user would.)
  await fp.getByRole('button', { name: `Lock zone ${zoneName}`, exact: true }).focus();
  await fp.keyboard.press('Enter');
  await expect(fp.getByRole('button', { name: `Unlock zone ${zoneName}`, exact: true })).toBeAttached();
  await expect(op.getByRole('group', { name: zoneName, exact: true }).getByText('Locked', { exact: true })).toBeVisible();
  await note(op, 'Ola in zone').dblclick();
  await expect(op.getByText('A facilitator has locked this zone.')).toBeVisible();
  await expect(op.getByRole('textbox', { name: 'Note text' })).toHaveCount(0);
  const before = await boxOf(note(op, 'Ola in zone'));
  await op.mouse.move(before.x + before.width / 2, before.y + 10);
  await op.mouse.down();
  await op.mouse.move(before.x - 300, before.y + 10, { steps: 8 });
  await op.mouse.up();
  await expect(op.getByText('A facilitator has locked this zone.')).toBeVisible();
  expect((await boxOf(note(op, 'Ola in zone'))).x).toBe(before.x);
  // Nor can she drop a note into a locked zone: it springs back, and the board says why.
  const o = await boxOf(other);
  const centre = { x: o.x + o.width / 2, y: o.y + o.height / 2 };
  // A zone with room on screen (under the toolbar) that does not hold the note: drop in its visible middle.
  let target: { name: string; box: { x: number; y: number; width: number; height: number } } | null = null;
  for (const z of await op.locator('section.zone').all()) {
    const b = await boxOf(z);
    const x0 = Math.max(b.x, 10);
    const y0 = Math.max(b.y, 220);
    const x1 = Math.min(b.x + b.width, 1270);
    const y1 = Math.min(b.y + b.height, 780);
    const holdsNote = centre.x > b.x && centre.x < b.x + b.width && centre.y > b.y && centre.y < b.y + b.height;
    if (!holdsNote && x1 - x0 > 160 && y1 - y0 > 160) {
      target = { name: (await z.getAttribute('aria-label'))!, box: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } };
      break;
    }
  }
  expect(target, 'a zone on screen without the note').not.toBeNull();
  await fp.getByRole('button', { name: `Lock zone ${target!.name}`, exact: true }).focus();
  await fp.keyboard.press('Enter');
  await expect(op.getByRole('group', { name: target!.name, exact: true }).getByText('Locked', { exact: true })).toBeVisible();
  const count = await op.getByRole('group', { name: target!.name, exact: true }).locator('.zone-count').innerText();
  await op.mouse.move(centre.x, o.y + 10);
  await op.mouse.down();
  await op.mouse.move(target!.box.x + target!.box.width / 2, target!.box.y + target!.box.height / 2, { steps: 10 });
  await op.mouse.up();
  await expect(op.getByRole('status').filter({ hasText: 'A facilitator has locked this zone.' })).toBeVisible();
  await expect(op.getByRole('group', { name: target!.name, exact: true }).locator('.zone-count')).toHaveText(count);
  expect((await boxOf(note(op, 'Ola outside'))).x).toBe(o.x);
  await fp.getByRole('button', { name: `Unlock zone ${target!.name}`, exact: true }).focus();
  await fp.keyboard.press('Enter');
  await fp.getByRole('button', { name: `Unlock zone ${zoneName}`, exact: true }).focus();
  await fp.keyboard.press('Enter');
  await expect(op.getByRole('group', { name: zoneName, exact: true }).getByText('Locked', { exact: true })).toHaveCount(0);

  // Cursors: Ola sees the facilitator's, until the facilitator hides everyone's.
  await boards(fp).getByRole('button', { name: canvasTitle, exact: true }).click();
  const surface = fp.getByRole('group', { name: /canvas/i }).first();
  const s = await boxOf(surface);
  await fp.mouse.move(s.x + 300, s.y + 300);
  await fp.mouse.move(s.x + 340, s.y + 320, { steps: 5 });
  await expect(op.locator('.presence-cursor', { hasText: 'Fac' })).toBeVisible();
  const cursors = fp.getByRole('switch', { name: 'Everyone’s cursors', exact: true });
  await expect(cursors).toHaveAttribute('aria-checked', 'true');
  await cursors.click();
  await fp.mouse.move(s.x + 400, s.y + 360, { steps: 5 });
  await expect(op.locator('.presence-cursor')).toHaveCount(0);
  await cursors.click();

  // Bring everyone here: Ola, on the other board, is taken to the facilitator's board and view.
  await boards(op).getByRole('button', { name: 'Main board', exact: true }).click();
  await fp.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await fp.getByRole('button', { name: 'Bring everyone here', exact: true }).click();
  await expect(fp.getByRole('button', { name: 'Bring everyone here', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(op.getByRole('status').filter({ hasText: 'Following Fac' })).toBeVisible();
  await expect(boards(op).getByRole('button', { name: canvasTitle, exact: true })).toHaveAttribute('aria-current', 'page');
  // The facilitator zooms again: the follower's view follows.
  const zoomOf = (page: Page) => page.getByRole('button', { name: /^Reset zoom from/ }).innerText();
  const followed = await zoomOf(op);
  await fp.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await expect.poll(() => zoomOf(op)).not.toBe(followed);
  // Ola zooms out herself: she stops following; the facilitator's next move leaves her be.
  await op.getByRole('button', { name: 'Zoom out', exact: true }).click();
  await expect(op.getByRole('status').filter({ hasText: 'Following Fac' })).toHaveCount(0);
  const own = await zoomOf(op);
  await fp.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await op.waitForTimeout(800);
  expect(await zoomOf(op)).toBe(own);
  await fp.getByRole('button', { name: 'Bring everyone here', exact: true }).click();

  // Co-facilitators: the facilitator makes Ola one, and takes it back.
  await expect(op.getByRole('button', { name: 'Start voting', exact: true })).toHaveCount(0);
  await fp.getByRole('button', { name: 'Make Ola a facilitator', exact: true }).click();
  await expect(op.getByRole('button', { name: 'Start voting', exact: true })).toBeVisible();
  await expect(op.getByRole('switch', { name: 'Private brainstorm', exact: true })).toBeVisible();
  await fp.getByRole('button', { name: 'Remove Ola as facilitator', exact: true }).click();
  await expect(op.getByRole('button', { name: 'Start voting', exact: true })).toHaveCount(0);
});

test('the agenda: Start activity opens its board for everyone and starts the timer; actual against planned and what is next', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const fac = await launchPeer(baseURL!, 'Fac');
  const ola = await launchPeer(baseURL!, 'Ola');
  peers = [fac, ola];
  const fp = fac.page;
  const op = ola.page;
  await createSession(fp, 'Agenda lab');
  await fp.getByRole('button', { name: 'New board', exact: true }).click();
  await fp.getByRole('dialog', { name: 'Choose a template' }).getByRole('button', { name: 'Brainstorm', exact: true }).click();
  const brainstorm = await boards(fp).locator('[aria-current="page"]').innerText();
  await boards(fp).getByRole('button', { name: 'Main board', exact: true }).click();

  const agenda = fp.getByRole('region', { name: 'Agenda', exact: true });
  const add = async (title: string, minutes: string, board: string) => {
    await agenda.getByRole('button', { name: 'Add activity', exact: true }).click();
    const dialog = fp.getByRole('dialog', { name: 'New activity', exact: true });
    await dialog.getByRole('textbox', { name: 'Activity', exact: true }).fill(title);
    await dialog.getByRole('spinbutton', { name: 'Planned minutes', exact: true }).fill(minutes);
    await dialog.getByRole('combobox', { name: 'Board to open', exact: true }).selectOption({ label: board });
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  };
  // A title is required.
  await agenda.getByRole('button', { name: 'Add activity', exact: true }).click();
  await fp.getByRole('dialog', { name: 'New activity' }).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(fp.getByRole('alert').filter({ hasText: 'Give the activity a title.' })).toBeVisible();
  await fp.keyboard.press('Escape');
  await add('Welcome', '10', 'Main board');
  await add('Ideas on barriers', '20', brainstorm);
  await expect(agenda.getByRole('listitem')).toHaveCount(2);
  await expect(agenda.getByText('Next: Welcome · 30 min in all')).toBeVisible();

  await joinAs(ola, await readJoinLink(fp));
  const olaAgenda = op.getByRole('region', { name: 'Agenda', exact: true });
  await expect(olaAgenda.getByRole('listitem')).toHaveCount(2);
  // Participants read the agenda; only facilitators change it.
  await expect(olaAgenda.getByRole('button', { name: 'Start activity' })).toHaveCount(0);
  await expect(olaAgenda.getByRole('button', { name: 'Add activity' })).toHaveCount(0);

  // Start by keyboard: focus the second activity's Start and press Enter.
  const second = agenda.getByRole('listitem').filter({ hasText: 'Ideas on barriers' });
  await second.getByRole('button', { name: 'Start activity', exact: true }).focus();
  await fp.keyboard.press('Enter');
  for (const p of [fp, op]) {
    await expect(boards(p).getByRole('button', { name: brainstorm, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(p.getByRole('timer', { name: 'Timer' })).toContainText(/^(20:00|19:5\d)/);
  }
  const olaSecond = olaAgenda.getByRole('listitem').filter({ hasText: 'Ideas on barriers' });
  await expect(olaSecond).toHaveAttribute('aria-current', 'step');
  await expect(olaSecond).toContainText('Now');
  await expect(olaSecond).toContainText('0 of 20 min');
  await expect(olaAgenda.getByText('Next: Welcome · 30 min in all')).toBeVisible();
  await screenshots(fp, 'facilitation-agenda');
  await expectNoAxeViolations(fp, 'the agenda, facilitator');
  await expectNoAxeViolations(op, 'the agenda, participant');

  // Starting the next one finishes this one.
  await agenda.getByRole('listitem').filter({ hasText: 'Welcome' }).getByRole('button', { name: 'Start activity', exact: true }).click();
  await expect(olaSecond).toContainText('Done');
  await expect(boards(op).getByRole('button', { name: 'Main board', exact: true })).toHaveAttribute('aria-current', 'page');
  // Reordering and deleting are in each activity's menu, with Undo.
  await agenda.getByRole('button', { name: 'Edit activity Ideas on barriers', exact: true }).click();
  await fp.getByRole('menuitem', { name: 'Delete activity Ideas on barriers', exact: true }).click();
  await expect(olaAgenda.getByRole('listitem')).toHaveCount(1);
  await agenda.getByRole('button', { name: 'Undo delete activity', exact: true }).click();
  await expect(olaAgenda.getByRole('listitem')).toHaveCount(2);
});
