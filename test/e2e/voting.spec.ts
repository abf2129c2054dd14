import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { addNote, createSession } from './support/board';
import { joinAs, launchPeer, readJoinLink, type Peer } from './support/peers';

let peers: Peer[] = [];
test.afterEach(async () => {
  await Promise.all(peers.map((p) => p.close()));
  peers = [];
});

const note = (page: Page, text: string) => page.getByRole('article', { name: text, exact: true });
const voteOn = (page: Page, text: string) => note(page, text).getByRole('button', { name: 'Vote', exact: true });
const votesLeft = (page: Page) => page.getByRole('status', { name: 'Votes left', exact: true });

test('three people vote: the budget holds, totals stay hidden until End voting, results are ranked and split by level', async ({ baseURL }) => {
  test.setTimeout(150_000);
  const fac = await launchPeer(baseURL!, 'Fac');
  const ola = await launchPeer(baseURL!, 'Ola');
  const jan = await launchPeer(baseURL!, 'Jan');
  peers = [fac, ola, jan];
  await createSession(fac.page, 'Voting');
  for (const text of ['Heat pumps', 'Bike lanes', 'Green roofs']) await addNote(fac.page, text);
  const link = await readJoinLink(fac.page);
  // Ola works at national level, Jan for the city; both say so when joining.
  await joinAs(ola, link, { level: 'National' });
  await joinAs(jan, link, { level: 'Local' });
  for (const p of [ola, jan]) await expect(note(p.page, 'Green roofs')).toBeVisible();
  // Participants have no facilitator control.
  await expect(ola.page.getByRole('button', { name: 'Start voting', exact: true })).toHaveCount(0);

  await fac.page.getByRole('button', { name: 'Start voting', exact: true }).click();
  const dialog = fac.page.getByRole('dialog');
  await dialog.getByRole('spinbutton', { name: 'Votes per person', exact: true }).fill('2');
  await expect(dialog.getByRole('checkbox', { name: 'Hide totals until the end', exact: true })).toBeChecked();
  await dialog.getByRole('button', { name: 'Start voting', exact: true }).click();
  await expect(fac.page.getByRole('button', { name: 'End voting', exact: true })).toBeVisible();

  for (const p of [ola, jan]) await expect(votesLeft(p.page)).toHaveText('2 votes left');
  // Ola: two on Heat pumps; then her budget is spent.
  await voteOn(ola.page, 'Heat pumps').click();
  await voteOn(ola.page, 'Heat pumps').click();
  await expect(votesLeft(ola.page)).toHaveText('0 votes left');
  await expect(voteOn(ola.page, 'Bike lanes')).toBeDisabled();
  // She takes one back and gives it to Bike lanes.
  await note(ola.page, 'Heat pumps').getByRole('button', { name: 'Take back vote', exact: true }).click();
  await expect(votesLeft(ola.page)).toHaveText('1 vote left');
  await voteOn(ola.page, 'Bike lanes').click();
  // Jan: Heat pumps and Green roofs.
  await voteOn(jan.page, 'Heat pumps').click();
  await voteOn(jan.page, 'Green roofs').click();
  await expect(votesLeft(jan.page)).toHaveText('0 votes left');
  // Hidden totals: nobody sees counts on the notes while voting runs.
  for (const p of [fac, ola, jan]) await expect(p.page.locator('.vote-total')).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page: ola.page }).analyze();
  expect(violations.map((v) => v.id), 'voting on a participant’s screen').toEqual([]);

  await fac.page.getByRole('button', { name: 'End voting', exact: true }).click();
  for (const p of [fac, ola, jan]) {
    const results = p.page.getByRole('region', { name: 'Voting results', exact: true });
    await expect(results).toBeVisible();
    const items = results.getByRole('listitem');
    await expect(items).toHaveCount(3);
    await expect(items.nth(0)).toContainText('Heat pumps');
    await expect(items.nth(0)).toContainText('2 votes');
    await expect(voteOn(p.page, 'Heat pumps')).toHaveCount(0);
  }
  // Side by side, what each level chose: Ola's (national) and Jan's (local) counted votes.
  for (const p of [fac, jan]) {
    const byLevel = p.page.getByRole('region', { name: 'By governance level', exact: true });
    const national = byLevel.getByRole('region', { name: 'National', exact: true });
    const local = byLevel.getByRole('region', { name: 'Local', exact: true });
    await expect(national.getByRole('heading')).toHaveText('National · 2 votes');
    await expect(national.getByRole('listitem')).toHaveText([/Bike lanes.*1 vote|Heat pumps.*1 vote/, /Bike lanes.*1 vote|Heat pumps.*1 vote/]);
    await expect(local.getByRole('listitem')).toHaveCount(2);
    await expect(local.getByRole('listitem').nth(0)).toContainText('1 vote');
  }
  const after = await new AxeBuilder({ page: fac.page }).analyze();
  expect(after.violations.map((v) => v.id), 'voting results').toEqual([]);

  // Every round's results can be reopened from the list of past rounds.
  await ola.page.getByRole('button', { name: 'Close results', exact: true }).click();
  await expect(ola.page.getByRole('region', { name: 'Voting results', exact: true })).toHaveCount(0);
  const past = ola.page.getByRole('button', { name: /^Round 1 · Main board · / });
  await past.click();
  await expect(ola.page.getByRole('region', { name: 'Voting results', exact: true }).getByRole('listitem').nth(0)).toContainText('Heat pumps');

  // A second round, named this time, gets its own entry and says who chose what.
  await fac.page.getByRole('button', { name: 'Start voting', exact: true }).click();
  await fac.page.getByRole('dialog').getByRole('checkbox', { name: 'Anonymous (nobody sees who voted for what)', exact: true }).uncheck();
  await fac.page.getByRole('dialog').getByRole('button', { name: 'Start voting', exact: true }).click();
  await voteOn(ola.page, 'Green roofs').click();
  await expect(votesLeft(ola.page)).toHaveText('4 votes left');
  await fac.page.getByRole('button', { name: 'End voting', exact: true }).click();
  await expect(ola.page.getByRole('button', { name: /^Round 2 · Main board · / })).toBeVisible();
  const second = jan.page.getByRole('region', { name: 'Voting results', exact: true });
  await expect(second.getByRole('listitem')).toHaveCount(1);
  await expect(second.getByRole('listitem')).toContainText('Voted by Ola');
});
