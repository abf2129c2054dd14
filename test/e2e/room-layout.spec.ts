import { expect, test, type Locator, type Page } from '@playwright/test';
import { addNote, boxOf, createSession } from './support/board';

type Box = { x: number; y: number; width: number; height: number };

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every header control is whole on screen and none lies over another. */
async function expectHeaderTidy(page: Page, controls: Locator[]): Promise<void> {
  const viewport = page.viewportSize()!;
  const boxes: Box[] = [];
  for (const control of controls) {
    await expect(control).toBeVisible();
    const box = await boxOf(control);
    expect(box.x, `${control} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${control} ends on screen`).toBeLessThanOrEqual(viewport.width);
    boxes.push(box);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      expect(overlaps(boxes[i]!, boxes[j]!), `${controls[i]} and ${controls[j]} overlap`).toBe(false);
    }
  }
}

function sessionHeader(page: Page, names: { back: string; invite: string; language: string }) {
  const header = page.getByRole('banner');
  return [
    header.getByRole('link', { name: 'Transition Lab' }),
    header.getByRole('link', { name: names.back }),
    header.getByRole('heading', { level: 1 }),
    header.getByRole('status', { name: /^(Connection|Połączenie)$/ }),
    header.getByRole('button', { name: /^(Your name|Twoje imię): / }),
    header.getByRole('button', { name: names.invite, exact: true }),
    header.getByRole('combobox', { name: names.language, exact: true }),
  ];
}

const TITLE = 'Transition lab: Kraków climate-neutral mobility 2030';

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1400, height: 900 },
  { width: 1024, height: 768 },
  { width: 800, height: 600 },
]) {
  test(`the session header fits at ${size.width}×${size.height} in English and Polish`, async ({ page }, testInfo) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await createSession(page, TITLE);
    await addNote(page, 'Bike lanes on Dietla');
    await expectHeaderTidy(page, sessionHeader(page, { back: 'All sessions', invite: 'Invite participants', language: 'Language' }));
    // The title stays readable: at least about twenty characters wide.
    expect((await boxOf(page.getByRole('banner').getByRole('heading', { level: 1 }))).width).toBeGreaterThan(180);
    await page.screenshot({ path: testInfo.outputPath(`session-${size.width}-en.png`) });

    await page.getByRole('combobox', { name: 'Language' }).selectOption('pl');
    await expectHeaderTidy(page, sessionHeader(page, { back: 'Wszystkie sesje', invite: 'Zaproś uczestników', language: 'Język' }));
    expect((await boxOf(page.getByRole('banner').getByRole('heading', { level: 1 }))).width).toBeGreaterThan(180);
    // The board's toolbar starts below the header and is whole on screen.
    const add = page.getByRole('button', { name: 'Dodaj karteczkę', exact: true });
    const addBox = await boxOf(add);
    const headerBox = await boxOf(page.getByRole('banner'));
    expect(addBox.y).toBeGreaterThanOrEqual(headerBox.y + headerBox.height);
    expect(addBox.x + addBox.width).toBeLessThanOrEqual(size.width);
    await page.screenshot({ path: testInfo.outputPath(`session-${size.width}-pl.png`) });
  });
}

test('on a 390 px phone the boards panel starts folded, opens over the board and folds after a choice', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await createSession(page, TITLE);
  await expectHeaderTidy(page, sessionHeader(page, { back: 'All sessions', invite: 'Invite participants', language: 'Language' }));

  const boards = page.getByRole('navigation', { name: 'Boards' });
  const show = boards.getByRole('button', { name: 'Show boards', exact: true });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await expect(boards.getByRole('button', { name: 'Main board', exact: true })).toHaveCount(0);
  // Folded, the panel is a thin rail: the board keeps nearly the whole width.
  expect((await boxOf(boards)).width).toBeLessThan(60);
  const add = page.getByRole('button', { name: 'Add sticky note', exact: true });
  const addBox = await boxOf(add);
  expect(addBox.x + addBox.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath('session-390-folded.png') });

  await show.click();
  const current = boards.getByRole('button', { name: 'Main board', exact: true });
  await expect(current).toBeFocused();
  await expect(boards.getByRole('button', { name: 'Hide boards', exact: true })).toHaveAttribute('aria-expanded', 'true');
  await page.screenshot({ path: testInfo.outputPath('session-390-open.png') });
  // Choosing a board folds the panel again and hands the board back its width.
  await current.press('Enter');
  await expect(boards.getByRole('button', { name: 'Show boards', exact: true })).toBeFocused();
  await expect(boards.getByRole('button', { name: 'Main board', exact: true })).toHaveCount(0);
});

test('on a wide screen the boards panel folds on request and opens again', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  await createSession(page, TITLE);
  const boards = page.getByRole('navigation', { name: 'Boards' });
  const board = page.getByRole('main', { name: 'Board: Main board' });
  const before = (await boxOf(board)).width;
  await boards.getByRole('button', { name: 'Hide boards', exact: true }).click();
  await expect(boards.getByRole('button', { name: 'Main board', exact: true })).toHaveCount(0);
  expect((await boxOf(board)).width).toBeGreaterThan(before + 100);
  await boards.getByRole('button', { name: 'Show boards', exact: true }).click();
  await expect(boards.getByRole('button', { name: 'Main board', exact: true })).toBeVisible();
});
