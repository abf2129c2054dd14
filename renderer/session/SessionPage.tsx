import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../app/AppHeader';
import { BoardView } from '../board/BoardView';
import { SaveStatus } from './SaveStatus';
import type { OpenSession } from './open-sessions';
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
  return <OpenSessionView session={load.session} readOnly={load.readOnly} />;
}

function OpenSessionView({ session, readOnly }: { session: OpenSession; readOnly: boolean }) {
  const { t } = useTranslation();
  const { title, boards } = useSessionOutline(session);
  const [chosenBoardId, setChosenBoardId] = useState<string | null>(null);
  const board = boards.find((b) => b.id === chosenBoardId) ?? boards[0];

  return (
    <div className="page session-page">
      <AppHeader>
        <a className="back-link" href="#/">
          ← {t('session.back')}
        </a>
        <h1 className="session-heading">{title}</h1>
        <SaveStatus persistence={session.persistence} />
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
