import { expect, test } from '@playwright/test';
import { addNote, boxOf, createSession, dragBy } from './support/board';
import { connection, joinAs, launchPeer, readJoinLink, rtcConnected, type Peer } from './support/peers';

let peers: Peer[] = [];
test.afterEach(async () => {
  await Promise.all(peers.map((p) => p.close()));
  peers = [];
});

test('three peers in their own browsers converge on add, edit, move and delete', async ({ baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const facilitator = await launchPeer(baseURL!, 'Facilitator');
  const ola = await launchPeer(baseURL!, 'Ola');
  const jan = await launchPeer(baseURL!, 'Jan');
  peers = [facilitator, ola, jan];

  await createSession(facilitator.page, 'Kraków lab');
  await expect(connection(facilitator.page)).toHaveText(/Hosting · 0 participants/);
  await addNote(facilitator.page, 'Heat pumps for schools');
  const link = await readJoinLink(facilitator.page);

  await joinAs(ola, link);
  await joinAs(jan, link);
  for (const p of [ola, jan]) {
    await expect(p.page.getByRole('main', { name: 'Board: Main board' })).toBeVisible();
    await expect(p.page.getByRole('article', { name: 'Heat pumps for schools' })).toBeVisible();
  }
  await expect(connection(facilitator.page)).toHaveText(/Hosting · 2 participants/);
  await expect(connection(ola.page)).toHaveText(/Connected · 2 peers/);
  // The mesh forms too: every browser has WebRTC connections to the two others.
  for (const p of peers) await expect.poll(() => rtcConnected(p.page)).toBe(2);

  const shot = testInfo.outputPath('connection-status.png');
  await facilitator.page.screenshot({ path: shot, clip: { x: 0, y: 0, width: 1280, height: 80 } });

  // Add on each peer.
  await addNote(ola.page, 'Bike lanes on ring road');
  await addNote(jan.page, 'Citizens assembly');
  for (const p of peers) {
    for (const text of ['Heat pumps for schools', 'Bike lanes on ring road', 'Citizens assembly']) {
      await expect(p.page.getByRole('article', { name: text, exact: true })).toBeVisible();
    }
  }

  // Edit on a participant.
  await jan.page.getByRole('article', { name: 'Heat pumps for schools' }).dblclick();
  const editor = jan.page.getByRole('textbox', { name: 'Note text' });
  await editor.press('End');
  await editor.pressSequentially(' and libraries');
  await editor.press('Escape');
  for (const p of peers) await expect(p.page.getByRole('article', { name: 'Heat pumps for schools and libraries' })).toBeVisible();

  // Move on the facilitator: the others see it shift by the same distance.
  // Each peer against its own view (views differ: each follows its own person's focus).
  const name = 'Citizens assembly';
  const before = new Map<Peer, Awaited<ReturnType<typeof boxOf>>>();
  for (const p of [ola, jan]) before.set(p, await boxOf(p.page.getByRole('article', { name })));
  await dragBy(facilitator.page, facilitator.page.getByRole('article', { name }), 240, 120);
  for (const p of [ola, jan]) {
    await expect.poll(async () => {
      const now = await boxOf(p.page.getByRole('article', { name }));
      const was = before.get(p)!;
      return Math.abs(now.x - was.x - 240) <= 4 && Math.abs(now.y - was.y - 120) <= 4;
    }).toBe(true);
  }

  // Delete on a participant.
  await ola.page.getByRole('article', { name: 'Bike lanes on ring road' }).focus();
  await ola.page.keyboard.press('Delete');
  for (const p of peers) {
    await expect(p.page.getByRole('article', { name: 'Bike lanes on ring road' })).toHaveCount(0);
    await expect(p.page.getByRole('article')).toHaveCount(2);
  }
});
