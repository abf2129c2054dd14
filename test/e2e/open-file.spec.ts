import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { en } from '../../shared/i18n/en';
import { expectNoAxeViolations, screenshots } from './support/look';

// A .tlab double-clicked while the desktop app runs: main reads it and pushes it through the
// preload's onOpenFile. Electron cannot run here, so this page gets a stand-in for the preload's
// object (the same shape, main/preload-api.ts) and the test plays main's part.

async function withDesktopStandIn(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const held: unknown[] = [];
    let subscriber: ((file: unknown) => void) | null = null;
    w.__tlOpen = (file: unknown) => (subscriber ? subscriber(file) : held.push(file));
    w.transitionLab = Object.freeze({
      getAppInfo: async () => ({ name: 'Transition Lab', version: 'e2e', platform: 'linux', hostUrls: [location.origin], localHostUrl: location.origin }),
      onOpenFile: (callback: (file: unknown) => void) => {
        subscriber = callback;
        for (const file of held.splice(0)) callback(file);
        return () => void (subscriber = null);
      },
    });
  });
}

async function open(page: Page, name: string, bytes: Buffer | null, problem?: string): Promise<void> {
  await page.evaluate(
    ([n, b, p]) => (window as unknown as { __tlOpen: (f: unknown) => void }).__tlOpen(p ? { name: n, problem: p } : { name: n, bytes: new Uint8Array(b as number[]) }),
    [name, bytes ? [...bytes] : null, problem ?? null] as const,
  );
}

test('a .tlab the OS opened is imported and its session opened; a refused one says why', async ({ page }) => {
  await withDesktopStandIn(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await open(page, 'truncated.tlab', readFileSync('test/fixtures/import/truncated.tlab'));
  const refused = page.getByRole('alert').filter({ hasText: `“truncated.tlab” could not be opened. ${en.outcomes.problems.corrupt}` });
  await expect(refused).toBeVisible();
  await expect(page.getByRole('list', { name: 'Sessions' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'Home with a refused opened file');
  await screenshots(page, 'open-file-refused');
  await page.getByRole('button', { name: en.outcomes.dismissProblem }).click();
  await expect(refused).toHaveCount(0);

  await open(page, 'gone.tlab', null, 'unreadable');
  await expect(page.getByRole('alert').filter({ hasText: `“gone.tlab” could not be opened. ${en.outcomes.problems.unreadable}` })).toBeVisible();

  await open(page, 'demo.tlab', readFileSync('docs/samples/demo.tlab'));
  await expect(page).toHaveURL(/#\/s\/demo-warszawa$/u);
  await expect(page.getByRole('navigation', { name: 'Boards' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be opened' })).toHaveCount(0);
});
