import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { lastLabLogin, type HubLoginProblem } from '../sync/hub-settings';
import { prepareHubLogin } from '../sync/hub-permission';
import { HubLoginFields } from '../sync/HubLoginFields';
import type { HubPublishing } from '../sync/use-hub-publishing';
import { useHubTime } from '../sync/HubStatus';
import { DialogButton } from '../ui/DialogButton';
import { ModalDialog } from '../ui/ModalDialog';
import { useCan } from '../workshop/workshop-context';

/**
 * Publish to hub (facilitators): the hub address and the lab's token, entered once and kept on
 * this device; from then on the session syncs to the hub in the background whenever the laptop is
 * online. Off until someone turns it on here.
 */
export function PublishToHubButton({ publishing }: { publishing: HubPublishing }) {
  const { t } = useTranslation();
  const can = useCan('editSession');
  if (!can.allowed) return null;
  return <DialogButton className="button nav-tool" label={t('hub.publish')} dialog={(close) => <PublishDialog publishing={publishing} onClose={close} />} />;
}

function PublishDialog({ publishing, onClose }: { publishing: HubPublishing; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const introId = useId();
  const [initial] = useState(() => publishing.login ?? lastLabLogin());
  const [address, setAddress] = useState(initial?.address ?? '');
  const [token, setToken] = useState(initial?.token ?? '');
  const [problem, setProblem] = useState<HubLoginProblem | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const prepared = await prepareHubLogin(address, token, 'lab');
    if (!prepared.ok) {
      setProblem(prepared.problem);
      return;
    }
    setProblem(null);
    publishing.publish(prepared.login);
    // The desktop window's policy now includes the hub, from its next load on; the session reopens as it was.
    if (prepared.reload) window.location.reload();
    else onClose();
  };
  return (
    <ModalDialog titleId={titleId} describedBy={introId} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate className="publish-form">
        <h2 id={titleId}>{t('hub.publishTitle')}</h2>
        <p id={introId} className="muted small">
          {t('hub.publishIntro')}
        </p>
        <p className="publish-privacy small">{t('hub.publishPrivacy')}</p>
        {publishing.login && <PublishState publishing={publishing} />}
        <HubLoginFields tokenLabel={t('hub.labToken')} address={address} token={token} problem={problem} onAddress={setAddress} onToken={setToken} />
        <div className="dialog-actions">
          {publishing.login && (
            <button
              type="button"
              className="button"
              onClick={() => {
                publishing.stop();
                onClose();
              }}
            >
              {t('hub.stop')}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            {t('details.cancel')}
          </button>
          <button type="submit" className="button primary">
            {t('hub.publishButton')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

function PublishState({ publishing }: { publishing: HubPublishing }) {
  const { t } = useTranslation();
  const time = useHubTime(publishing.snapshot?.lastSyncedAt ?? null);
  const state = publishing.snapshot?.state ?? 'connecting';
  return (
    <p className="publish-state" role="status">
      {t(`hub.state.${state}`, { address: publishing.login?.address ?? '' })}
      {time && ` · ${t('hub.lastSync', { time })}`}
    </p>
  );
}
