import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { addNote, createSession } from './support/board';
import { joinAs, launchPeer, readJoinLink, type Peer } from './support/peers';

/** WCAG 2.1 A/AA plus axe's best practices: zero violations, each listed by rule and target when it fails. */
async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  // A run that checked nothing would pass too: make sure it looked at the screen.
  expect(results.passes.length, `axe checked ${screen}`).toBeGreaterThan(10);
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(found, `axe on ${screen}`).toEqual([]);
}

let peers: Peer[] = [];
test.afterEach(async () => {
  await Promise.all(peers.map((p) => p.close()));
  peers = [];
});

test('axe: Home, with sessions listed', async ({ page }) => {
  await page.goto('/');
  await expectNoViolations(page, 'Home (empty)');
  await createSession(page, 'Accessible lab');
  await page.goto('/');
  await expect(page.getByRole('list', { name: 'Sessions' })).toBeVisible();
  await expectNoViolations(page, 'Home');
  await page.getByRole('button', { name: 'Join session', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Join a session' })).toBeVisible();
  await expectNoViolations(page, 'Join session dialog');
});

test('axe: a board with notes and a selection, and the invite dialog', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  await createSession(page, 'Accessible lab');
  await addNote(page, 'Bus lanes');
  await addNote(page, 'Green roofs');
  await page.getByRole('article', { name: 'Bus lanes', exact: true }).click();
  await expect(page.getByRole('toolbar', { name: 'Note options' })).toBeVisible();
  await expectNoViolations(page, 'board with a selection');

  await page.getByRole('button', { name: 'Invite participants', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite participants' });
  await expect(dialog.getByRole('textbox', { name: 'Join link', exact: true })).toHaveValue(/#\/join\//);
  await expectNoViolations(page, 'invite dialog');
  await dialog.getByRole('button', { name: 'Change join code', exact: true }).click();
  await expect(dialog.getByRole('button', { name: 'Keep the current code', exact: true })).toBeFocused();
  await expectNoViolations(page, 'invite dialog asking before a code change');
  await page.setViewportSize({ width: 800, height: 600 });
  await dialog.screenshot({ path: testInfo.outputPath('invite-asking-800.png') });
});

test('axe: the join page and a joined board', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const facilitator = await launchPeer(baseURL!, 'Facilitator');
  const participant = await launchPeer(baseURL!, 'Participant');
  peers = [facilitator, participant];
  await createSession(facilitator.page, 'Accessible lab');
  await addNote(facilitator.page, 'Bus lanes');
  const link = await readJoinLink(facilitator.page);
  await participant.page.goto(link);
  await expect(participant.page.getByRole('textbox', { name: 'Your name', exact: true })).toBeVisible();
  await expectNoViolations(participant.page, 'join page');
  await joinAs(participant, link);
  await expect(participant.page.getByRole('article', { name: 'Bus lanes', exact: true })).toBeVisible();
  await expectNoViolations(participant.page, 'joined board');
});

test('axe: a 390 px board, panel folded and open', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await createSession(page, 'Accessible lab');
  await addNote(page, 'Bus lanes');
  await page.getByRole('article', { name: 'Bus lanes', exact: true }).click();
  await expectNoViolations(page, '390 px board');
  await page.getByRole('navigation', { name: 'Boards' }).getByRole('button', { name: 'Show boards', exact: true }).click();
  await expectNoViolations(page, '390 px board with the boards panel open');
});
