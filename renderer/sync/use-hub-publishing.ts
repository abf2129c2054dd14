import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { hubDocumentName, parseHubToken } from '../../shared/protocol/hub';
import type { HubLink, HubLinkSnapshot } from './hub-link';
import { HUB_SETTINGS_EVENT, publishLogin, savePublishLogin, type HubLogin } from './hub-settings';

export interface HubPublishing {
  /** This device publishes the session with this login (null: publishing is off). */
  login: HubLogin | null;
  snapshot: HubLinkSnapshot | null;
  publish(login: HubLogin): void;
  stop(): void;
}

const OFF = () => null;
const noop = () => () => {};

/**
 * Publishes the open session to a lab-network hub while it is on screen, if (and only if) a
 * facilitator turned publishing on for it on this device. The session's own Y.Doc goes to the hub,
 * so edits made offline in the room reach it later like any other peer's.
 */
export function useHubPublishing(sessionId: string, doc: Y.Doc): HubPublishing {
  const [login, setLogin] = useState(() => publishLogin(sessionId));
  const [link, setLink] = useState<HubLink | null>(null);

  useEffect(() => {
    const onChange = (event: Event) => {
      if ((event as CustomEvent<string>).detail === sessionId) setLogin(publishLogin(sessionId));
    };
    window.addEventListener(HUB_SETTINGS_EVENT, onChange);
    return () => window.removeEventListener(HUB_SETTINGS_EVENT, onChange);
  }, [sessionId]);

  useEffect(() => {
    const lab = login ? parseHubToken(login.token) : null;
    if (!login || !lab) return;
    let live = true;
    let created: HubLink | null = null;
    // Loaded only where someone publishes: participants never download the hub's provider.
    void import('./hub-link').then(({ HubLink }) => {
      if (!live) return;
      created = new HubLink({ address: login.address, token: login.token });
      created.open(hubDocumentName(lab.id, sessionId), doc);
      setLink(created);
    });
    return () => {
      live = false;
      created?.destroy();
      setLink(null);
    };
  }, [login, sessionId, doc]);

  const snapshot = useSyncExternalStore(link?.subscribe ?? noop, link?.getSnapshot ?? OFF);
  const publish = useCallback((next: HubLogin) => savePublishLogin(sessionId, next), [sessionId]);
  const stop = useCallback(() => savePublishLogin(sessionId, null), [sessionId]);
  return { login, snapshot, publish, stop };
}
