import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { saveCoordinatorLogin, type HubLoginProblem } from '../../sync/hub-settings';
import { prepareHubLogin } from '../../sync/hub-permission';
import { HubLoginFields } from '../../sync/HubLoginFields';
import { useHubTime } from '../../sync/HubStatus';
import { DialogButton } from '../../ui/DialogButton';
import { ModalDialog } from '../../ui/ModalDialog';
import type { HubSessions } from './use-hub-sessions';

/** `Connect to hub` and, once connected, where the live sessions come from and how to stop. */
export function ConnectToHub({ hub }: { hub: HubSessions }) {
  const { t } = useTranslation();
  return <DialogButton label={t('hub.connect')} dialog={(close) => <ConnectDialog hub={hub} onClose={close} />} />;
}

/** The status line under the import area while a hub is connected. */
export function HubConnection({ hub }: { hub: HubSessions }) {
  const { t } = useTranslation();
  const time = useHubTime(hub.snapshot?.lastSyncedAt ?? null);
  if (!hub.login) return null;
  const host = new URL(hub.login.address).host;
  const state = hub.snapshot?.state ?? 'connecting';
  return (
    <div className="coordinator-hub">
      <p role="status" className="coordinator-hub-state" data-hub={state}>
        {t(`hub.coordinatorState.${state}`, { host })} · {t('coordinator.sessionsCount', { count: hub.sessions.length })}
        {time && state === 'online' && ` · ${t('hub.lastSync', { time })}`}
      </p>
      <button type="button" className="button small" onClick={hub.disconnect}>
        {t('hub.disconnect')}
      </button>
      {hub.problem && (
        <p role="alert" className="banner error small">
          {t(`hub.listProblems.${hub.problem}`)}
        </p>
      )}
    </div>
  );
}

function ConnectDialog({ hub, onClose }: { hub: HubSessions; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const introId = useId();
  const [address, setAddress] = useState(hub.login?.address ?? '');
  const [token, setToken] = useState(hub.login?.token ?? '');
  const [problem, setProblem] = useState<HubLoginProblem | null>(null);
  const [failed, setFailed] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailed(false);
    const prepared = await prepareHubLogin(address, token, 'coord');
    if (!prepared.ok) {
      setProblem(prepared.problem);
      return;
    }
    setProblem(null);
    if (prepared.reload) {
      // The desktop window may reach the hub only from its next load: connect then.
      saveCoordinatorLogin(prepared.login);
      window.location.reload();
      return;
    }
    if (await hub.connect(prepared.login)) onClose();
    else setFailed(true);
  };
  return (
    <ModalDialog titleId={titleId} describedBy={introId} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate className="publish-form">
        <h2 id={titleId}>{t('hub.connectTitle')}</h2>
        <p id={introId} className="muted small">
          {t('hub.connectIntro')}
        </p>
        <HubLoginFields tokenLabel={t('hub.coordinatorToken')} address={address} token={token} problem={problem} onAddress={setAddress} onToken={setToken} />
        {failed && hub.problem && (
          <p role="alert" className="banner error small">
            {t(`hub.listProblems.${hub.problem}`)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('details.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={hub.connecting}>
            {t('hub.connectButton')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
