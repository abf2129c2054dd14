import { expect, test } from '@playwright/test';
import { addNote, createSession, dragBy } from './support/board';
import { joinAs, launchPeer, readJoinLink, type Peer } from './support/peers';
import { expectNoAxeViolations, screenshots } from './support/look';

let peers: Peer[] = [];
test.afterEach(async () => {
  await Promise.all(peers.map((p) => p.close()));
  peers = [];
});

const LOCKED = 'A facilitator has locked this board.';

test('the creator facilitates, a joiner participates, notes carry their author, and a locked board stops participants', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const facilitator = await launchPeer(baseURL!, 'Fran');
  const ola = await launchPeer(baseURL!, 'Ola', { webrtc: false });
  peers = [facilitator, ola];
  const fp = facilitator.page;
  const op = ola.page;

  // The creator's app shows the facilitator's control; the doc lists this device as facilitator.
  await createSession(fp, 'Roles and locks');
  const lock = fp.getByRole('button', { name: 'Lock board', exact: true });
  await expect(lock).toBeVisible();
  await addNote(fp, 'Shared idea');

  // A second browser joining is a participant: same board, no facilitator controls.
  await joinAs(ola, await readJoinLink(fp), { webrtc: false });
  await expect(op.getByRole('article', { name: 'Shared idea' })).toBeVisible({ timeout: 30_000 });
  await expect(op.getByRole('button', { name: 'Lock board' })).toHaveCount(0);
  await op.getByRole('button', { name: 'Invite participants' }).click();
  const invite = op.getByRole('dialog', { name: 'Invite participants' });
  await expect(invite.getByRole('button', { name: 'Change join code' })).toHaveCount(0);
  await invite.getByRole('button', { name: 'Close' }).click();

  // Her note records her as its author, on the facilitator's screen too.
  await addNote(op, 'From Ola');
  const olasNote = fp.getByRole('article', { name: 'From Ola' });
  await expect(olasNote).toBeVisible();
  await expect(olasNote).toHaveAccessibleDescription('Written by Ola');
  await expect(olasNote.locator('.note-author')).toHaveText('Ola');

  // The facilitator locks the board; the participant's app honours it and says why.
  await lock.click();
  await expect(fp.getByRole('button', { name: 'Unlock board', exact: true })).toBeVisible();
  const reason = op.getByRole('status').filter({ hasText: LOCKED });
  await expect(reason).toBeVisible();
  const add = op.getByRole('button', { name: 'Add sticky note' });
  await expect(add).toBeDisabled();
  await expect(add).toHaveAccessibleDescription(LOCKED);
  await expect(op.getByText('2 notes')).toBeVisible();

  // No new note by key either.
  await op.getByRole('main', { name: 'Board: Main board' }).click({ position: { x: 600, y: 500 } });
  await op.keyboard.press('n');
  await expect(op.getByRole('textbox', { name: 'Note text' })).toHaveCount(0);

  // Her own note stays where it is and cannot be deleted or edited; the toast says why.
  const mine = op.getByRole('article', { name: 'From Ola' });
  // Where it is on the board (the view may follow the focused note; the note itself must not move).
  const place = () => mine.evaluate((el) => (el as HTMLElement).style.transform);
  const before = await place();
  await dragBy(op, mine, 150, 90);
  expect(await place()).toEqual(before);
  await mine.focus();
  await op.keyboard.press('Delete');
  await expect(op.locator('.board .toast')).toHaveText(LOCKED);
  await expect(mine).toBeVisible();
  await op.keyboard.press('Enter');
  await expect(op.getByRole('textbox', { name: 'Note text' })).toHaveCount(0);
  await expect(op.getByRole('toolbar', { name: 'Note options' })).toHaveCount(0);
  await expect(op.getByText('2 notes')).toBeVisible();
  await expect(fp.getByText('2 notes')).toBeVisible();

  await expectNoAxeViolations(op, 'participant, locked board');
  await expectNoAxeViolations(fp, 'facilitator, locked board');
  await screenshots(op, 'participant-locked');
  await screenshots(fp, 'facilitator-locked');

  // Both keep their role across a reload: the device id is kept in the browser's storage.
  await fp.reload();
  await expect(fp.getByRole('button', { name: 'Unlock board', exact: true })).toBeVisible();
  await op.reload();
  await expect(op.getByRole('status').filter({ hasText: LOCKED })).toBeVisible();
  await expect(op.getByRole('button', { name: 'Unlock board' })).toHaveCount(0);

  // The facilitator still edits a locked board; unlocking gives the participant the board back.
  await addNote(fp, 'Facilitator on a locked board');
  await fp.getByRole('button', { name: 'Unlock board', exact: true }).click();
  await expect(op.getByRole('status').filter({ hasText: LOCKED })).toHaveCount(0);
  await expect(add).toBeEnabled();
  await addNote(op, 'After the unlock');
  await expect(fp.getByRole('article', { name: 'After the unlock' })).toBeVisible();

  await fp.getByRole('button', { name: 'Invite participants' }).click();
  await expect(fp.getByRole('dialog', { name: 'Invite participants' }).getByRole('button', { name: 'Remove Ola' })).toBeVisible();
  await expectNoAxeViolations(fp, 'facilitator, invite dialog with a participant');
  await screenshots(fp, 'facilitator-invite');
});
