import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { labSessionOf, type LabSession } from '../../../shared/coordinator';
import type { HubSession } from '../../../shared/protocol/hub';
import type { HubLink, HubLinkSnapshot } from '../../sync/hub-link';
import { coordinatorLogin, saveCoordinatorLogin, type HubLogin } from '../../sync/hub-settings';
import { listHubSessions, type HubListProblem } from './hub-listing';

export interface HubSessions {
  login: HubLogin | null;
  sessions: LabSession[];
  snapshot: HubLinkSnapshot | null;
  problem: HubListProblem | null;
  connecting: boolean;
  connect(login: HubLogin): Promise<boolean>;
  disconnect(): void;
}

/** New sessions published since the list was read show up within this long. */
export const HUB_LIST_REFRESH_MS = 15_000;
/** A burst of remote edits recomputes a session's row once per this long. */
const RECOMPUTE_MS = 250;

interface Open {
  listed: HubSession;
  doc: Y.Doc;
}

/** The hub's lab (name, country) is authoritative: a facilitator may never have filled them in. */
function rowOf(open: Open): LabSession | null {
  try {
    const session = labSessionOf(open.listed.sessionId, open.doc);
    return { ...session, lab: open.listed.lab.name, country: open.listed.lab.country || session.country, source: 'hub' };
  } catch {
    return null;
  }
}

const noop = () => () => {};
const none = () => null;

/**
 * The coordinator's live view of a hub: lists the sessions the coordinator token may read and
 * keeps a read-only copy of each, synced through one WebSocket; rows update as labs edit.
 */
export function useHubSessions(): HubSessions {
  const [login, setLogin] = useState<HubLogin | null>(() => coordinatorLogin());
  const [link, setLink] = useState<HubLink | null>(null);
  const [rows, setRows] = useState<ReadonlyMap<string, LabSession>>(new Map());
  const [problem, setProblem] = useState<HubListProblem | null>(null);
  const [connecting, setConnecting] = useState(false);

  useEffect(() => {
    if (!login) return;
    let created: HubLink | null = null;
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    const docs = new Map<string, Open>();
    let live = true;
    const recompute = (id: string) => {
      if (timers.has(id)) return;
      timers.set(
        id,
        setTimeout(() => {
          timers.delete(id);
          const entry = docs.get(id);
          const row = entry ? rowOf(entry) : null;
          if (!live || !row) return;
          setRows((current) => new Map(current).set(id, row));
        }, RECOMPUTE_MS),
      );
    };
    const refresh = async () => {
      const listed = await listHubSessions(login);
      if (!live) return;
      if (!listed.ok) {
        setProblem(listed.problem);
        return;
      }
      setProblem(null);
      for (const session of listed.sessions) {
        if (docs.has(session.sessionId)) continue;
        const doc = new Y.Doc();
        docs.set(session.sessionId, { listed: session, doc });
        doc.on('update', () => recompute(session.sessionId));
        created?.open(session.document, doc);
      }
    };
    let every: ReturnType<typeof setInterval> | undefined;
    // The hub's provider is loaded only once a coordinator connects.
    void import('../../sync/hub-link').then(({ HubLink }) => {
      if (!live) return;
      created = new HubLink({ address: login.address, token: login.token });
      setLink(created);
      void refresh();
      every = setInterval(() => void refresh(), HUB_LIST_REFRESH_MS);
    });
    return () => {
      live = false;
      clearInterval(every);
      for (const timer of timers.values()) clearTimeout(timer);
      created?.destroy();
      for (const { doc } of docs.values()) doc.destroy();
      docs.clear();
      setLink(null);
      setRows(new Map());
    };
  }, [login]);

  const snapshot = useSyncExternalStore(link?.subscribe ?? noop, link?.getSnapshot ?? none);

  const connect = useCallback(async (next: HubLogin) => {
    setConnecting(true);
    try {
      // Checked before it is kept: a wrong token or address is said at once, not retried forever.
      const listed = await listHubSessions(next);
      if (!listed.ok) {
        setProblem(listed.problem);
        return false;
      }
      setProblem(null);
      saveCoordinatorLogin(next);
      setLogin(next);
      return true;
    } finally {
      setConnecting(false);
    }
  }, []);

  const disconnect = useCallback(() => {
    saveCoordinatorLogin(null);
    setLogin(null);
    setProblem(null);
  }, []);

  const sessions = useMemo(() => [...rows.values()], [rows]);
  return { login, sessions, snapshot, problem, connecting, connect, disconnect };
}
