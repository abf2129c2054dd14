import { expect, test } from '@playwright/test';
import { addNote, createSession } from './support/board';
import { addManyNotes, connection, joinAs, launchPeer, readJoinLink, rtcCreated, type Peer } from './support/peers';

let peers: Peer[] = [];
test.afterEach(async () => {
  await Promise.all(peers.map((p) => p.close()));
  peers = [];
});

test('a peer with WebRTC disabled syncs both ways through the relay', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const facilitator = await launchPeer(baseURL!, 'Facilitator');
  const ola = await launchPeer(baseURL!, 'Ola', { webrtc: false });
  peers = [facilitator, ola];
  await createSession(facilitator.page, 'Relay only');
  await addNote(facilitator.page, 'From the facilitator');
  await joinAs(ola, await readJoinLink(facilitator.page), { webrtc: false });

  await expect(ola.page.getByRole('article', { name: 'From the facilitator' })).toBeVisible();
  await addNote(ola.page, 'From Ola without WebRTC');
  await expect(facilitator.page.getByRole('article', { name: 'From Ola without WebRTC' })).toBeVisible();
  await expect(connection(ola.page)).toHaveText(/Connected · 1 peer(?!s)/);
  // Only the relay can have carried it: this browser never opened a peer connection.
  await expect(connection(ola.page)).toHaveAttribute('data-webrtc', 'off');
  expect(await rtcCreated(ola.page)).toBe(0);
});

test('a late joiner gets a board larger than 300 KB from the relay after the facilitator closed the app', async ({ baseURL }) => {
  test.setTimeout(240_000);
  const facilitator = await launchPeer(baseURL!, 'Facilitator');
  const early = await launchPeer(baseURL!, 'Early', { webrtc: false });
  peers = [facilitator, early];
  await createSession(facilitator.page, 'Big board');
  // 160 notes × 2 000 characters: about 320 KB of text, beyond a WebRTC data channel's 256 KiB.
  await addManyNotes(facilitator.page, 160, 2_000);
  await expect(facilitator.page.getByText('160 notes')).toBeVisible();
  const link = await readJoinLink(facilitator.page);

  // An early participant without WebRTC sees everything: so the host has all of it.
  await joinAs(early, link, { webrtc: false });
  await expect(early.page.getByText('160 notes')).toBeVisible({ timeout: 60_000 });
  await facilitator.close();
  await expect(connection(early.page)).toHaveText(/Connected · 0 peers/);

  // The late joiner has WebRTC on, but nobody to reach over it with the whole board: the relay sends it.
  const late = await launchPeer(baseURL!, 'Late');
  peers = [early, late];
  await joinAs(late, link);
  await expect(late.page.getByRole('main', { name: 'Board: Main board' })).toBeVisible({ timeout: 60_000 });
  await expect(late.page.getByText('160 notes')).toBeVisible({ timeout: 60_000 });
  await expect(late.page.getByRole('article', { name: /^Idea 1: / })).toBeVisible();
});
