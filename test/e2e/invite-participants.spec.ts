import { expect, test } from '@playwright/test';
import { addNote, createSession } from './support/board';
import { connection, joinAs, launchPeer, readJoinLink, type Peer } from './support/peers';

let peers: Peer[] = [];
test.afterEach(async () => {
  await Promise.all(peers.map((p) => p.close()));
  peers = [];
});

test('the invite dialog lists a joined participant by name, and Remove disconnects them', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const facilitator = await launchPeer(baseURL!, 'Facilitator');
  const participant = await launchPeer(baseURL!, 'Ola');
  peers = [facilitator, participant];
  await createSession(facilitator.page, 'Gdańsk lab');
  await addNote(facilitator.page, 'Harbour heat network');
  const link = await readJoinLink(facilitator.page);
  // Relay only: removal closes the relay socket, which is what the dialog promises.
  await joinAs(participant, link, { webrtc: false });
  await expect(participant.page.getByRole('article', { name: 'Harbour heat network' })).toBeVisible();

  await facilitator.page.getByRole('button', { name: 'Invite participants' }).click();
  const dialog = facilitator.page.getByRole('dialog', { name: 'Invite participants' });
  const people = dialog.getByRole('list', { name: 'Connected participants' });
  await expect(people.getByRole('listitem')).toHaveCount(1);
  await expect(people.getByRole('listitem')).toContainText('Ola');
  await people.getByRole('button', { name: 'Remove Ola' }).click();

  await expect(participant.page.getByRole('alert')).toContainText('The facilitator removed you from this session');
  await expect(connection(facilitator.page)).toHaveText(/Hosting · 0 participants/);
});
