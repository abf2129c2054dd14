import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { addNote, boxOf, createSession, dragBy, waitUntilSaved } from './support/board';
import { joinAs, launchPeer, readJoinLink, type Peer } from './support/peers';

const LONG =
  'Barrier: district heating in the old town runs on coal until 2031, the municipal budget for heat pumps in schools ' +
  'is spent by 2027, and the citizens assembly asked for a plan that every district can read and check on its own, ' +
  'with yearly numbers per building, per street and per neighbourhood, published where everyone can find them.';
const MEDIUM = 'Retrofit all public buildings with heat pumps before 2028, starting with the schools, and publish the savings every year';

/** The note's visible text block (aria-hidden: the note's name already carries the text). */
const textOf = (note: Locator) => note.locator('.note-text');
const fullTextOf = (note: Locator) => note.locator('.note-fulltext');

async function metrics(el: Locator) {
  return el.evaluate((node) => {
    const style = getComputedStyle(node);
    const font = parseFloat(style.fontSize);
    const line = parseFloat(style.lineHeight);
    return {
      font,
      line,
      clientHeight: node.clientHeight,
      scrollHeight: node.scrollHeight,
      scrollTop: node.scrollTop,
      clamp: style.getPropertyValue('-webkit-line-clamp'),
      overflow: style.textOverflow,
    };
  });
}

/** True when `value` is a whole multiple of `unit` (layout rounds to fractions of a pixel). */
const wholeMultiple = (value: number, unit: number) => Math.abs(value / unit - Math.round(value / unit)) < 0.05;

test.describe('one person', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await createSession(page, `Note text ${test.info().title}`);
  });

  test('text fits its note: a short note is large, a longer one smaller and whole', async ({ page }) => {
    const short = await addNote(page, 'Bike lanes');
    const medium = await addNote(page, MEDIUM);
    const s = await metrics(textOf(short));
    const m = await metrics(textOf(medium));
    expect(s.font).toBeGreaterThan(m.font);
    expect(m.font).toBeGreaterThanOrEqual(12);
    // Everything of the medium note is on screen: nothing overflows its text block.
    expect(m.scrollHeight).toBeLessThanOrEqual(m.clientHeight + 1);
    await expect(fullTextOf(medium)).toHaveCount(0);
  });

  test('text too long for the note ends in whole lines with an ellipsis, and shows in full on hover and on focus', async ({ page }) => {
    const note = await addNote(page, LONG);
    const m = await metrics(textOf(note));
    expect(m.font).toBe(12);
    expect(m.overflow).toBe('ellipsis');
    expect(Number(m.clamp)).toBeGreaterThan(3);
    // The box is exactly the clamped lines: no half-cut line below the ellipsis.
    expect(m.clientHeight).toBeCloseTo(Number(m.clamp) * m.line, 0);

    const full = fullTextOf(note);
    // (Escape after typing focused the note, which shows the full text: move focus away first.)
    await page.getByRole('button', { name: 'Add sticky note' }).focus();
    await expect(full).toBeHidden();
    await note.hover();
    await expect(full).toBeVisible();
    await expect(full).toHaveText(LONG);
    await page.mouse.move(5, 400);
    await expect(full).toBeHidden();

    // Keyboard: Tab onto the note (the only note here) shows it too.
    await page.getByRole('button', { name: 'Add sticky note' }).focus();
    for (let i = 0; i < 15 && !(await note.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(note).toBeFocused();
    await expect(full).toBeVisible();

    // Near the bottom of the board the full text opens beside the note instead of under the edge.
    await dragBy(page, note, 0, 230);
    await page.mouse.move(5, 400);
    await note.hover();
    await expect(full).toBeVisible();
    const board = await boxOf(page.locator('.board-surface'));
    const shown = await boxOf(full);
    const noteBox = await boxOf(note);
    expect(shown.y + shown.height).toBeLessThanOrEqual(board.y + board.height);
    expect(shown.x).toBeGreaterThanOrEqual(noteBox.x + noteBox.width);
  });

  test('while editing a long note the top line is never cut in half', async ({ page }) => {
    const note = await addNote(page, LONG);
    await note.dblclick();
    const editor = page.getByRole('textbox', { name: 'Note text' });
    await editor.press('End');
    await editor.pressSequentially(' Owner: the climate office.');
    const m = await metrics(editor);
    expect(m.scrollHeight).toBeGreaterThan(m.clientHeight);
    expect(m.scrollTop).toBeGreaterThan(0);
    expect(wholeMultiple(m.clientHeight, m.line)).toBe(true);
    expect(wholeMultiple(m.scrollTop, m.line)).toBe(true);
    await editor.press('Escape');
    await expect(page.getByRole('article', { name: `${LONG} Owner: the climate office.`, exact: true })).toBeVisible();
  });

  test('resize a note by its corner or with the arrow keys; the text re-fits and the size stays after reload', async ({ page }) => {
    const note = await addNote(page, LONG);
    await note.click();
    const handle = note.getByRole('button', { name: 'Resize note', exact: true });
    const before = await boxOf(note);
    const corner = await boxOf(handle);
    await page.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2);
    await page.mouse.down();
    await page.mouse.move(corner.x + 60, corner.y + 40, { steps: 4 });
    await page.mouse.move(corner.x + corner.width / 2 + 160, corner.y + corner.height / 2 + 120, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await boxOf(note)).width).toBe(before.width + 160);
    expect((await boxOf(note)).height).toBe(before.height + 120);
    // Bigger note, bigger text; the whole text fits now.
    const m = await metrics(textOf(note));
    expect(m.font).toBeGreaterThan(12);
    expect(m.scrollHeight).toBeLessThanOrEqual(m.clientHeight + 1);
    await expect(fullTextOf(note)).toHaveCount(0);

    await handle.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(async () => (await boxOf(note)).width).toBe(before.width + 150);
    expect((await boxOf(note)).height).toBe(before.height + 70);

    // One undo step per resize (here: per key press).
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await boxOf(note)).height).toBe(before.height + 120);
    expect((await boxOf(note)).width).toBe(before.width + 150);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(async () => (await boxOf(note)).height).toBe(before.height + 70);

    await waitUntilSaved(page);
    await page.reload();
    const again = page.getByRole('article', { name: LONG, exact: true });
    await expect.poll(async () => (await boxOf(again)).width).toBe(before.width + 150);
    expect((await boxOf(again)).height).toBe(before.height + 70);
  });

  test('axe finds nothing on notes with long text, a selection and a resize corner; screenshots', async ({ page }, testInfo) => {
    await addNote(page, 'Bike lanes');
    await addNote(page, MEDIUM);
    const long = await addNote(page, LONG);
    await long.click();
    const results = await new AxeBuilder({ page }).include('.board-world').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    for (const [w, h] of [
      [1400, 900],
      [800, 600],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await long.hover();
      await page.screenshot({ path: testInfo.outputPath(`note-text-${w}x${h}.png`) });
    }
  });
});

test('on a phone, tapping a long note shows its whole text and a finger-sized resize corner', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  try {
    await page.goto('/');
    await createSession(page, 'Phone note text');
    const note = await addNote(page, LONG);
    await page.getByRole('button', { name: 'Add sticky note' }).focus();
    await note.tap();
    const full = fullTextOf(note);
    await expect(full).toBeVisible();
    await expect(full).toHaveText(LONG);
    const corner = await boxOf(note.getByRole('button', { name: 'Resize note', exact: true }));
    expect(corner.width).toBeGreaterThanOrEqual(32);
    const results = await new AxeBuilder({ page }).include('.board-world').analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('note-text-390x844.png') });
  } finally {
    await context.close();
  }
});

let peers: Peer[] = [];
test.afterEach(async () => {
  await Promise.all(peers.map((p) => p.close()));
  peers = [];
});

async function openEditor(page: Page, name: string): Promise<Locator> {
  await page.getByRole('article', { name, exact: true }).dblclick();
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await expect(editor).toBeFocused();
  await editor.press('End');
  return editor;
}

test('two people typing in one note at the same time both keep their words, identical on both screens', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const anna = await launchPeer(baseURL!, 'Anna');
  const bart = await launchPeer(baseURL!, 'Bart');
  peers = [anna, bart];
  await createSession(anna.page, 'Co-editing');
  await addNote(anna.page, 'probe-0-3939');
  await joinAs(bart, await readJoinLink(anna.page));
  await expect(bart.page.getByRole('article', { name: 'probe-0-3939', exact: true })).toBeVisible();

  const ea = await openEditor(anna.page, 'probe-0-3939');
  const eb = await openEditor(bart.page, 'probe-0-3939');
  // Each sees the other at work in the same note.
  await expect(anna.page.getByText('Bart is editing')).toBeVisible();
  await expect(bart.page.getByText('Facilitator is editing')).toBeVisible();
  // And where the other's caret is: a bar with their name inside the note.
  const bartsCaret = anna.page.locator('[data-peer-caret="Bart"]');
  await expect(bartsCaret).toBeVisible();
  await expect(bart.page.locator('[data-peer-caret="Facilitator"]')).toBeVisible();
  const noteBox = await anna.page.getByRole('article').boundingBox();
  const caretBox = await bartsCaret.boundingBox();
  expect(caretBox!.x).toBeGreaterThan(noteBox!.x);
  expect(caretBox!.x).toBeLessThan(noteBox!.x + noteBox!.width);

  const a = ' ABBA from Anna';
  const b = ' and a banner from Bart';
  await Promise.all([ea.pressSequentially(a, { delay: 35 }), eb.pressSequentially(b, { delay: 25 })]);

  const both = [`probe-0-3939${a}${b}`, `probe-0-3939${b}${a}`];
  await expect.poll(async () => (await ea.inputValue()) === (await eb.inputValue())).toBe(true);
  const final = await ea.inputValue();
  expect(both).toContain(final);
  // Bart's caret follows his words: it stands right after his phrase on Anna's screen too.
  await expect(bartsCaret).toHaveCount(1);
  const caretText = await anna.page.locator('.peer-carets').evaluate((el) => {
    const caret = el.querySelector('[data-peer-caret="Bart"]')!;
    const range = document.createRange();
    range.setStart(el.firstElementChild!, 0);
    range.setEndBefore(caret);
    return range.toString();
  });
  expect(caretText.endsWith(b)).toBe(true);

  // Ctrl+Z in the editor takes back Bart's own words only, on both screens; Ctrl+Shift+Z brings them back.
  // A pause of more than half a second starts a new undo step, as in any editor; on a loaded machine
  // such a pause can fall inside Bart's phrase, so he may need a second Ctrl+Z. Each one takes back
  // some of his words and none of Anna's.
  let undos = 0;
  while ((await eb.inputValue()) !== `probe-0-3939${a}`) {
    expect(undos, 'Ctrl+Z presses to take back one typed phrase').toBeLessThan(3);
    const before = await eb.inputValue();
    await eb.press('Control+z');
    undos += 1;
    await expect.poll(() => eb.inputValue()).not.toBe(before);
    const after = await eb.inputValue();
    expect(after.length).toBeLessThan(before.length);
    expect(after.startsWith('probe-0-3939')).toBe(true);
    expect(after).toContain(a);
  }
  await expect(ea).toHaveValue(`probe-0-3939${a}`);
  await expect(anna.page.getByRole('article')).toHaveCount(1);
  for (let i = 0; i < undos; i += 1) await eb.press('Control+Shift+z');
  await expect(ea).toHaveValue(final);
  await expect(eb).toHaveValue(final);

  // Each can go on typing where their own caret was: at the end of their own phrase.
  await ea.pressSequentially('!');
  await expect.poll(() => eb.inputValue()).toContain(`${a}!`);
  await ea.press('Escape');
  await eb.press('Escape');
  const done = await anna.page.getByRole('article').getAttribute('aria-label');
  expect(done).toContain(`${a}!`);
  expect(done).toContain(b);
  await expect(bart.page.getByRole('article', { name: done!, exact: true })).toBeVisible();

  // Resizing follows the board's lock: a participant gets the corner, then not once it is locked.
  const onBart = bart.page.getByRole('article', { name: done!, exact: true });
  await onBart.click();
  await expect(onBart.getByRole('button', { name: 'Resize note', exact: true })).toBeVisible();
  await anna.page.getByRole('button', { name: 'Lock board' }).click();
  await expect(onBart.getByRole('button', { name: 'Resize note', exact: true })).toHaveCount(0);
});
