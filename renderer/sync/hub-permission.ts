import { allowHub } from '../platform/platform';
import { checkHubLogin, type HubLogin, type HubLoginProblem } from './hub-settings';

/**
 * What a person typed into a hub form, checked, and — in the desktop app — the hub allowed in the
 * window's CSP (main/hub-hosts.ts). `reload`: the policy changed and the page must load again
 * before it can connect.
 */
export async function prepareHubLogin(
  address: string,
  token: string,
  kind: 'lab' | 'coord',
): Promise<{ ok: true; login: HubLogin; reload: boolean } | { ok: false; problem: HubLoginProblem }> {
  const checked = checkHubLogin(address, token, kind);
  if (!checked.ok) return checked;
  const answer = await allowHub(checked.login.address);
  if (answer === 'refused') return { ok: false, problem: 'insecure' };
  return { ok: true, login: checked.login, reload: answer === 'added' };
}
