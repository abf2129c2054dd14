import { expect, test, type Page } from '@playwright/test';
import { addNote, createSession, waitUntilSaved } from './support/board';

/** The undo window of renderer/storage/session-library.ts (UNDO_DELETE_MS). */
const UNDO_DELETE_MS = 10_000;

async function shot(page: Page, name: string) {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

async function newSessionWithNote(page: Page, title: string, note: string) {
  await page.goto('/');
  await createSession(page, title);
  await addNote(page, note);
  await waitUntilSaved(page);
  await page.getByRole('link', { name: /All sessions/ }).click();
}

test('rename, duplicate, delete with undo — and a reload inside the undo window keeps the session', async ({ page }) => {
  await newSessionWithNote(page, 'Gdańsk lab', 'Port electrification');
  const list = page.getByRole('list', { name: 'Sessions' });
  const card = list.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Gdańsk lab', exact: true }) });
  await expect(card).toContainText('1 note');
  await shot(page, 'home-actions');

  // Rename: the title changes on Home and inside the session.
  await card.getByRole('button', { name: 'Rename session' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename session' });
  const title = dialog.getByRole('textbox', { name: 'Session title' });
  await expect(title).toHaveValue('Gdańsk lab');
  await title.fill('Gdańsk port lab');
  await shot(page, 'rename-dialog');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(list.getByRole('link', { name: 'Gdańsk port lab', exact: true })).toBeVisible();
  await list.getByRole('link', { name: 'Gdańsk port lab', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Gdańsk port lab' })).toBeVisible();
  await page.getByRole('link', { name: /All sessions/ }).click();

  // Duplicate: a second session with the same notes.
  const renamed = list.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Gdańsk port lab', exact: true }) });
  await renamed.getByRole('button', { name: 'Duplicate session' }).click();
  const copy = list.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Gdańsk port lab (copy)', exact: true }) });
  await expect(copy).toContainText('1 note');
  await copy.getByRole('link').click();
  await expect(page.getByRole('article', { name: 'Port electrification' })).toBeVisible();
  await page.getByRole('link', { name: /All sessions/ }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);

  // Delete: confirm, then the session is gone from the list with an Undo toast.
  await copy.getByRole('button', { name: 'Delete session' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete “Gdańsk port lab (copy)”?' });
  await expect(confirm).toBeVisible();
  await shot(page, 'delete-dialog');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const toast = page.getByRole('status').filter({ hasText: 'Session “Gdańsk port lab (copy)” deleted.' });
  await expect(toast).toBeVisible();
  await shot(page, 'undo-toast');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);

  // Delete again and reload inside the window: the Undo offer is still there.
  await copy.getByRole('button', { name: 'Delete session' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.reload();
  const again = page.getByRole('status').filter({ hasText: 'deleted' });
  await expect(again).toBeVisible();
  await again.getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);

  // Without Undo the session is removed for good once the window has passed.
  await copy.getByRole('button', { name: 'Delete session' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'deleted' })).toBeVisible();
  // Let the whole undo window pass (the toast itself hides earlier than the window closes).
  await page.waitForTimeout(UNDO_DELETE_MS + 1_000);
  await page.reload();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'deleted' })).toHaveCount(0);
  await expect(list.getByRole('link', { name: 'Gdańsk port lab', exact: true })).toBeVisible();
});

test('when saving fails the session keeps working and says "Not saved" in an alert', async ({ page }) => {
  await page.goto('/');
  await createSession(page, 'Quota lab');
  // Simulate a full disk: every IndexedDB write from now on fails with QuotaExceededError.
  await page.evaluate(() => {
    const fail = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.add = fail;
    IDBObjectStore.prototype.put = fail;
  });
  await addNote(page, 'Kept in memory');
  await expect(page.getByText('Not saved', { exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('The disk is full');
  await addNote(page, 'Still working');
  await expect(page.getByRole('article')).toHaveCount(2);
  await shot(page, 'not-saved-alert');
});

test('the Home list and its dialogs in Polish', async ({ page }) => {
  await newSessionWithNote(page, 'Laboratorium Kraków', 'Zielone dachy');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('pl');
  const card = page.getByRole('list', { name: 'Sesje' }).getByRole('listitem').first();
  await card.getByRole('button', { name: 'Usuń sesję' }).click();
  await expect(page.getByRole('alertdialog', { name: 'Usunąć „Laboratorium Kraków”?' })).toBeVisible();
  await shot(page, 'delete-dialog-pl');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Anuluj' }).click();
  await card.getByRole('button', { name: 'Duplikuj sesję' }).click();
  await expect(page.getByRole('link', { name: 'Laboratorium Kraków (kopia)' })).toBeVisible();
  await shot(page, 'home-pl');
});
