import { expect, test } from '@playwright/test';
import { addNote, createSession } from './support/board';
import { connection, joinAs, launchPeer, readJoinLink, rtcConnected, startHost, type HostProcess, type Peer } from './support/peers';

let peers: Peer[] = [];
let host: HostProcess | null = null;
test.afterEach(async () => {
  await Promise.all(peers.map((p) => p.close()));
  peers = [];
  await host?.stop();
  host = null;
});

test('with the host stopped, WebRTC peers keep syncing, an offline peer keeps editing, and everything merges when the host returns', async () => {
  test.setTimeout(240_000);
  host = await startHost();
  const { port, dataDir, url } = host;
  const facilitator = await launchPeer(url, 'Facilitator');
  const mesh = await launchPeer(url, 'Mesh');
  const offline = await launchPeer(url, 'Offline', { webrtc: false });
  peers = [facilitator, mesh, offline];

  await createSession(facilitator.page, 'Power cut');
  await addNote(facilitator.page, 'Before the cut');
  const link = await readJoinLink(facilitator.page);
  await joinAs(mesh, link);
  await joinAs(offline, link, { webrtc: false });
  for (const p of [mesh, offline]) await expect(p.page.getByRole('article', { name: 'Before the cut' })).toBeVisible();
  await expect.poll(() => rtcConnected(facilitator.page)).toBe(1);

  await host.stop();
  for (const p of peers) await expect(connection(p.page)).toHaveAttribute('data-relay', 'offline');
  // The relay-only participant is now fully offline.
  await expect(connection(offline.page)).toHaveText(/Offline/);
  await expect(connection(mesh.page)).toHaveText(/Connected · 1 peer(?!s)/);

  // With the host down, only WebRTC can carry this.
  await addNote(mesh.page, 'Through the mesh');
  await expect(facilitator.page.getByRole('article', { name: 'Through the mesh' })).toBeVisible();
  await addNote(facilitator.page, 'Facilitator during the cut');
  await addNote(offline.page, 'Written offline');

  host = await startHost({ port, dataDir });
  for (const p of peers) {
    for (const text of ['Before the cut', 'Through the mesh', 'Facilitator during the cut', 'Written offline']) {
      await expect(p.page.getByRole('article', { name: text })).toBeVisible({ timeout: 60_000 });
    }
  }
  await expect(connection(facilitator.page)).toHaveText(/Hosting · 2 participants/, { timeout: 60_000 });

  // Nothing merged out of sight: the peer that was offline is told what the others did meanwhile,
  // by whom, and can jump to it; its own offline note is not in its list.
  const apart = offline.page.getByRole('region', { name: 'While you were apart', exact: true });
  await expect(apart).toBeVisible({ timeout: 30_000 });
  const lines = apart.getByRole('region', { name: 'Main board', exact: true }).getByRole('listitem');
  await expect(lines.filter({ hasText: 'Facilitator added “Facilitator during the cut”' })).toHaveCount(1);
  await expect(lines.filter({ hasText: 'Mesh added “Through the mesh”' })).toHaveCount(1);
  await expect(lines.filter({ hasText: 'Written offline' })).toHaveCount(0);
  await lines.filter({ hasText: 'Through the mesh' }).getByRole('button', { name: 'Show', exact: true }).click();
  await expect(offline.page.getByRole('article', { name: 'Through the mesh' })).toBeFocused();
  // The facilitator, whose host came back, sees what the offline peer brought.
  const back = facilitator.page.getByRole('region', { name: 'While you were apart', exact: true });
  await expect(back.getByRole('listitem').filter({ hasText: 'Offline added “Written offline”' })).toHaveCount(1, { timeout: 30_000 });
  await back.getByRole('button', { name: 'Close summary', exact: true }).click();
  await expect(back).toHaveCount(0);
});
