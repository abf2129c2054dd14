import { expect, test, type Page } from '@playwright/test';
import { addNote, createSession } from './support/board';
import { joinAs, launchPeer, readJoinLink, type Peer } from './support/peers';
import { expectNoAxeViolations, screenshots } from './support/look';

const bar = (page: Page) => page.getByRole('toolbar', { name: 'Note options' });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Boards' });

async function secondBoard(page: Page, template: string) {
  await nav(page).getByRole('button', { name: 'New board', exact: true }).click();
  await page.getByRole('dialog', { name: 'Choose a template' }).getByRole('button', { name: template, exact: true }).click();
  await expect(page.getByRole('main', { name: `Board: ${template}`, exact: true })).toBeVisible();
}

test.describe('one facilitator', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await createSession(page, `Tags ${test.info().title}`);
  });

  test('tag one note or a selection from the bar; chips show; the filter dims or hides the others', async ({ page }) => {
    const a = await addNote(page, 'Ministry rewrites procurement law');
    const b = await addNote(page, 'Region co-funds pilots');
    const c = await addNote(page, 'Residents join energy co-ops');
    await a.click();
    await bar(page).getByRole('combobox', { name: 'Governance level', exact: true }).selectOption({ label: 'National' });
    await bar(page).getByRole('combobox', { name: 'Actor type', exact: true }).selectOption({ label: 'Public authority' });
    await expect(a).toContainText('National');
    await expect(a).toHaveAccessibleDescription(/Tags: National, Public authority/);

    // Two at once: one undo step takes both back.
    await b.click();
    await c.click({ modifiers: ['Shift'] });
    await bar(page).getByRole('combobox', { name: 'Governance level', exact: true }).selectOption({ label: 'Regional' });
    await expect(b).toContainText('Regional');
    await expect(c).toContainText('Regional');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(b).not.toContainText('Regional');
    await expect(c).not.toContainText('Regional');
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect(c).toContainText('Regional');

    await page.getByRole('combobox', { name: 'Filter by tag', exact: true }).selectOption({ label: 'National' });
    await expect(a).not.toHaveClass(/dimmed/);
    await expect(b).toHaveClass(/dimmed/);
    await expectNoAxeViolations(page, 'a board with the filter active');
    await screenshots(page, 'tags-filter');
    await page.getByRole('checkbox', { name: 'Hide other notes', exact: true }).check();
    await expect(page.getByRole('article')).toHaveCount(1);
    await page.getByRole('combobox', { name: 'Filter by tag', exact: true }).selectOption({ label: 'All notes' });
    await expect(page.getByRole('article')).toHaveCount(3);
  });

  test('Who must act pivots the session by level and actor; a note there opens on its board', async ({ page }) => {
    const a = await addNote(page, 'Ministry rewrites procurement law');
    await a.click();
    await bar(page).getByRole('combobox', { name: 'Governance level', exact: true }).selectOption({ label: 'National' });
    await bar(page).getByRole('combobox', { name: 'Actor type', exact: true }).selectOption({ label: 'Public authority' });
    await secondBoard(page, 'Brainstorm');
    await addNote(page, 'Energy agency runs a one-stop shop');
    await page.getByRole('article', { name: 'Energy agency runs a one-stop shop', exact: true }).click();
    await bar(page).getByRole('combobox', { name: 'Governance level', exact: true }).selectOption({ label: 'Local' });

    await nav(page).getByRole('button', { name: 'Who must act', exact: true }).click();
    const view = page.getByRole('region', { name: 'Who must act', exact: true });
    await expect(view).toBeVisible();
    const table = view.getByRole('table');
    const national = table.getByRole('row', { name: /^National/ });
    await expect(national.getByRole('cell').nth(0)).toContainText('Ministry rewrites procurement law');
    await expect(national).toContainText('Main board');
    await expect(table.getByRole('row', { name: /^Local/ })).toContainText('Energy agency runs a one-stop shop');
    await expect(table.getByRole('columnheader', { name: 'Public authority', exact: true })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Not tagged', exact: true })).toBeVisible();
    await expectNoAxeViolations(page, 'Who must act');
    await screenshots(page, 'who-must-act');

    await view.getByRole('link', { name: /Ministry rewrites procurement law/ }).click();
    await expect(page.getByRole('main', { name: 'Board: Main board', exact: true })).toBeVisible();
    await expect(page.getByRole('article', { name: 'Ministry rewrites procurement law', exact: true })).toBeFocused();
    await expect(page.getByRole('article', { name: 'Ministry rewrites procurement law', exact: true })).toBeInViewport();
  });

  test('Ctrl+F searches every board, ignoring case and Polish letters, and jumps to the note', async ({ page }) => {
    await addNote(page, 'Źródła finansowania z UE');
    await secondBoard(page, 'Impact pathway');
    await addNote(page, 'Brak danych o źródłach emisji');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+f');
    const box = page.getByRole('searchbox', { name: 'Search notes', exact: true });
    await expect(box).toBeFocused();
    await box.fill('zrod');
    const results = page.getByRole('search', { name: 'Search notes' }).getByRole('link');
    await expect(results).toHaveCount(2);
    await expect(page.getByRole('status').filter({ hasText: '2 notes found' })).toBeVisible();
    await expectNoAxeViolations(page, 'search');
    await screenshots(page, 'search');
    await results.filter({ hasText: 'Main board' }).click();
    await expect(page.getByRole('main', { name: 'Board: Main board', exact: true })).toBeVisible();
    await expect(page.getByRole('article', { name: 'Źródła finansowania z UE', exact: true })).toBeFocused();
    await page.keyboard.press('Control+f');
    await page.getByRole('searchbox', { name: 'Search notes', exact: true }).fill('nothing like this');
    await expect(page.getByText('No note matches.')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('search')).toHaveCount(0);
  });
});

test.describe('two people', () => {
  let peers: Peer[] = [];
  test.afterEach(async () => {
    await Promise.all(peers.map((p) => p.close()));
    peers = [];
  });

  test('a tag set by one shows on the other’s screen', async ({ baseURL }) => {
    test.setTimeout(120_000);
    const fac = await launchPeer(baseURL!, 'Fac');
    const pat = await launchPeer(baseURL!, 'Pat');
    peers = [fac, pat];
    await createSession(fac.page, 'Tags together');
    await joinAs(pat, await readJoinLink(fac.page));
    const onPat = await addNote(pat.page, 'Citizens assembly on heat');
    await onPat.click();
    await bar(pat.page).getByRole('combobox', { name: 'Actor type', exact: true }).selectOption({ label: 'Citizens' });
    await expect(fac.page.getByRole('article', { name: 'Citizens assembly on heat', exact: true })).toContainText('Citizens');
  });
});
