import QRCode from 'qrcode';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJoinCode } from '../../shared/protocol/access';
import { isLoopbackUrl } from '../../shared/protocol/loopback';
import { joinLink } from '../../shared/protocol/room-wire';
import { ModalDialog } from '../ui/ModalDialog';
import { lanHostUrls } from '../platform/platform';
import { usePresence } from '../presence/presence-context';
import type { SessionSync } from '../sync/session-sync';
import { useSyncSnapshot } from '../sync/use-session-sync';
import { useCan, useWorkshop } from '../workshop/workshop-context';
import { ChangeCodeControl } from './ChangeCodeControl';
import { NetworkSettings } from './NetworkSettings';
import './invite.css';

async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Plain http on a LAN address is not a secure context: no async clipboard there.
    if (!input) return false;
    input.select();
    return document.execCommand('copy');
  }
}

export function InviteButton({ sessionId, sync }: { sessionId: string; sync: SessionSync | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} disabled={!sync}>
        {t('invite.button')}
      </button>
      {open && sync && <InviteDialog sessionId={sessionId} sync={sync} onClose={() => setOpen(false)} />}
    </>
  );
}

export function InviteDialog({ sessionId, sync, onClose }: { sessionId: string; sync: SessionSync; onClose: () => void }) {
  const { t } = useTranslation();
  const linkRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const snapshot = useSyncSnapshot(sync);
  // The doc says who facilitates; the relay obeys only the device holding the room's admin secret.
  const facilitator = useCan('changeCode').allowed && sync.canAdminister;
  const { actions } = useWorkshop();
  const [urls, setUrls] = useState<string[] | null>(null);
  const [chosen, setChosen] = useState<string>('');
  const [qr, setQr] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void lanHostUrls().then((found) => {
      if (!live) return;
      setUrls(found);
      setChosen((current) => current || found[0] || '');
    });
    return () => {
      live = false;
    };
  }, []);

  const link = chosen ? joinLink(chosen, sessionId, formatJoinCode(snapshot.joinCode)) : '';

  useEffect(() => {
    if (!link) return;
    let live = true;
    void QRCode.toString(link, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then((svg) => {
      if (live) setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      live = false;
    };
  }, [link]);

  async function rotate() {
    setBusy(true);
    setMessage(null);
    try {
      await sync.rotateCode();
      actions.recordCodeChanged();
      setMessage({ kind: 'status', text: t('invite.codeChanged') });
    } catch {
      setMessage({ kind: 'alert', text: t('invite.changeFailed') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <ModalDialog titleId={titleId} onClose={onClose} className="invite-dialog">
      <h2 id={titleId}>{t('invite.title')}</h2>
      <p className="muted">{facilitator ? t('invite.intro') : t('invite.participantView')}</p>
      {urls && urls.length === 0 && (
        <p role="alert" className="banner warning">
          {t('invite.noAddress')}
        </p>
      )}
      <div className="invite-grid">
        <div className="invite-main">
          {urls && urls.length > 1 && (
            <label className="field">
              <span>{t('invite.address')}</span>
              <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
                {urls.map((u) => (
                  <option key={u} value={u}>
                    {u.replace(/^https?:\/\//, '')}
                  </option>
                ))}
              </select>
            </label>
          )}
          {chosen && isLoopbackUrl(chosen) && <p className="invite-note warning-text">{t('invite.loopbackWarning')}</p>}
          {/* The label names only the field: wrapping the Copy button too would name it "Join link Copy link". */}
          <div className="field">
            <label htmlFor={`${titleId}-link`}>{t('invite.link')}</label>
            <span className="invite-link-row">
              <input
                id={`${titleId}-link`}
                ref={linkRef}
                type="text"
                readOnly
                value={link}
                placeholder={urls === null ? t('invite.findingAddress') : undefined}
                aria-busy={urls === null}
                onFocus={(e) => e.currentTarget.select()}
              />
              <button
                type="button"
                className="button"
                disabled={!link}
                onClick={() =>
                  void copyText(link, linkRef.current).then((ok) => ok && setMessage({ kind: 'status', text: t('invite.copied') }))
                }
              >
                {t('invite.copy')}
              </button>
            </span>
          </div>
          <div className="invite-code" role="group" aria-labelledby={`${titleId}-code`}>
            <span className="invite-code-label" id={`${titleId}-code`}>
              {t('invite.code')}
            </span>
            <span className="invite-code-value">{formatJoinCode(snapshot.joinCode)}</span>
          </div>
        </div>
        <div className="invite-qr">{qr && link && <img src={qr} alt={t('invite.qr')} width={200} height={200} />}</div>
      </div>
      <p className="invite-note">{t('invite.threat')}</p>
      {message && (
        <p role={message.kind} className={message.kind === 'alert' ? 'banner error' : 'invite-message'}>
          {message.text}
        </p>
      )}
      {facilitator && (
        <>
          <ChangeCodeControl busy={busy} onConfirm={() => void rotate()} />
          <ParticipantList sync={sync} onRemoved={(name) => setMessage({ kind: 'status', text: t('invite.removedNamed', { name }) })} />
        </>
      )}
      <NetworkSettings />
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onClose}>
          {t('invite.close')}
        </button>
      </div>
    </ModalDialog>
  );
}

function ParticipantList({ sync, onRemoved }: { sync: SessionSync; onRemoved: (name: string) => void }) {
  const { t } = useTranslation();
  // Everyone else with a name, from the one presence reader (untrusted states already cleaned).
  const everyone = usePresence((s) => s.people);
  const people = useMemo(() => everyone.filter((p) => !p.self && p.name !== ''), [everyone]);
  const headingId = useId();
  return (
    <section className="invite-people" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('invite.participants')}</h3>
      {people.length === 0 ? (
        <p className="muted">{t('invite.noParticipants')}</p>
      ) : (
        <ul aria-labelledby={headingId}>
          {people.map((p) => (
            <li key={p.clientId}>
              <span className="person-dot" style={{ background: p.colour }} aria-hidden="true" />
              <span className="person-name">{p.name}</span>
              <button
                type="button"
                className="button danger small"
                aria-label={t('invite.removeNamed', { name: p.name })}
                onClick={() => {
                  if (sync.removeParticipants([p.clientId])) onRemoved(p.name);
                }}
              >
                {t('invite.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="invite-note">{t('invite.removeNote')}</p>
    </section>
  );
}
