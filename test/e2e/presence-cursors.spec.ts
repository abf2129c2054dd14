import { expect, test } from '@playwright/test';
import { addNote, boxOf, createSession } from './support/board';
import { launchPeer, readJoinLink, type Peer } from './support/peers';

// Two whole browsers (never tabs) on one session through the host: what one person does with the
// mouse and the keyboard, the other sees as a named cursor, a badge on the note, and a face in
// "People here".

let peers: Peer[] = [];
test.afterEach(async () => {
  await Promise.all(peers.map((p) => p.close()));
  peers = [];
});

test('B sees A’s cursor with A’s name, the note A is editing, and A among the people here', async ({ baseURL }) => {
  const testInfo = test.info();
  test.setTimeout(120_000);
  const b = await launchPeer(baseURL!, 'Facilitator');
  const a = await launchPeer(baseURL!, 'Ana Nowak');
  peers = [b, a];

  await createSession(b.page, 'Presence lab');
  await addNote(b.page, 'Energy communities');
  await addNote(b.page, 'Green roofs');
  const link = await readJoinLink(b.page);
  await a.page.goto(link);
  await a.page.getByRole('textbox', { name: 'Your name' }).fill('Ana Nowak');
  await a.page.getByRole('button', { name: 'Join' }).click();
  const onA = a.page.getByRole('article', { name: 'Energy communities' });
  await expect(onA).toBeVisible();

  // People here: B sees Ana; Ana sees herself and the facilitator.
  const people = b.page.getByRole('list', { name: 'People here' });
  await expect(people.getByRole('listitem', { name: 'Ana Nowak' })).toBeVisible();
  await expect(a.page.getByRole('list', { name: 'People here' }).getByRole('listitem', { name: 'Ana Nowak (you)' })).toBeAttached();

  // A points at the middle of a note: B sees a cursor named Ana at the same spot of the board.
  const noteBox = await boxOf(onA);
  await a.page.mouse.move(noteBox.x + 20, noteBox.y + 20);
  await a.page.mouse.move(noteBox.x + noteBox.width / 2, noteBox.y + noteBox.height / 2, { steps: 8 });
  const cursor = b.page.locator('.presence-cursor', { hasText: 'Ana Nowak' });
  await expect(cursor).toBeVisible();
  const onB = await boxOf(b.page.getByRole('article', { name: 'Energy communities' }));
  await expect
    .poll(async () => {
      const tip = await boxOf(cursor.locator('svg'));
      return Math.abs(tip.x - (onB.x + onB.width / 2)) <= 6 && Math.abs(tip.y - (onB.y + onB.height / 2)) <= 6;
    })
    .toBe(true);

  // A starts editing: B sees who is editing that note (and only that one).
  await onA.dblclick();
  await expect(a.page.getByRole('textbox', { name: 'Note text' })).toBeFocused();
  const editedOnB = b.page.getByRole('article', { name: 'Energy communities' });
  await expect(editedOnB.getByText('Ana Nowak is editing')).toBeVisible();
  await expect(b.page.getByRole('article', { name: 'Green roofs' }).getByText(/is editing/)).toHaveCount(0);
  await a.page.keyboard.type(' in every district');
  await expect(b.page.getByRole('article', { name: 'Energy communities in every district' }).getByText('Ana Nowak is editing')).toBeVisible();

  const shot = testInfo.outputPath('presence-remote.png');
  await b.page.screenshot({ path: shot });
  await testInfo.attach('presence-remote', { path: shot, contentType: 'image/png' });

  // Done editing, pointer off the board: the badge and the cursor go away on B.
  await a.page.keyboard.press('Escape');
  await a.page.mouse.move(5, 5);
  await a.page.keyboard.press('Escape'); // deselect the note too
  await expect(b.page.getByText('Ana Nowak is editing')).toHaveCount(0);
  await expect(cursor).toHaveCount(0);

  // Polish: the list and the badge follow the language.
  await b.page.getByRole('combobox', { name: 'Language' }).selectOption('pl');
  await expect(b.page.getByRole('list', { name: 'Obecni' }).getByRole('listitem', { name: 'Ana Nowak' })).toBeVisible();
  await a.page.getByRole('article', { name: 'Green roofs' }).dblclick();
  await expect(b.page.getByRole('article', { name: 'Green roofs' }).getByText('Ana Nowak edytuje')).toBeVisible();
  const shotPl = testInfo.outputPath('presence-remote-pl.png');
  await b.page.screenshot({ path: shotPl });
  await testInfo.attach('presence-remote-pl', { path: shotPl, contentType: 'image/png' });
});
