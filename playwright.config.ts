import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from './test/e2e/support/chromium';

// One random port and one throw-away data dir per run. Workers re-read this file, so the choice
// travels through the environment to keep every worker on the same host.
process.env.TL_E2E_PORT ??= String(20_000 + Math.floor(Math.random() * 20_000));
process.env.TL_E2E_DATA ??= mkdtempSync(join(tmpdir(), 'tl-e2e-host-'));
const port = Number(process.env.TL_E2E_PORT);

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunchOptions(),
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node dist/host/cli.mjs --port ${port} --bind 127.0.0.1 --data ${process.env.TL_E2E_DATA}`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    stdout: 'pipe',
    timeout: 30_000,
  },
});
