import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { addNote, boxOf, createSession } from './support/board';
import { joinAs, launchPeer, readJoinLink, type Peer } from './support/peers';

/**
 * The README's "Running a workshop" pictures, from the real app at 1400×900: a short lab with an
 * agenda, a private brainstorm, its reveal and a dot vote split by governance level, run by a
 * facilitator with two participants in their own browsers. It checks what the pictures show, and
 * that the floating panels cover neither the toolbar nor each other. `TL_README_SHOTS=1` writes
 * them to assets/screenshots/; otherwise to the test's output folder.
 */
let peers: Peer[] = [];
test.afterEach(async () => {
  await Promise.all(peers.map((p) => p.close()));
  peers = [];
});

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function shot(page: Page, name: string, outputPath: (name: string) => string): Promise<void> {
  const target = process.env.TL_README_SHOTS ? `assets/screenshots/${name}.png` : outputPath(`${name}.png`);
  if (process.env.TL_README_SHOTS) mkdirSync('assets/screenshots', { recursive: true });
  await page.screenshot({ path: target });
}

test('README pictures: agenda, private brainstorm, reveal and a vote split by level', async ({ baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const fac = await launchPeer(baseURL!, 'Facilitator');
  const ola = await launchPeer(baseURL!, 'Ola');
  const jan = await launchPeer(baseURL!, 'Jan');
  peers = [fac, ola, jan];
  const fp = fac.page;
  await fp.setViewportSize({ width: 1400, height: 900 });
  await ola.page.setViewportSize({ width: 1400, height: 900 });
  await createSession(fp, 'Kraków transition lab');

  const agenda = fp.getByRole('region', { name: 'Agenda', exact: true });
  for (const [title, minutes] of [
    ['Welcome and goals', '10'],
    ['Barriers: private brainstorm', '15'],
    ['Dot vote on priorities', '10'],
  ]) {
    await agenda.getByRole('button', { name: 'Add activity', exact: true }).click();
    const dialog = fp.getByRole('dialog', { name: 'New activity', exact: true });
    await dialog.getByRole('textbox', { name: 'Activity', exact: true }).fill(title!);
    await dialog.getByRole('spinbutton', { name: 'Planned minutes', exact: true }).fill(minutes!);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  }
  const link = await readJoinLink(fp);
  await joinAs(ola, link, { level: 'National' });
  await joinAs(jan, link, { level: 'Local' });
  await expect(fp.getByRole('status', { name: 'Connection' })).toHaveText(/^Hosting · 2 participants/);

  await agenda.getByRole('listitem').filter({ hasText: 'Welcome and goals' }).getByRole('button', { name: 'Start activity', exact: true }).click();
  await agenda.getByRole('listitem').filter({ hasText: 'Barriers: private brainstorm' }).getByRole('button', { name: 'Start activity', exact: true }).click();
  await fp.getByRole('switch', { name: 'Private brainstorm', exact: true }).click();
  await addNote(ola.page, 'National co-funding rules are unclear', 'key');
  await addNote(ola.page, 'Ministry data on emissions comes late', 'key');
  await addNote(jan.page, 'City procurement blocks heat-pump tenders', 'key');
  await addNote(jan.page, 'No staff for a one-stop renovation shop', 'key');
  await expect(fp.getByRole('article')).toHaveCount(4);
  await expect(ola.page.getByRole('article')).toHaveCount(2);
  await fp.getByRole('button', { name: 'Zoom to fit', exact: true }).click();
  await ola.page.getByRole('button', { name: 'Zoom to fit', exact: true }).click();
  await fp.mouse.move(1380, 880);
  await ola.page.mouse.move(1380, 880);
  await shot(fp, 'workshop-facilitator', (n) => testInfo.outputPath(n));
  await shot(ola.page, 'workshop-private-participant', (n) => testInfo.outputPath(n));

  await fp.getByRole('button', { name: 'Reveal notes', exact: true }).click();
  await expect(ola.page.getByRole('article')).toHaveCount(4);
  await fp.getByRole('switch', { name: 'Private brainstorm', exact: true }).click();
  await agenda.getByRole('listitem').filter({ hasText: 'Dot vote on priorities' }).getByRole('button', { name: 'Start activity', exact: true }).click();
  await fp.getByRole('button', { name: 'Start voting', exact: true }).click();
  await fp.getByRole('dialog').getByRole('spinbutton', { name: 'Votes per person', exact: true }).fill('2');
  await fp.getByRole('dialog').getByRole('button', { name: 'Start voting', exact: true }).click();
  const vote = (p: Page, text: string) => p.getByRole('article', { name: text, exact: true }).getByRole('button', { name: 'Vote', exact: true }).click();
  await vote(ola.page, 'National co-funding rules are unclear');
  await vote(ola.page, 'City procurement blocks heat-pump tenders');
  await vote(jan.page, 'City procurement blocks heat-pump tenders');
  await vote(jan.page, 'No staff for a one-stop renovation shop');
  await expect(jan.page.getByRole('status', { name: 'Votes left', exact: true })).toHaveText('0 votes left');
  await fp.getByRole('button', { name: 'End voting', exact: true }).click();
  const results = fp.getByRole('region', { name: 'Voting results', exact: true });
  await expect(results.getByRole('listitem').first()).toContainText('City procurement blocks heat-pump tenders');
  await expect(results.getByRole('listitem').first()).toContainText('2 votes');
  const byLevel = fp.getByRole('region', { name: 'By governance level', exact: true });
  await expect(byLevel.getByRole('heading', { level: 4 })).toHaveText(['National · 2 votes', 'Local · 2 votes']);
  // The results card leaves the toolbar's controls free.
  const card = await boxOf(fp.locator('.voting-results'));
  for (const control of await fp.getByRole('toolbar', { name: 'Board tools' }).getByRole('button').all()) {
    expect(overlaps(card, await boxOf(control)), await control.innerText()).toBe(false);
  }
  await fp.mouse.move(1380, 880);
  await shot(fp, 'workshop-results', (n) => testInfo.outputPath(n));
});
