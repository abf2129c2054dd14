import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/support/chromium';

/** A Chromium that may open WebRTC connections on loopback (the benchmark runs inside `unshare -n`). */
export async function launchPeerBrowser(): Promise<Browser> {
  const launch = chromiumLaunchOptions();
  return chromium.launch({ ...launch, args: [...(launch.args ?? []), '--allow-loopback-in-peer-connection'] });
}

/** A context of its own (its own storage: one person's app), camera/microphone granted as WebRTC wants. */
export async function newPeerContext(browser: Browser, baseURL: string, initScript?: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['camera', 'microphone'], { origin: baseURL });
  if (initScript) await context.addInitScript(initScript);
  return context;
}

export async function until(check: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Through the real UI: a new session with one note whose text is `start`, the join link read from
 * the Invite dialog (it appears once the host has told the app its LAN addresses). Returns the link.
 */
export async function createRoomWithNote(page: Page): Promise<string> {
  await page.goto('/');
  await page.getByRole('button', { name: 'New session' }).click();
  await page.getByRole('textbox', { name: 'Session title' }).fill('Bench');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('button', { name: 'Add sticky note' }).click();
  await page.getByRole('textbox', { name: 'Note text' }).fill('start');
  await page.getByRole('button', { name: 'Invite participants' }).click();
  const linkField = page.getByRole('textbox', { name: 'Join link' });
  await until(async () => (await linkField.inputValue()) !== '', 'join link');
  const link = await linkField.inputValue();
  await page.getByRole('button', { name: 'Close' }).click();
  return link;
}

/** Joins by the link under `name` and waits for the board with its note. */
export async function joinRoom(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  // Twenty renderers on two cores: a join may take a while, it is not what is measured.
  await page.getByRole('article').first().waitFor({ timeout: 120_000 });
}

/** How many peers this page reaches directly over WebRTC (the Connection status says). */
export async function webrtcPeers(page: Page): Promise<number> {
  return Number((await page.getByRole('status', { name: 'Connection' }).getAttribute('data-webrtc-peers')) ?? 0);
}

/**
 * Types `value` into the note editor open on `page` the way a keystroke arrives (the field's value,
 * then an input event); returns when that happened, on the shared clock (timeOrigin + now).
 */
export function typeIntoEditor(page: Page, value: string): Promise<number> {
  return page.evaluate((v) => {
    const editor = document.querySelector('textarea[aria-label="Note text"]') as HTMLTextAreaElement;
    const set = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    const start = performance.timeOrigin + performance.now();
    set.call(editor, v);
    editor.dispatchEvent(new Event('input', { bubbles: true }));
    return start;
  }, value);
}
