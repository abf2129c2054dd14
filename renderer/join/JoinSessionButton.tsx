import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isWellFormedJoinCode } from '../../shared/protocol/access';
import { parseJoinLink } from '../../shared/protocol/room-wire';
import { ModalDialog } from '../ui/ModalDialog';
import { findNearbyHosts, nearbyHostsAvailable, ownHostUrl, type NearbyHost } from '../platform/platform';
import { readDisplayName } from '../identity/display-name';
import { DisplayNameField } from './DisplayNameField';
import { LevelField } from '../identity/LevelField';
import { readMyLevel } from '../identity/my-level';
import { findSessionByCode } from './find-room-by-code';
import { checkJoin, joinSession, openJoinedSession, prepareHostAccess } from './join';
import './join.css';

/** Home's `Join session`: paste a join link (or, on a page served by the host, type the code alone), give a name, join. */
export function JoinSessionButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('join.button')}
      </button>
      {open && <JoinSessionDialog onClose={() => setOpen(false)} />}
    </>
  );
}

type Problem = 'badLink' | 'badCode' | 'nameRequired' | 'notLan' | 'codeNotFound' | 'codeNeedsLink';

function withHost(link: string, hostUrl: string): string {
  const hash = link.includes('#') ? link.slice(link.indexOf('#')) : '#/join/';
  return `${hostUrl.replace(/\/+$/, '')}/${hash}`;
}

function JoinSessionDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [link, setLink] = useState('');
  const [name, setName] = useState(readDisplayName);
  const [level, setLevel] = useState(readMyLevel);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [nearby, setNearby] = useState<NearbyHost[]>([]);

  useEffect(() => {
    if (!nearbyHostsAvailable()) return;
    let live = true;
    void findNearbyHosts().then((hosts) => live && setNearby(hosts));
    return () => {
      live = false;
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!parseJoinLink(link) && isWellFormedJoinCode(link)) {
      await joinByCode(link);
      return;
    }
    const parsed = parseJoinLink(link);
    const found: Problem | null = parsed ? checkJoin({ joinCode: parsed.joinCode, name }) : 'badLink';
    setProblem(found);
    if (found || !parsed) return;
    setBusy(true);
    // Desktop app: its CSP must allow the host first (LAN addresses only); a browser goes on as is.
    const access = await prepareHostAccess(parsed.hostBaseUrl);
    if (access === 'refused') {
      setProblem('notLan');
      setBusy(false);
      return;
    }
    await joinSession({ sessionId: parsed.sessionId, joinCode: parsed.joinCode, name, hostUrl: parsed.hostBaseUrl, level });
    openJoinedSession(parsed.sessionId, access);
  }

  /** The code alone: find its session on this page's host, then join like a link would. */
  async function joinByCode(code: string) {
    const found = checkJoin({ joinCode: code, name });
    setProblem(found);
    if (found) return;
    setBusy(true);
    const lookup = await findSessionByCode(code, await ownHostUrl());
    if (lookup.kind !== 'found') {
      setProblem(lookup.kind === 'noHost' ? 'codeNeedsLink' : 'codeNotFound');
      setBusy(false);
      return;
    }
    await joinSession({ sessionId: lookup.sessionId, joinCode: code, name, hostUrl: lookup.hostUrl, level });
    openJoinedSession(lookup.sessionId, 'ready');
  }

  return (
    <ModalDialog titleId={titleId} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate className="join-form">
        <h2 id={titleId}>{t('join.title')}</h2>
        {nearby.length > 0 && (
          <fieldset className="join-nearby">
            <legend>{t('join.nearby')}</legend>
            {nearby.map((host) =>
              host.urls.slice(0, 1).map((url) => (
                <button key={url} type="button" className="button small" onClick={() => setLink((current) => withHost(current, url))}>
                  {t('join.useHost', { name: host.name })}
                </button>
              )),
            )}
          </fieldset>
        )}
        <label className="field">
          <span>{t('room.linkOrCode')}</span>
          <input
            type="text"
            inputMode="url"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            value={link}
            placeholder={t('room.linkOrCodePlaceholder')}
            aria-invalid={problem === 'badLink' || problem === 'badCode' || problem === 'notLan' || problem === 'codeNotFound' || problem === 'codeNeedsLink' ? true : undefined}
            onChange={(e) => {
              setLink(e.target.value);
              setProblem(null);
            }}
          />
        </label>
        <DisplayNameField
          value={name}
          invalid={problem === 'nameRequired'}
          onChange={(next) => {
            setName(next);
            setProblem(null);
          }}
        />
        {problem && (
          <p role="alert" className="field-error">
            {problem === 'codeNotFound' || problem === 'codeNeedsLink' ? t(`room.${problem}`) : t(`join.${problem}`)}
          </p>
        )}
        {busy && !problem && (
          <p role="status" className="muted">
            {t('join.joining')}
          </p>
        )}
        <LevelField value={level} onChange={setLevel} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('join.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {t('join.join')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
