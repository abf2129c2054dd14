import { expect, test } from '@playwright/test';
import { addNote, createSession } from './support/board';
import { joinAs, launchPeer, readJoinLink, type Peer } from './support/peers';
import { expectNoAxeViolations, screenshots } from './support/look';

let peers: Peer[] = [];
test.afterEach(async () => {
  await Promise.all(peers.map((p) => p.close()));
  peers = [];
});

test('the facilitator removes participants’ names: the notes stay, on every screen, without who wrote them', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const fran = await launchPeer(baseURL!, 'Fran', { webrtc: false });
  const ola = await launchPeer(baseURL!, 'Ola', { webrtc: false });
  peers = [fran, ola];
  await createSession(fran.page, 'Privacy');
  await joinAs(ola, await readJoinLink(fran.page), { webrtc: false });
  await ola.page.getByRole('main', { name: 'Board: Main board', exact: true }).waitFor();
  await addNote(ola.page, 'Idea from Ola');
  const onFran = fran.page.getByRole('article', { name: 'Idea from Ola', exact: true });
  await expect(onFran).toHaveAccessibleDescription('Written by Ola');
  // Participants have no such control.
  await expect(ola.page.getByRole('button', { name: 'Remove participants’ names', exact: true })).toHaveCount(0);

  await fran.page.getByRole('button', { name: 'Remove participants’ names', exact: true }).click();
  const ask = fran.page.getByRole('alertdialog', { name: 'Remove participants’ names?', exact: true });
  await expect(ask).toBeVisible();
  await expectNoAxeViolations(fran.page, 'remove names dialog');
  await screenshots(fran.page, 'purge-names');
  await ask.getByRole('button', { name: 'Remove names', exact: true }).click();
  await expect(fran.page.getByRole('status').filter({ hasText: '1 name removed from the session.' })).toBeVisible();

  for (const page of [fran.page, ola.page]) {
    const note = page.getByRole('article', { name: 'Idea from Ola', exact: true });
    await expect(note).toBeVisible();
    await expect(note).not.toHaveAccessibleDescription(/Ola/);
    await expect(note.locator('.note-author')).toHaveCount(0);
  }
});
