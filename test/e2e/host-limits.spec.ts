import { expect, test } from '@playwright/test';
import { createSession } from './support/board';
import { addManyNotes, launchPeer, startHost, type HostProcess, type Peer } from './support/peers';

let peers: Peer[] = [];
let host: HostProcess | null = null;
test.afterEach(async () => {
  await Promise.all(peers.map((p) => p.close()));
  peers = [];
  await host?.stop();
  host = null;
});

test("a session past the host's size limit: the facilitator is told why, in words, and keeps the work", async () => {
  test.setTimeout(240_000);
  host = await startHost({ args: ['--max-room-mb', '1'] });
  const facilitator = await launchPeer(host.url, 'Facilitator');
  peers = [facilitator];
  await createSession(facilitator.page, 'Too big for this host');
  // 600 notes × 2 000 characters (a note's most): about 1.2 MB, past the 1 MiB the host was given.
  await addManyNotes(facilitator.page, 600, 2_000);
  await expect(facilitator.page.getByRole('alert')).toContainText('This session has reached the host’s size limit', { timeout: 60_000 });
  await expect(facilitator.page.getByRole('status', { name: 'Connection' })).toHaveText(/Not connected/);
  // Nothing is lost on the facilitator's side: the board still has every note.
  await expect(facilitator.page.getByText('600 notes')).toBeVisible();
});
