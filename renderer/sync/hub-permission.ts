import { allowHub } from '../platform/platform';

/**
 * Before the first connection to a hub: in the desktop app the window's CSP must include it
 * (main/hub-hosts.ts). Resolves 'reload' when the policy changed and the page must load again
 * to use it, 'ready' when it can connect now, 'refused' when the app will not talk to it.
 */
export async function prepareHub(address: string): Promise<'ready' | 'reload' | 'refused'> {
  const answer = await allowHub(address);
  return answer === 'added' ? 'reload' : answer === 'allowed' ? 'ready' : 'refused';
}
