import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { BUILT_IN_TEMPLATES } from '../../shared/templates';
import { addNote, createSession } from './support/board';
import { joinAs, launchPeer, readJoinLink, type Peer } from './support/peers';
import { expectNoAxeViolations, screenshots } from './support/look';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Boards' });

async function boardFrom(page: Page, title: string): Promise<void> {
  await nav(page).getByRole('button', { name: 'New board', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose a template' });
  await dialog.getByRole('button', { name: title, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

async function menu(page: Page, board: string, item: string): Promise<void> {
  await nav(page).getByRole('button', { name: `Board options: ${board}`, exact: true }).click();
  await page.getByRole('menu', { name: `Board ${board}` }).getByRole('menuitem', { name: item, exact: true }).click();
}

test.describe('one facilitator', () => {
  const peersHere: Peer[] = [];
  test.afterEach(async () => {
    await Promise.all(peersHere.splice(0).map((p) => p.close()));
  });
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await createSession(page, `Templates ${test.info().title}`);
  });

  test('the gallery offers every template with a preview; each one makes a board with its zones, on the participant’s screen too', async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const pat = await launchPeer(baseURL!, 'Pat');
    peersHere.push(pat);
    await joinAs(pat, await readJoinLink(page));
    await expect(pat.page.getByRole('main', { name: 'Board: Main board', exact: true })).toBeVisible();
    await nav(page).getByRole('button', { name: 'New board', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose a template' });
    for (const tpl of BUILT_IN_TEMPLATES) await expect(dialog.getByRole('button', { name: tpl.title.en, exact: true })).toBeVisible();
    await expect(dialog.locator('svg.template-preview')).toHaveCount(BUILT_IN_TEMPLATES.length);
    await expect(dialog.getByRole('button', { name: 'Stakeholder map', exact: true })).toHaveAccessibleDescription(/Influence × interest/);
    await expectNoAxeViolations(page, 'template dialog');
    await screenshots(page, 'template-dialog');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();

    for (const tpl of BUILT_IN_TEMPLATES) {
      await boardFrom(page, tpl.title.en);
      const board = page.getByRole('main', { name: `Board: ${tpl.title.en}`, exact: true });
      await expect(board).toBeVisible();
      await expect(nav(page).getByRole('button', { name: tpl.title.en, exact: true })).toHaveAttribute('aria-current', 'page');
      await expect(board.locator('.zone')).toHaveCount(tpl.zones.length);
      for (const zone of tpl.zones.slice(0, 3)) {
        const group = board.getByRole('group', { name: zone.label.en, exact: true });
        await expect(group).toHaveCount(1);
        if (zone.prompt.en) await expect(group).toContainText(zone.prompt.en);
      }
      // The participant opens the same board and finds the same zones.
      await nav(pat.page).getByRole('button', { name: tpl.title.en, exact: true }).click();
      await expect(pat.page.getByRole('main', { name: `Board: ${tpl.title.en}`, exact: true }).locator('.zone')).toHaveCount(tpl.zones.length);
      // TL_README_SHOTS=1: the README's template gallery, one picture per canvas, framed whole.
      if (process.env.TL_README_SHOTS) {
        await page.getByRole('button', { name: 'Zoom to fit', exact: true }).click();
        mkdirSync('assets/screenshots/templates', { recursive: true });
        await page.locator('.board').screenshot({ path: `assets/screenshots/templates/${tpl.id}.png` });
      }
    }
    await page.getByRole('button', { name: 'Zoom to fit', exact: true }).click();
    await expectNoAxeViolations(page, 'a canvas with zones');
    await screenshots(page, 'canvas-transition-team');
  });

  test('boards are renamed, duplicated with their notes, reordered and deleted with Undo', async ({ page }) => {
    await addNote(page, 'Kept in the copy');
    await menu(page, 'Main board', 'Rename');
    const rename = page.getByRole('dialog', { name: 'Rename board' });
    await rename.getByRole('textbox', { name: 'Board name', exact: true }).fill('Ideas');
    await rename.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('main', { name: 'Board: Ideas', exact: true })).toBeVisible();

    await menu(page, 'Ideas', 'Duplicate');
    await expect(page.getByRole('main', { name: 'Board: Ideas (copy)', exact: true })).toBeVisible();
    await expect(page.getByRole('article', { name: 'Kept in the copy', exact: true })).toBeVisible();

    const order = () => nav(page).locator('.board-tab').allTextContents();
    expect(await order()).toEqual(['Ideas', 'Ideas (copy)']);
    await menu(page, 'Ideas (copy)', 'Move up');
    await expect.poll(order).toEqual(['Ideas (copy)', 'Ideas']);
    await menu(page, 'Ideas (copy)', 'Move down');
    await expect.poll(order).toEqual(['Ideas', 'Ideas (copy)']);

    await menu(page, 'Ideas (copy)', 'Delete');
    await expect.poll(order).toEqual(['Ideas']);
    await expect(page.getByRole('main', { name: 'Board: Ideas', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Undo delete board', exact: true }).click();
    await expect.poll(order).toEqual(['Ideas', 'Ideas (copy)']);
    await expectNoAxeViolations(page, 'boards navigation');
  });
});

test.describe('facilitator and participant', () => {
  let peers: Peer[] = [];
  test.afterEach(async () => {
    await Promise.all(peers.map((p) => p.close()));
    peers = [];
  });

  test('a board made from a template, and a board saved as a template, reach the participant', async ({ baseURL }) => {
    test.setTimeout(120_000);
    const fac = await launchPeer(baseURL!, 'Fac');
    const pat = await launchPeer(baseURL!, 'Pat');
    peers = [fac, pat];
    await createSession(fac.page, 'Templates together');
    await joinAs(pat, await readJoinLink(fac.page));
    await boardFrom(fac.page, 'Stakeholder map');
    await expect(nav(pat.page).getByRole('button', { name: 'Stakeholder map', exact: true })).toBeVisible();
    await nav(pat.page).getByRole('button', { name: 'Stakeholder map', exact: true }).click();
    await expect(pat.page.getByRole('group', { name: 'Manage closely', exact: true })).toContainText('High influence, high interest');

    await menu(fac.page, 'Stakeholder map', 'Save as template');
    const save = fac.page.getByRole('dialog', { name: 'Save board as template' });
    await save.getByRole('textbox', { name: 'Template name', exact: true }).fill('Our power grid');
    await save.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(fac.page.getByRole('status').filter({ hasText: 'Template “Our power grid” saved' })).toBeVisible();

    await nav(pat.page).getByRole('button', { name: 'New board', exact: true }).click();
    const gallery = pat.page.getByRole('dialog', { name: 'Choose a template' });
    await expect(gallery.getByRole('region', { name: 'Saved in this session' }).getByRole('button', { name: 'Our power grid', exact: true })).toBeVisible();
    await gallery.getByRole('button', { name: 'Our power grid', exact: true }).click();
    await expect(pat.page.getByRole('main', { name: 'Board: Our power grid', exact: true }).locator('.zone')).toHaveCount(4);
    // Participants cannot change zones or save templates: the facilitator's tools are not offered.
    await nav(pat.page).getByRole('button', { name: 'Board options: Our power grid', exact: true }).click();
    await expect(pat.page.getByRole('menuitem', { name: 'Save as template', exact: true })).toHaveAttribute('aria-disabled', 'true');
  });
});
