import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createSession } from './support/board';
import { joinAs, launchPeer, readJoinLink, type Peer } from './support/peers';

let peers: Peer[] = [];
test.afterEach(async () => {
  await Promise.all(peers.map((p) => p.close()));
  peers = [];
});

const timer = (page: Page) => page.getByRole('timer', { name: 'Timer', exact: true });
/** Seconds left as the readout shows them (m:ss). */
async function secondsLeft(page: Page): Promise<number> {
  const text = (await timer(page).locator('.timer-readout').textContent()) ?? '';
  const [m, s] = text.trim().split(/[:\s]/).map(Number);
  return m! * 60 + s!;
}

test('everyone sees the same time left, even with a clock five minutes off; pause, +1 min, reload, and the cue at zero, once', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const fac = await launchPeer(baseURL!, 'Fac');
  const pat = await launchPeer(baseURL!, 'Pat');
  peers = [fac, pat];
  // The participant's laptop runs five minutes fast; its chime is counted instead of heard.
  await pat.page.clock.install({ time: Date.now() + 5 * 60_000 });
  // The host cannot be fast-forwarded with the participant's page: when time is made to pass on
  // that page, its host's answers are moved on by as much, so the two stay as far apart as before.
  let hostMovedOnMs = 0;
  await pat.page.route('**/healthz', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { now?: number };
    await route.fulfill({ response, json: { ...body, ...(typeof body.now === 'number' ? { now: body.now + hostMovedOnMs } : {}) } });
  });
  await pat.page.addInitScript(() => {
    const w = window as unknown as { __tones: number; AudioContext: unknown };
    w.__tones = 0;
    w.AudioContext = class {
      currentTime = 0;
      destination = {};
      createOscillator() {
        return { frequency: {}, type: '', connect: (n: unknown) => n, start: () => (w.__tones += 1), stop: () => {} };
      }
      createGain() {
        return { gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (n: unknown) => n };
      }
      close() {
        return Promise.resolve();
      }
    };
  });
  await createSession(fac.page, 'Timer');
  await joinAs(pat, await readJoinLink(fac.page));
  await expect(pat.page.getByRole('main', { name: 'Board: Main board' })).toBeVisible();
  await expect(timer(pat.page)).toHaveCount(0);

  await timer(fac.page).getByRole('spinbutton', { name: 'Minutes', exact: true }).fill('3');
  await timer(fac.page).getByRole('button', { name: 'Start timer', exact: true }).click();
  await expect(timer(pat.page)).toBeVisible();
  // Without the host's time the participant would read about 0:00 (its clock is 5 min ahead).
  await expect.poll(async () => Math.abs((await secondsLeft(pat.page)) - (await secondsLeft(fac.page)))).toBeLessThanOrEqual(2);
  expect(await secondsLeft(pat.page)).toBeGreaterThan(170);
  await expect(timer(pat.page).getByRole('button')).toHaveCount(1); // only the mute button: no controls

  await timer(fac.page).getByRole('button', { name: 'Pause timer', exact: true }).click();
  await expect(timer(pat.page)).toContainText('paused');
  const paused = await secondsLeft(fac.page);
  await timer(fac.page).getByRole('button', { name: '+1 min', exact: true }).click();
  await expect.poll(() => secondsLeft(pat.page)).toBe(paused + 60);
  await pat.page.reload();
  await expect.poll(() => secondsLeft(pat.page)).toBe(paused + 60);
  const { violations } = await new AxeBuilder({ page: fac.page }).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);

  await timer(fac.page).getByRole('button', { name: 'Resume timer', exact: true }).click();
  await expect(timer(pat.page)).not.toContainText('paused');
  // Time passes (on the participant's page) to just past the end: it sees the end, with its cue and its tones.
  const pastTheEndMs = ((await secondsLeft(pat.page)) + 2) * 1000;
  hostMovedOnMs = pastTheEndMs;
  await pat.page.clock.fastForward(pastTheEndMs);
  await expect(timer(pat.page)).toContainText('Time is up');
  await expect(timer(pat.page)).toHaveClass(/expired/);
  const tones = () => pat.page.evaluate(() => (window as unknown as { __tones: number }).__tones);
  await expect.poll(tones).toBe(3);
  // One cue per run on this device: leaving the board for another view and coming back does not ring again.
  const whoMustAct = pat.page.getByRole('navigation', { name: 'Boards' }).getByRole('button', { name: 'Who must act', exact: true });
  await whoMustAct.click();
  await expect(timer(pat.page)).toHaveCount(0);
  await whoMustAct.click();
  await expect(timer(pat.page)).toContainText('Time is up');
  // A second chime would start in an effect just after the widget shows again: give it the time.
  await pat.page.clock.runFor(500);
  expect(await tones()).toBe(3);

  await timer(fac.page).getByRole('button', { name: 'Stop timer', exact: true }).click();
  await expect(timer(pat.page)).toHaveCount(0);
});
