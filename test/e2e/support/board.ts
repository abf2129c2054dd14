import { expect, type Locator, type Page } from '@playwright/test';

export async function createSession(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'New session' }).click();
  await page.getByRole('textbox', { name: 'Session title' }).fill(title);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('main', { name: 'Board: Main board' })).toBeVisible();
}

/** Adds a note with the toolbar button (or the N key) and types its text like a person would. */
export async function addNote(page: Page, text: string, via: 'button' | 'key' = 'button'): Promise<Locator> {
  if (via === 'button') await page.getByRole('button', { name: 'Add sticky note' }).click();
  else await page.keyboard.press('n');
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await expect(editor).toBeFocused();
  await editor.pressSequentially(text);
  await editor.press('Escape');
  const note = page.getByRole('article', { name: text, exact: true });
  await expect(note).toBeVisible();
  return note;
}

export async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
}

export async function waitUntilSaved(page: Page): Promise<void> {
  await expect(page.getByText('Saved on this device')).toBeVisible();
}

export async function dragBy(page: Page, locator: Locator, dx: number, dy: number): Promise<void> {
  const box = await boxOf(locator);
  const startX = box.x + box.width / 2;
  const startY = box.y + box.height / 2;
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  await page.mouse.move(startX + dx / 2, startY + dy / 2, { steps: 5 });
  await page.mouse.move(startX + dx, startY + dy, { steps: 5 });
  await page.mouse.up();
}
