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

test('the facilitator is told plainly when their host stops; after a restart signaling recovers and a newcomer connects directly', async () => {
  test.setTimeout(180_000);
  host = await startHost();
  const { port, dataDir, url } = host;
  const facilitator = await launchPeer(url, 'Facilitator');
  const early = await launchPeer(url, 'Early');
  peers = [facilitator, early];

  await createSession(facilitator.page, 'Restart');
  await addNote(facilitator.page, 'Before the restart');
  const link = await readJoinLink(facilitator.page);
  await joinAs(early, link);
  await expect(early.page.getByRole('article', { name: 'Before the restart' })).toBeVisible();
  await expect.poll(() => rtcConnected(facilitator.page)).toBe(1);
  await expect(connection(facilitator.page)).toHaveText(/^Hosting · 1 participant(?!s)/);

  // Count signaling sockets the host turned away (a stale ticket), per page, from here on.
  const refused = new Map<Peer, number>();
  for (const p of peers) {
    refused.set(p, 0);
    p.page.on('console', (message) => {
      if (/\/signal.*(401|Authentication failed)/i.test(message.text())) refused.set(p, (refused.get(p) ?? 0) + 1);
    });
  }

  await host.stop();
  await expect(connection(facilitator.page)).toHaveText(/^Host stopped · nobody new can join/);
  // The participant's view does not claim to host anything: it still sees its direct peer.
  await expect(connection(early.page)).toHaveText(/^Connected · 1 peer(?!s)/);

  host = await startHost({ port, dataDir });
  await expect(connection(facilitator.page)).toHaveText(/^Hosting · 1 participant(?!s)/, { timeout: 60_000 });

  // Someone new joins after the restart: they must reach both others over WebRTC, which needs
  // the others' signaling to run on fresh tickets (old ones died with the host).
  const late = await launchPeer(url, 'Late');
  peers.push(late);
  await joinAs(late, link);
  await expect(late.page.getByRole('article', { name: 'Before the restart' })).toBeVisible();
  await expect.poll(() => rtcConnected(late.page), { timeout: 60_000 }).toBe(2);
  await addNote(late.page, 'After the restart');
  await expect(early.page.getByRole('article', { name: 'After the restart' })).toBeVisible();

  // And nobody keeps knocking with a dead ticket.
  const before = [...refused.values()].reduce((a, b) => a + b, 0);
  await facilitator.page.waitForTimeout(5_000);
  const after = [...refused.values()].reduce((a, b) => a + b, 0);
  expect(after - before).toBe(0);
});
