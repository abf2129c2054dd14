import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** axe finds nothing on the page as it is; a failure lists each rule with its elements. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html} ${n.failureSummary ?? ''}`).join(', ')}`), what).toEqual([]);
}

/** TL_SCREENSHOTS=dir: pictures of a changed screen at a laptop and a small window size, to look at. */
export async function screenshots(page: Page, name: string, sizes: (readonly [number, number])[] = [[1400, 900], [800, 600]]): Promise<void> {
  const dir = process.env.TL_SCREENSHOTS;
  if (!dir) return;
  const size = page.viewportSize();
  for (const [w, h] of sizes) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${dir}/${name}-${w}x${h}.png` });
  }
  if (size) await page.setViewportSize(size);
}
