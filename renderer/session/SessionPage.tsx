import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noteVisibleTo, SCHEMA_VERSION, type GovernanceLevel } from '../../shared/model';
import { BoardView } from '../board/BoardView';
import { InviteButton } from '../facilitation/InviteDialog';
import { LockBoardButton } from '../facilitation/LockBoardButton';
import { TimerWidget } from '../facilitation/TimerWidget';
import { VotingControls } from '../facilitation/VotingControls';
import { PastRounds, VotingResults } from '../facilitation/VotingResults';
import { AgendaPanel } from '../facilitation/AgendaPanel';
import { FacilitatePanel } from '../facilitation/FacilitatePanel';
import { FollowingBanner, useFollowLead, useLeading } from '../facilitation/Following';
import { useAgenda, useOpenActiveBoard } from '../facilitation/use-agenda';
import { saveDisplayName } from '../identity/display-name';
import { saveMyLevel } from '../identity/my-level';
import { colourForDevice, distinctColour } from '../identity/palette';
import { meOnThisDevice, type Me } from '../identity/person';
import { PresenceContext, usePresenceStore } from '../presence/presence-context';
import type { SessionAccess } from '../storage/database';
import { ConnectionStatus } from '../sync/ConnectionStatus';
import type { SessionSync } from '../sync/session-sync';
import { useSessionSync, useSyncSnapshot } from '../sync/use-session-sync';
import { AppHeader } from '../ui/AppHeader';
import { ExportMenu } from '../outcomes/ExportMenu';
import { createClock } from '../workshop/clock';
import { useHostClock } from './use-host-clock';
import { createWorkshop } from '../workshop/workshop';
import { useWorkshop, WorkshopContext } from '../workshop/workshop-context';
import { useBoardUi } from '../state/board-ui';
import { BoardsPanel } from './BoardsPanel';
import { SearchPanel } from './SearchPanel';
import { ApartSummary } from './ApartSummary';
import { useApartSummary } from './use-apart-summary';
import { WhoMustActView } from './WhoMustActView';
import { SaveStatus } from './SaveStatus';
import { SessionTitle } from './SessionTitle';
import { YourNameButton } from './YourNameButton';
import type { OpenSession } from './open-sessions';
import { useOpenSession, useSessionOutline } from './use-open-session';
import { useDecisionRecord } from './use-decision-record';
import { DecisionRecordButton } from './DecisionRecord';
import { SessionDetailsButton } from './SessionDetails';
import { PublishToHubButton } from './PublishToHub';
import { useHubPublishing } from '../sync/use-hub-publishing';

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
  return <SyncedSession session={load.session} access={load.access} deviceId={load.deviceId} />;
}

/**
 * Runs the transports for as long as the session is on screen, before and after its first sync,
 * and provides the session's Workshop (every edit goes through its actions) and presence.
 */
function SyncedSession({ session, access, deviceId }: { session: OpenSession; access: SessionAccess | null; deviceId: string }) {
  const { t } = useTranslation();
  // Who never typed a name shows as "Facilitator" on the host's own window, else "Participant".
  const fallbackName = access?.hostUrl ? t('connection.participant') : t('connection.facilitator');
  // Fixed for the view's life: a language switch must not rename us or rebuild the Workshop.
  const [me, setMe] = useState(() => meOnThisDevice(deviceId, fallbackName));
  // One clock per open session, corrected by the host's (the timer must read the same everywhere).
  const clock = useMemo(() => createClock(), [session]);
  useHostClock(clock, access?.hostUrl ?? null);
  const workshop = useMemo(
    () => createWorkshop({ doc: session.doc, undoManager: session.undoManager, me, clock }),
    [session, me, clock],
  );
  const isFacilitator = useCallback(() => workshop.person().facilitator, [workshop]);
  const sync = useSessionSync(session, access, me, isFacilitator);
  const snapshot = useSyncSnapshot(sync);
  const presence = usePresenceStore(session.awareness);
  // A new name goes out in presence at once, without reconnecting (use-session-sync.ts).
  useEffect(() => {
    sync?.setLocalUser({ name: me.name, colour: me.colour, device: me.deviceId });
  }, [sync, me]);
  // Two people here with one colour: the later one (higher client id) takes a free colour.
  useEffect(() => {
    const deviceColour = colourForDevice(deviceId);
    const settle = () => {
      const others = presence.getState().people.filter((p) => !p.self);
      const colour = distinctColour(deviceColour, session.doc.clientID, others);
      setMe((current) => (current.colour === colour ? current : { ...current, colour }));
    };
    settle();
    return presence.subscribe(settle);
  }, [presence, deviceId, session]);
  const rename = useCallback((name: string, level: GovernanceLevel | null) => {
    saveDisplayName(name);
    saveMyLevel(level);
    setMe((current) => (current.name === name && current.level === level ? current : { ...current, name, level }));
  }, []);
  const outline = useSessionOutline(session);
  if (outline.schemaVersion === 0) {
    // A participant who just joined: nothing arrived from the facilitator's host yet.
    return (
      <div className="page session-page">
        <AppHeader actions={<ConnectionStatus sync={sync} />}>
          <BackLink />
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
  return (
    <WorkshopContext.Provider value={workshop}>
      <PresenceContext.Provider value={presence}>
        <OpenSessionView session={session} sync={sync} outline={outline} me={me} onRename={rename} />
      </PresenceContext.Provider>
    </WorkshopContext.Provider>
  );
}

function OpenSessionView({
  session,
  sync,
  outline,
  me,
  onRename,
}: {
  session: OpenSession;
  sync: SessionSync | null;
  outline: ReturnType<typeof useSessionOutline>;
  me: Me;
  onRename: (name: string, level: GovernanceLevel | null) => void;
}) {
  const { t } = useTranslation();
  const { title, boards, schemaVersion } = outline;
  // A doc from a newer app is shown but never written, so that app's data survives intact.
  const readOnly = schemaVersion > SCHEMA_VERSION;
  const chosenBoardId = useBoardUi((s) => s.currentBoardId);
  const setChosenBoardId = useCallback((id: string) => {
    // Choosing a board oneself ends following the facilitator's view.
    useBoardUi.getState().stopFollowing();
    useBoardUi.setState({ currentBoardId: id, selectedIds: [], selectedNoteId: null, editingNoteId: null });
  }, []);
  useOpenActiveBoard(useAgenda());
  useFollowLead();
  useLeading(session.awareness);
  const workshop = useWorkshop();
  const record = useDecisionRecord(session);
  const publishing = useHubPublishing(session.id, session.doc);
  const apart = useApartSummary(session.doc, session.awareness, sync, (note) => noteVisibleTo(workshop.doc, workshop.person(), note));
  const board = boards.find((b) => b.id === chosenBoardId) ?? boards[0];
  const [whoOpen, setWhoOpen] = useState(false);
  const [searchOpen, setSearchOpen] = useState(false);
  // A note chosen in search or Who must act: its board shows (revealNote sets it).
  const reveal = useBoardUi((s) => s.reveal);
  useEffect(() => {
    if (reveal) setWhoOpen(false);
  }, [reveal]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f' && !document.querySelector('dialog[open]')) {
        // The board's own search finds notes on every board; the browser's sees only what is drawn.
        event.preventDefault();
        setSearchOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="page session-page">
      <AppHeader
        actions={
          <>
            <SaveStatus persistence={session.persistence} />
            <ConnectionStatus sync={sync} hub={publishing.snapshot} />
            <YourNameButton me={me} onRename={onRename} />
            <ExportMenu sessionId={session.id} />
            <InviteButton sessionId={session.id} sync={sync} />
          </>
        }
      >
        <BackLink />
        <SessionTitle title={title} />
      </AppHeader>
      {readOnly && (
        <p role="alert" className="banner warning">
          {t('session.newerVersion')}
        </p>
      )}
      {record.problem && (
        <p role="alert" className="banner warning">
          {t(`decisions.${record.problem}`)}
        </p>
      )}
      <div className="session-body">
        <BoardsPanel
          boards={boards}
          currentId={whoOpen ? undefined : board?.id}
          onChoose={(id) => {
            setWhoOpen(false);
            setChosenBoardId(id);
          }}
          tools={
            <>
              <button type="button" className="button nav-tool" aria-pressed={whoOpen} onClick={() => setWhoOpen((o) => !o)}>
                {t('find.whoMustAct')}
              </button>
              <button type="button" className="button nav-tool" aria-keyshortcuts="Control+F" onClick={() => setSearchOpen(true)}>
                {t('find.search')}
              </button>
              <FacilitatePanel boardId={whoOpen ? undefined : board?.id} />
              <AgendaPanel boards={boards} />
              <PastRounds />
              <DecisionRecordButton check={record} />
              <SessionDetailsButton />
              <PublishToHubButton publishing={publishing} />
            </>
          }
        />
        {whoOpen ? (
          <WhoMustActView onClose={() => setWhoOpen(false)} />
        ) : (
          board && (
            <BoardView
              key={board.id}
              board={board}
              awareness={session.awareness}
              toolbarExtras={
                <>
                  <VotingControls boardId={board.id} boardTitle={board.title} />
                  <LockBoardButton boardId={board.id} />
                </>
              }
              corner={<TimerWidget />}
            />
          )
        )}
        {searchOpen && <SearchPanel onClose={() => setSearchOpen(false)} />}
        {!whoOpen && <VotingResults />}
        <FollowingBanner />
        <ApartSummary changes={apart.changes} boards={boards} onDismiss={apart.dismiss} />
      </div>
    </div>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <a className="back-link" href="#/">
      <span aria-hidden="true">←</span> <span className="back-link-text">{t('session.back')}</span>
    </a>
  );
}
