import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCHEMA_VERSION } from '../../shared/model';
import { AppHeader } from '../ui/AppHeader';
import { BoardView } from '../board/BoardView';
import { InviteButton } from '../facilitation/InviteDialog';
import type { SessionAccess } from '../storage/database';
import { SaveStatus } from './SaveStatus';
import type { OpenSession } from './open-sessions';
import { ConnectionStatus } from '../sync/ConnectionStatus';
import type { SessionSync } from '../sync/session-sync';
import { useSessionSync, useSyncSnapshot } from '../sync/use-session-sync';
import { useOpenSession, useSessionOutline } from './use-open-session';

export function SessionPage({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const load = useOpenSession(sessionId);

  if (load.status === 'loading') {
    return (
      <div className="page">
        <AppHeader />
        <main className="centered">
          <p role="status">{t('session.loading')}</p>
        </main>
      </div>
    );
  }
  if (load.status === 'missing') {
    return (
      <div className="page">
        <AppHeader />
        <main className="centered">
          <h1>{t('session.notFound')}</h1>
          <p className="muted">{t('session.notFoundHint')}</p>
          <a className="button primary" href="#/">
            {t('session.back')}
          </a>
        </main>
      </div>
    );
  }
  return <SyncedSession session={load.session} access={load.access} />;
}

/** Runs the transports for as long as the session is on screen, before and after its first sync. */
function SyncedSession({ session, access }: { session: OpenSession; access: SessionAccess | null }) {
  const { t } = useTranslation();
  const sync = useSessionSync(session, access);
  const snapshot = useSyncSnapshot(sync);
  const outline = useSessionOutline(session);
  if (outline.schemaVersion === 0) {
    // A participant who just joined: nothing arrived from the facilitator's host yet.
    return (
      <div className="page session-page">
        <AppHeader>
          <BackLink />
          <span className="session-heading-spacer" />
          <ConnectionStatus sync={sync} />
        </AppHeader>
        <main className="centered">
          {/* Refused (wrong code, removed): the alert says what to do; do not promise a connection. */}
          {snapshot.fatal ? (
            <h1>{t('connection.notConnected')}</h1>
          ) : (
            <>
              <h1>{t('connection.waiting')}</h1>
              <p className="muted">{t('connection.waitingHint')}</p>
            </>
          )}
        </main>
      </div>
    );
  }
  return <OpenSessionView session={session} sync={sync} outline={outline} />;
}

function OpenSessionView({
  session,
  sync,
  outline,
}: {
  session: OpenSession;
  sync: SessionSync | null;
  outline: ReturnType<typeof useSessionOutline>;
}) {
  const { t } = useTranslation();
  const { title, boards, schemaVersion } = outline;
  // A doc from a newer app is shown but never written, so that app's data survives intact.
  const readOnly = schemaVersion > SCHEMA_VERSION;
  const [chosenBoardId, setChosenBoardId] = useState<string | null>(null);
  const board = boards.find((b) => b.id === chosenBoardId) ?? boards[0];

  return (
    <div className="page session-page">
      <AppHeader>
        <BackLink />
        <h1 className="session-heading">{title}</h1>
        <SaveStatus persistence={session.persistence} />
        <ConnectionStatus sync={sync} />
        <InviteButton session={session} sync={sync} />
      </AppHeader>
      {readOnly && (
        <p role="alert" className="banner warning">
          {t('session.newerVersion')}
        </p>
      )}
      <div className="session-body">
        <nav className="boards-nav" aria-label={t('session.boards')}>
          <h2>{t('session.boards')}</h2>
          <ul>
            {boards.map((b) => (
              <li key={b.id}>
                <button
                  type="button"
                  className={b.id === board?.id ? 'board-tab current' : 'board-tab'}
                  aria-current={b.id === board?.id ? 'page' : undefined}
                  onClick={() => setChosenBoardId(b.id)}
                >
                  {b.title}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {board && <BoardView key={board.id} session={session} board={board} readOnly={readOnly} />}
      </div>
    </div>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <a className="back-link" href="#/">
      ← {t('session.back')}
    </a>
  );
}
