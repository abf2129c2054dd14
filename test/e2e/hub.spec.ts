import { expect, test, type Browser, type Page } from '@playwright/test';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedis, type RunningRedis } from '../support/redis-server';
import { freePort, spawnServer } from '../support/spawn-server';
import { addNote, createSession } from './support/board';
import { expectNoAxeViolations, screenshots } from './support/look';
import { readJoinLink, startHost, type HostProcess } from './support/peers';

// Two labs publish their sessions to a two-instance hub (Hocuspocus + Redis) and a coordinator
// watches both live, on loopback only: lab A through instance one, lab B and the coordinator
// through instance two. Instance one is killed mid-workshop and comes back.

interface HubProcess {
  port: number;
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** `npm run hub -- …` as an operator types it (the same script, without npm in between). */
function hubCommand(args: string[]): string {
  const run = spawnSync(process.execPath, ['scripts/hub.mjs', ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`hub ${args[0]} failed: ${run.stderr}`);
  return run.stdout.trim().split('\n').at(-1)!.trim();
}

async function startHubProcess(port: number, data: string, redis: string): Promise<HubProcess> {
  return { port, ...(await spawnServer(['scripts/hub.mjs', '--port', String(port), '--data', data, '--redis', redis])) };
}

const kill = (hub: HubProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (hub.child.exitCode !== null || hub.child.signalCode !== null) return resolve();
    hub.child.once('exit', () => resolve());
    hub.child.kill(signal);
  });

async function labPage(browser: Browser, host: HostProcess, title: string, notes: string[]): Promise<Page> {
  const context = await browser.newContext({ baseURL: host.url, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  await createSession(page, title);
  for (const text of notes) await addNote(page, text);
  return page;
}

async function publish(page: Page, address: string, token: string): Promise<void> {
  await page.getByRole('button', { name: 'Publish to hub', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish to hub' });
  await dialog.getByRole('textbox', { name: 'Hub address', exact: true }).fill(address);
  await dialog.getByRole('textbox', { name: 'Lab token', exact: true }).fill(token);
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test.describe('lab-network hub', () => {
  let redis: RunningRedis;
  let data: string;
  let one: HubProcess;
  let two: HubProcess;
  let host: HostProcess;
  let tokens: { a: string; b: string; coord: string };

  test.beforeAll(async () => {
    redis = await startRedis();
    data = mkdtempSync(join(tmpdir(), 'tl-e2e-hub-'));
    tokens = {
      a: hubCommand(['add-lab', '--data', data, '--country', 'PL', '--name', 'Krajowe laboratorium PL']),
      b: hubCommand(['add-lab', '--data', data, '--country', 'CZ', '--name', 'National transition lab CZ']),
      coord: hubCommand(['add-coordinator', '--data', data]),
    };
    one = await startHubProcess(await freePort(), data, redis.url);
    two = await startHubProcess(await freePort(), data, redis.url);
    host = await startHost({ args: ['--hub', `${one.url},${two.url}`] });
  });

  test.afterAll(async () => {
    for (const hub of [one, two]) if (hub) await kill(hub, 'SIGTERM');
    await host?.stop();
    await redis?.stop();
  });

  test('two labs publish through different instances; a coordinator watches both live; one instance dies and returns', async ({ browser }) => {
    test.setTimeout(150_000);
    const labA = await labPage(browser, host, 'Warsaw transition lab', ['A: fragmented competences']);
    const labB = await labPage(browser, host, 'Liberec transition lab', ['B: no regional energy data']);

    // A wrong token first: refused, said plainly, nothing published.
    await publish(labA, one.url, `lab.nosuchlab.${'x'.repeat(43)}`);
    await expect(labA.getByRole('alert').filter({ hasText: 'The hub refused the lab token' })).toBeVisible();
    await expect(labA.getByRole('status', { name: 'Connection', exact: true })).toContainText('Not published');

    await publish(labA, one.url, tokens.a);
    await publish(labB, two.url, tokens.b);
    for (const lab of [labA, labB]) await expect(lab.getByRole('status', { name: 'Connection', exact: true })).toContainText('Published', { timeout: 15_000 });
    await expect(labA.getByRole('status', { name: 'Connection', exact: true })).not.toContainText('Not published');
    await expectNoAxeViolations(labA, 'session with publishing on');
    await labA.getByRole('button', { name: 'Publish to hub', exact: true }).click();
    await expect(labA.getByRole('dialog', { name: 'Publish to hub' }).getByRole('status')).toContainText(`Published to ${one.url}`);
    await expectNoAxeViolations(labA, 'publish dialog');
    await screenshots(labA, 'hub-publish');
    await labA.keyboard.press('Escape');

    // The coordinator: a coordinator token on instance two.
    const coordinatorContext = await browser.newContext({ baseURL: host.url, viewport: { width: 1400, height: 900 } });
    const coordinator = await coordinatorContext.newPage();
    await coordinator.goto('/');
    await coordinator.getByRole('button', { name: 'Coordinator view', exact: true }).click();
    await coordinator.getByRole('button', { name: 'Connect to hub', exact: true }).click();
    const connect = coordinator.getByRole('dialog', { name: 'Connect to hub' });
    await connect.getByRole('textbox', { name: 'Hub address', exact: true }).fill(two.url);
    // A lab token is not a coordinator token; a made-up coordinator token is refused by the hub.
    await connect.getByRole('textbox', { name: 'Coordinator token', exact: true }).fill(tokens.a);
    await connect.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(connect.getByRole('alert')).toContainText('That token is for another use');
    await connect.getByRole('textbox', { name: 'Coordinator token', exact: true }).fill(`coord.nobody.${'y'.repeat(43)}`);
    await connect.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(connect.getByRole('alert')).toContainText('The hub refused the coordinator token');
    await expectNoAxeViolations(coordinator, 'connect to hub dialog');
    await connect.getByRole('textbox', { name: 'Coordinator token', exact: true }).fill(tokens.coord);
    await connect.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(connect).toBeHidden();

    const combined = coordinator.getByRole('table', { name: 'Combined notes', exact: true });
    await expect(combined.getByRole('row').filter({ hasText: 'A: fragmented competences' })).toHaveCount(1, { timeout: 20_000 });
    await expect(combined.getByRole('row').filter({ hasText: 'B: no regional energy data' })).toHaveCount(1);
    const sessions = coordinator.getByRole('table', { name: 'Sessions', exact: true });
    await expect(sessions.getByRole('row').filter({ hasText: 'Krajowe laboratorium PL' })).toHaveCount(1);
    await expect(sessions.getByRole('row').filter({ hasText: 'National transition lab CZ' })).toHaveCount(1);
    await expectNoAxeViolations(coordinator, 'coordinator view with a hub');
    await screenshots(coordinator, 'hub-coordinator');

    // Live: a note added on lab A's laptop (instance one) shows at the coordinator (instance two).
    await addNote(labA, 'A: live through the hub');
    await expect(combined.getByRole('row').filter({ hasText: 'A: live through the hub' })).toHaveCount(1, { timeout: 15_000 });

    // Instance one dies. Instance two goes on serving lab B and the coordinator.
    await kill(one, 'SIGKILL');
    await addNote(labB, 'B: while instance one is down');
    await expect(combined.getByRole('row').filter({ hasText: 'B: while instance one is down' })).toHaveCount(1, { timeout: 15_000 });
    // Lab A keeps working; its edit waits on the laptop until the hub is back.
    await addNote(labA, 'A: written while the hub was down');
    await coordinator.waitForTimeout(1000);
    await expect(combined.getByRole('row').filter({ hasText: 'A: written while the hub was down' })).toHaveCount(0);
    const before = one.output();
    one = await startHubProcess(one.port, data, redis.url);
    try {
      // Lab A finds instance one again by itself (retries at most 5 s apart) and its offline note
      // crosses to instance two through Redis.
      await expect(combined.getByRole('row').filter({ hasText: 'A: written while the hub was down' })).toHaveCount(1, { timeout: 30_000 });
    } catch (error) {
      // A rare CI failure here left nothing to read: keep lab A's link state and what both instances said.
      const linkState = await labA.locator('[data-hub]').getAttribute('data-hub');
      const said = `lab A's hub link: ${linkState}\ninstance one before the kill:\n${before}\ninstance one after:\n${one.output()}\ninstance two:\n${two.output()}`;
      await test.info().attach('hub logs', { body: said, contentType: 'text/plain' });
      console.log(said);
      throw error;
    }

    // The room's join code never reached the hub: what the hub stored has the notes and not the code.
    const code = new URLSearchParams(new URL(await readJoinLink(labA)).hash.split('?')[1] ?? '').get('code') ?? '';
    expect(code.length).toBeGreaterThan(5);
    await kill(two, 'SIGTERM');
    await kill(one, 'SIGTERM');
    const stored = ['hub.sqlite', 'hub.sqlite-wal'].map((f) => join(data, f)).filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('');
    expect(stored).toContain('A: written while the hub was down');
    expect(stored).not.toContain(code);
    one = await startHubProcess(one.port, data, redis.url);
    two = await startHubProcess(two.port, data, redis.url);

    // Publishing survives a reload of lab A's page (kept on the device, off for nobody else).
    await labA.reload();
    await expect(labA.getByRole('status', { name: 'Connection', exact: true })).toContainText('Published', { timeout: 15_000 });
    for (const context of [labA.context(), labB.context(), coordinatorContext]) await context.close();
  });
});
