import { expect, test } from '@playwright/test';
import { addNote, createSession } from './support/board';
import { connection, joinAs, launchPeer, readJoinLink, type Peer } from './support/peers';

let peers: Peer[] = [];
test.afterEach(async () => {
  await Promise.all(peers.map((p) => p.close()));
  peers = [];
});

test('the invitation shows link, code and QR; a wrong join code is refused with a clear message and no content', async ({ baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const facilitator = await launchPeer(baseURL!, 'Facilitator');
  const intruder = await launchPeer(baseURL!, 'Guess');
  peers = [facilitator, intruder];
  await createSession(facilitator.page, 'Confidential lab');
  await addNote(facilitator.page, 'Budget draft');

  await facilitator.page.getByRole('button', { name: 'Invite participants' }).click();
  const dialog = facilitator.page.getByRole('dialog', { name: 'Invite participants' });
  await expect(dialog.getByRole('textbox', { name: 'Join link', exact: true })).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/#\/join\/\w+\?code=[2-9A-Z]{5}-[2-9A-Z]{5}$/);
  await expect(dialog.getByRole('img', { name: 'QR code for the join link' })).toBeVisible();
  const link = await dialog.getByRole('textbox', { name: 'Join link', exact: true }).inputValue();
  const code = new URL(link).hash.split('code=')[1]!;
  await expect(dialog.getByText(code, { exact: true })).toBeVisible();
  await dialog.screenshot({ path: testInfo.outputPath('invite-dialog.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();

  const wrong = link.replace(/code=.*/, 'code=ZZZZZ-ZZZZZ');
  await intruder.page.goto(wrong);
  await expect(intruder.page.getByRole('textbox', { name: 'Your name' })).toBeVisible();
  await intruder.page.screenshot({ path: testInfo.outputPath('join-page.png') });
  await intruder.page.getByRole('textbox', { name: 'Your name' }).fill('Guess');
  await intruder.page.getByRole('button', { name: 'Join' }).click();
  await expect(intruder.page.getByRole('alert')).toHaveText(/join code was not accepted.*open the join link again/);
  await expect(connection(intruder.page)).toHaveText('Not connected');
  await expect(intruder.page.getByRole('heading', { name: 'Not connected' })).toBeVisible();
  await expect(intruder.page.getByRole('main', { name: /^Board:/ })).toHaveCount(0);
  await intruder.page.screenshot({ path: testInfo.outputPath('wrong-code.png') });
  await expect(intruder.page.getByRole('article')).toHaveCount(0);
  await expect(intruder.page.getByText('Budget draft')).toHaveCount(0);
  await expect(connection(facilitator.page)).toHaveText(/Hosting · 0 participants/);
});

test('the facilitator changes the join code: a participant with the old link is told, the new link works', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const facilitator = await launchPeer(baseURL!, 'Facilitator');
  const ola = await launchPeer(baseURL!, 'Ola');
  peers = [facilitator, ola];
  await createSession(facilitator.page, 'Rotating');
  const oldLink = await readJoinLink(facilitator.page);
  await joinAs(ola, oldLink);
  await expect(connection(facilitator.page)).toHaveText(/Hosting · 1 participant(?!s)/);

  await facilitator.page.getByRole('button', { name: 'Invite participants' }).click();
  const dialog = facilitator.page.getByRole('dialog', { name: 'Invite participants' });
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Ola' })).toBeVisible();
  // It asks first, with the safe answer focused; keeping the code keeps everyone connected.
  await dialog.getByRole('button', { name: 'Change join code', exact: true }).click();
  const question = dialog.getByRole('group', { name: /Everyone else is disconnected at once/ });
  await expect(question.getByRole('button', { name: 'Keep the current code', exact: true })).toBeFocused();
  await question.getByRole('button', { name: 'Keep the current code', exact: true }).press('Space');
  await expect(question).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Change join code', exact: true })).toBeFocused();
  expect(await dialog.getByRole('textbox', { name: 'Join link', exact: true }).inputValue()).toBe(oldLink);
  await expect(connection(facilitator.page)).toHaveText(/Hosting · 1 participant(?!s)/);

  await dialog.getByRole('button', { name: 'Change join code', exact: true }).press('Enter');
  await question.getByRole('button', { name: 'Change code and disconnect everyone', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText(/join code was changed/);
  // The list drops the people it just disconnected at once (not after presence's 30 s timeout).
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Ola' })).toHaveCount(0, { timeout: 5_000 });
  await expect(dialog.getByText('Nobody else is connected yet.')).toBeVisible();
  const newLink = await dialog.getByRole('textbox', { name: 'Join link', exact: true }).inputValue();
  expect(newLink).not.toBe(oldLink);
  await expect(ola.page.getByRole('alert')).toHaveText(/changed the join code/);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await addNote(facilitator.page, 'After the change');
  await joinAs(ola, newLink);
  await expect(ola.page.getByRole('article', { name: 'After the change' })).toBeVisible();
  await expect(connection(ola.page)).toHaveText(/Connected · 1 peer(?!s)/);
});

test('a participant joins from Home with a pasted link: only a name is asked, then the board arrives', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const facilitator = await launchPeer(baseURL!, 'Facilitator');
  const participant = await launchPeer(baseURL!, 'Participant');
  peers = [facilitator, participant];
  await createSession(facilitator.page, 'Kraków lab');
  await addNote(facilitator.page, 'Tram priority on Dietla');
  const link = await readJoinLink(facilitator.page);

  await participant.page.goto('/');
  await participant.page.getByRole('button', { name: 'Join session' }).click();
  const dialog = participant.page.getByRole('dialog', { name: 'Join a session' });
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Join link or code', exact: true }).fill(link);
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('Ola');
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(participant.page.getByRole('article', { name: 'Tram priority on Dietla' })).toBeVisible();
  await expect(connection(facilitator.page)).toHaveText(/Hosting · 1 participant/);

  // The joined session is listed on the participant's Home like any other.
  await participant.page.getByRole('link', { name: /All sessions/ }).click();
  await expect(participant.page.getByRole('list', { name: 'Sessions' }).getByRole('link', { name: 'Kraków lab' })).toBeVisible();
});

test('on a page served by the host, Join session takes the join code alone, as read out from the invitation', async ({ baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const facilitator = await launchPeer(baseURL!, 'Facilitator');
  const participant = await launchPeer(baseURL!, 'Participant');
  peers = [facilitator, participant];
  await createSession(facilitator.page, 'Read-out code');
  await addNote(facilitator.page, 'Heat pumps for schools');
  const code = new URL(await readJoinLink(facilitator.page)).hash.split('code=')[1]!;

  await participant.page.goto('/');
  await participant.page.getByRole('button', { name: 'Join session', exact: true }).click();
  const dialog = participant.page.getByRole('dialog', { name: 'Join a session' });
  const field = dialog.getByRole('textbox', { name: 'Join link or code', exact: true });
  await dialog.getByRole('textbox', { name: 'Your name', exact: true }).fill('Ola');
  // A code nobody hosts here is refused with what to do.
  await field.fill('ZZZZZ-ZZZZZ');
  await dialog.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/No session open on this host has this join code/);
  await dialog.screenshot({ path: testInfo.outputPath('join-code-not-found.png') });

  // Typed as heard: lower case, a space instead of the dash.
  await field.fill(code.toLowerCase().replace('-', ' '));
  await dialog.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(participant.page.getByRole('article', { name: 'Heat pumps for schools' })).toBeVisible();
  await expect(connection(facilitator.page)).toHaveText(/Hosting · 1 participant(?!s)/);
});
