import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnServer } from '../support/spawn-server';
import { addNote, createSession, waitUntilSaved } from './support/board';
import { chromiumLaunchOptions } from './support/chromium';
import { launchPeer, readJoinLink, type Peer } from './support/peers';

// The app must reload from the service worker with the host gone. The origin (port) has to be
// the same before and after, so each test runs its own host on a port it picked itself.

interface Host {
  url: string;
  kill(): Promise<void>;
}

async function startHost(): Promise<Host> {
  const data = mkdtempSync(join(tmpdir(), 'tl-e2e-offline-host-'));
  const port = await freePort();
  const { url, child } = await spawnServer(['dist/host/cli.mjs', '--port', String(port), '--bind', '127.0.0.1', '--data', data]);
  expect(new URL(url).port).toBe(String(port));
  return {
    url,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => {
          rmSync(data, { recursive: true, force: true });
          resolve();
        });
        // No goodbye: the laptop's lid closed, the Wi-Fi dropped.
        child.kill('SIGKILL');
      }),
  };
}

function launchProfile(profile: string, baseURL: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), baseURL, viewport: { width: 1280, height: 800 } });
}

async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated');
}

/** With the host down: the live endpoints are not answered from any cache. */
async function hostIsUnreachable(page: Page): Promise<void> {
  const health = await page.evaluate(() => fetch('/healthz').then((r) => `status ${r.status}`, () => 'no answer'));
  expect(health).toBe('no answer');
}

async function expectSessionWithNotes(page: Page, title: string, notes: string[]): Promise<void> {
  const sessions = page.getByRole('list', { name: 'Sessions' });
  await expect(sessions.getByRole('link', { name: title })).toBeVisible();
  await sessions.getByRole('link', { name: title }).click();
  await expect(page.getByRole('main', { name: 'Board: Main board' })).toBeVisible();
  for (const text of notes) await expect(page.getByRole('article', { name: text, exact: true })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(notes.length);
}

const cleanup: (() => Promise<void> | void)[] = [];
test.afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

test('the facilitator’s browser reloads the app and opens the session while the host is down', async () => {
  const testInfo = test.info();
  test.setTimeout(180_000);
  const host = await startHost();
  cleanup.push(() => host.kill());
  const profile = mkdtempSync(join(tmpdir(), 'tl-e2e-offline-profile-'));
  cleanup.push(() => rmSync(profile, { recursive: true, force: true }));

  let context = await launchProfile(profile, host.url);
  cleanup.push(() => context.close());
  let page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  await createSession(page, 'Offline lab');
  const notes = ['Retrofit schools', 'District heating', 'Cargo bikes'];
  for (const text of notes) await addNote(page, text);
  await waitUntilSaved(page);
  await waitForServiceWorker(page);

  await host.kill();
  await hostIsUnreachable(page);

  // Reload where we are (the board), then go back to the list and open the session from there.
  await page.reload();
  await expect(page.getByRole('main', { name: 'Board: Main board' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(notes.length);
  await page.getByRole('link', { name: /All sessions/ }).click();
  await expectSessionWithNotes(page, 'Offline lab', notes);

  // A whole browser restart, typing the address again: still the app, still the notes.
  await context.close();
  context = await launchProfile(profile, host.url);
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sessions' })).toBeVisible();
  await expectSessionWithNotes(page, 'Offline lab', notes);
  const shot = testInfo.outputPath('offline-board.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('offline-board', { path: shot, contentType: 'image/png' });
});

test('a participant who joined by link reloads the app and opens the session while the host is down', async () => {
  const testInfo = test.info();
  test.setTimeout(180_000);
  const host = await startHost();
  cleanup.push(() => host.kill());
  const facilitator: Peer = await launchPeer(host.url, 'Facilitator', { webrtc: false });
  cleanup.push(() => facilitator.close());
  await createSession(facilitator.page, 'Gdańsk lab');
  const notes = ['Heat pumps', 'Tram line'];
  for (const text of notes) await addNote(facilitator.page, text);
  const link = await readJoinLink(facilitator.page);

  const profile = mkdtempSync(join(tmpdir(), 'tl-e2e-offline-participant-'));
  cleanup.push(() => rmSync(profile, { recursive: true, force: true }));
  const context = await launchProfile(profile, host.url);
  cleanup.push(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  const joinUrl = new URL(link);
  joinUrl.search = '?webrtc=off';
  await page.goto(joinUrl.toString());
  await page.getByRole('textbox', { name: 'Your name' }).fill('Ola');
  await page.getByRole('button', { name: 'Join' }).click();
  for (const text of notes) await expect(page.getByRole('article', { name: text, exact: true })).toBeVisible();
  await waitUntilSaved(page);
  await waitForServiceWorker(page);

  await facilitator.close();
  await host.kill();
  await hostIsUnreachable(page);

  await page.goto(new URL('/', host.url).toString());
  await expect(page.getByRole('heading', { name: 'Sessions' })).toBeVisible();
  await expectSessionWithNotes(page, 'Gdańsk lab', notes);
  const shot = testInfo.outputPath('offline-participant.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('offline-participant', { path: shot, contentType: 'image/png' });
});
