import { expect, test } from '@playwright/test';
import { addNote, createSession } from './support/board';
import { joinAs, launchPeer, readJoinLink, type Peer } from './support/peers';

let peers: Peer[] = [];
test.afterEach(async () => {
  await Promise.all(peers.map((p) => p.close()));
  peers = [];
});

test('a session in Polish gets its first board named in Polish, also when the app speaks English', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New session', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New session' });
  await dialog.getByRole('textbox', { name: 'Session title', exact: true }).fill('Laboratorium Kraków');
  // It starts at the app's language.
  await expect(dialog.getByRole('combobox', { name: 'Session language', exact: true })).toHaveValue('en');
  await dialog.getByRole('combobox', { name: 'Session language', exact: true }).selectOption('pl');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('main', { name: 'Board: Tablica główna' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Boards' }).getByRole('button', { name: 'Tablica główna', exact: true })).toBeVisible();

  // And with the app in Polish, the default is Polish.
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('pl');
  await page.getByRole('button', { name: 'Nowa sesja', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Język sesji', exact: true })).toHaveValue('pl');
});

test('the session is renamed from its header; Escape keeps the old title; Home shows the new one', async ({ page }) => {
  await page.goto('/');
  await createSession(page, 'Draft title');
  const header = page.getByRole('banner');
  const rename = header.getByRole('button', { name: 'Rename session', exact: true });

  await rename.click();
  const field = header.getByRole('textbox', { name: 'Session title', exact: true });
  await expect(field).toBeFocused();
  await field.fill('Not this one');
  await field.press('Escape');
  await expect(header.getByRole('heading', { level: 1 })).toHaveText('Draft title');
  await expect(rename).toBeFocused();

  await rename.press('Enter');
  await field.fill('Kraków mobility lab');
  await field.press('Enter');
  await expect(header.getByRole('heading', { level: 1 })).toHaveText('Kraków mobility lab');
  await expect(rename).toBeFocused();

  await header.getByRole('link', { name: 'All sessions' }).click();
  await expect(page.getByRole('list', { name: 'Sessions' }).getByRole('link', { name: 'Kraków mobility lab', exact: true })).toBeVisible();
});

test('Space and Enter both press buttons, also on the board', async ({ page }) => {
  await page.goto('/');
  await createSession(page, 'Keys');
  await addNote(page, 'First');
  await addNote(page, 'Second');
  const first = page.getByRole('article', { name: 'First', exact: true });
  await first.click();
  const remove = page.getByRole('toolbar', { name: 'Note options' }).getByRole('button', { name: 'Delete note', exact: true });
  await remove.focus();
  await page.keyboard.press('Space');
  await expect(first).toHaveCount(0);

  const second = page.getByRole('article', { name: 'Second', exact: true });
  await second.click();
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(second).toHaveCount(0);

  // A header button too.
  await page.getByRole('button', { name: 'Invite participants', exact: true }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('dialog', { name: 'Invite participants' })).toBeVisible();
});

test('the facilitator sets their name like everyone else: the others see it at once, and new notes carry it', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const facilitator = await launchPeer(baseURL!, 'Facilitator');
  const ola = await launchPeer(baseURL!, 'Ola');
  peers = [facilitator, ola];
  await createSession(facilitator.page, 'Names');
  const link = await readJoinLink(facilitator.page);
  await joinAs(ola, link);
  const people = ola.page.getByRole('list', { name: 'People here' });
  await expect(people.getByRole('listitem', { name: 'Facilitator', exact: true })).toBeAttached();

  const header = facilitator.page.getByRole('banner');
  await header.getByRole('button', { name: 'Your name: Facilitator', exact: true }).click();
  const dialog = facilitator.page.getByRole('dialog', { name: 'Your name' });
  const field = dialog.getByRole('textbox', { name: 'Your name', exact: true });
  await expect(field).toBeFocused();
  await field.fill('   ');
  await dialog.getByRole('button', { name: 'Save name', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/Enter a name/);
  await field.fill('Anna Kowalska');
  await field.press('Enter');
  await expect(dialog).toHaveCount(0);
  // Focus goes back to the button, now named for the new name.
  await expect(header.getByRole('button', { name: 'Your name: Anna Kowalska', exact: true })).toBeFocused();
  await expect(people.getByRole('listitem', { name: 'Anna Kowalska', exact: true })).toBeAttached();
  await expect(people.getByRole('listitem', { name: 'Facilitator', exact: true })).toHaveCount(0);

  await addNote(facilitator.page, 'Named note');
  await expect(ola.page.getByRole('article', { name: 'Named note', exact: true })).toHaveAccessibleDescription('Written by Anna Kowalska');
  // Remembered on this device: a reload keeps the name.
  await facilitator.page.reload();
  await expect(facilitator.page.getByRole('banner').getByRole('button', { name: 'Your name: Anna Kowalska', exact: true })).toBeVisible();
});
