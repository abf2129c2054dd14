/**
 * Which LAN hosts and hubs the window's current document was loaded with. A CSP is fixed when a
 * document loads, so allowing a host only needs a reload when the page in front of the person was
 * served without it: joining a host allowed before (and loaded since) goes straight on.
 *
 * Pure module (no electron import); main/index.ts feeds it from the app:// protocol handler and
 * asks it in the allowLanHost / allowHub IPC handlers.
 */
export type AllowAnswer = 'added' | 'allowed' | 'refused';

export interface PolicyInForce {
  /** The app:// handler served a document whose CSP lists exactly these origins. */
  documentServed(lan: readonly string[], hubs: readonly string[]): void;
  /**
   * The answer for the window: `store` is the allow-list's own answer for `origin` (canonical).
   * 'allowed' from the list becomes 'added' when the document in force was served without it.
   */
  answer(kind: 'lan' | 'hub', origin: string | null, store: AllowAnswer, isStatic: boolean): AllowAnswer;
}

export function createPolicyInForce(): PolicyInForce {
  let lan: ReadonlySet<string> = new Set();
  let hubs: ReadonlySet<string> = new Set();
  return {
    documentServed(lanList, hubList) {
      lan = new Set(lanList);
      hubs = new Set(hubList);
    },
    answer(kind, origin, store, isStatic) {
      if (store !== 'allowed' || origin === null || isStatic) return store;
      return (kind === 'lan' ? lan : hubs).has(origin) ? 'allowed' : 'added';
    },
  };
}

/** Whether an app:// request loads a document (whose CSP then holds for the page). */
export function isDocumentRequest(url: string): boolean {
  try {
    const { pathname } = new URL(url);
    return pathname === '/' || pathname.endsWith('.html');
  } catch {
    return false;
  }
}
