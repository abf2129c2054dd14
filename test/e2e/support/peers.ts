import { chromium, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from './chromium';
import { spawnServer } from '../../support/spawn-server';

/**
 * One participant = one whole browser (`chromium.launch()`), never a tab: tabs of one browser
 * talk over BroadcastChannel and would prove nothing about the network (docs/stack-notes.md).
 */
export interface Peer {
  name: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function launchPeer(baseURL: string, name: string, options: { webrtc?: boolean } = {}): Promise<Peer> {
  const launch = chromiumLaunchOptions();
  // Both are needed for Chromium to gather ICE candidates on loopback inside the test namespace.
  const browser = await chromium.launch({ ...launch, args: [...(launch.args ?? []), '--allow-loopback-in-peer-connection'] });
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['camera', 'microphone'], { origin: baseURL });
  const page = await context.newPage();
  await installRtcCounter(page);
  page.on('pageerror', (error) => console.error(`[${name}] page error:`, error.message));
  const query = options.webrtc === false ? '?webrtc=off' : '';
  await page.goto(`/${query}`);
  return {
    name,
    browser,
    context,
    page,
    close: async () => {
      await browser.close();
    },
  };
}

/** The facilitator invites: opens the dialog and reads the join link. */
export async function readJoinLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Invite participants' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite participants' });
  const field = dialog.getByRole('textbox', { name: 'Join link', exact: true });
  await expect(field).toHaveValue(/#\/join\//);
  const link = await field.inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return link;
}

/** A participant opens the join link in their own browser (optionally without WebRTC) and gives a name. */
export async function joinAs(peer: Peer, link: string, options: { webrtc?: boolean; level?: string } = {}): Promise<void> {
  const url = new URL(link);
  if (options.webrtc === false) url.search = '?webrtc=off';
  await peer.page.goto(url.toString());
  await peer.page.getByRole('textbox', { name: 'Your name' }).fill(peer.name);
  if (options.level) await peer.page.getByRole('combobox', { name: 'Your governance level (optional)', exact: true }).selectOption({ label: options.level });
  await peer.page.getByRole('button', { name: 'Join' }).click();
}

export function connection(page: Page) {
  return page.getByRole('status', { name: 'Connection' });
}

/** A host process of the test's own, so a test can stop and restart it. */
export interface HostProcess {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startHost(options: { port?: number; dataDir?: string; args?: string[] } = {}): Promise<HostProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tl-e2e-own-host-'));
  const args = ['dist/host/cli.mjs', '--port', String(options.port ?? 0), '--bind', '127.0.0.1', '--data', dataDir, ...(options.args ?? [])];
  const { url, child } = await spawnServer(args);
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** WebRTC data channels open between peers, read from the page's own RTCPeerConnections. */
export async function installRtcCounter(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const opened: RTCPeerConnection[] = [];
    const Original = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Original {
      constructor(config?: RTCConfiguration) {
        super(config);
        opened.push(this);
      }
    } as typeof RTCPeerConnection;
    const w = window as unknown as { __rtcConnected: () => number; __rtcCreated: () => number };
    w.__rtcConnected = () => opened.filter((c) => c.connectionState === 'connected').length;
    w.__rtcCreated = () => opened.length;
  });
}

export async function rtcConnected(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __rtcConnected?: () => number }).__rtcConnected?.() ?? 0);
}

export async function rtcCreated(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __rtcCreated?: () => number }).__rtcCreated?.() ?? 0);
}

/**
 * Adds `count` notes of `length` characters each through the board's own controls, in the page
 * (one round trip instead of hundreds): click `Add sticky note`, type into `Note text`, Escape.
 */
export async function addManyNotes(page: Page, count: number, length: number): Promise<void> {
  await page.evaluate(
    async ({ count, length }) => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
      for (let i = 0; i < count; i++) {
        const add = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Add sticky note')!;
        add.click();
        let editor = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Note text"]');
        while (!editor) {
          await frame();
          editor = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Note text"]');
        }
        let text = `Idea ${i + 1}: `;
        while (text.length < length) text += `${Math.random().toString(36).slice(2)} `;
        setValue.call(editor, text.slice(0, length));
        editor.dispatchEvent(new Event('input', { bubbles: true }));
        editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        while (document.querySelector('textarea[aria-label="Note text"]')) await frame();
      }
    },
    { count, length },
  );
}
