import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../ui/AppHeader';
import { readDisplayName } from '../identity/display-name';
import { DisplayNameField } from './DisplayNameField';
import { LevelField } from '../identity/LevelField';
import { readMyLevel } from '../identity/my-level';
import { checkJoin, joinSession, openJoinedSession, prepareHostAccess, type JoinProblem } from './join';
import './join.css';

/** `#/join/ID?code=CODE`: asks only for a name, then joins (docs/ui-contract.md "Join links"). */
export function JoinPage({ sessionId, code }: { sessionId: string; code: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState(readDisplayName);
  const [level, setLevel] = useState(readMyLevel);
  const [problem, setProblem] = useState<JoinProblem | 'notLan' | null>(() => (checkJoin({ joinCode: code, name: 'x' }) === 'badCode' ? 'badCode' : null));
  const [busy, setBusy] = useState(false);
  const titleId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkJoin({ joinCode: code, name });
    setProblem(found);
    if (found) return;
    setBusy(true);
    // The host is the one that served this page: `ready` in a browser and in the desktop app.
    const hostUrl = window.location.origin;
    const access = await prepareHostAccess(hostUrl);
    if (access === 'refused') {
      setProblem('notLan');
      setBusy(false);
      return;
    }
    await joinSession({ sessionId, joinCode: code, name, hostUrl, level });
    openJoinedSession(sessionId, access);
  }

  return (
    <div className="page">
      <AppHeader />
      <main className="centered join-page" aria-labelledby={titleId}>
        <form className="join-card" onSubmit={(e) => void submit(e)} noValidate>
          <h1 id={titleId}>{t('join.title')}</h1>
          <p className="muted">{t('join.intro')}</p>
          <DisplayNameField
            autoFocus
            value={name}
            invalid={problem === 'nameRequired'}
            onChange={(next) => {
              setName(next);
              if (problem === 'nameRequired') setProblem(null);
            }}
          />
          {problem && (
            <p role="alert" className="field-error">
              {t(`join.${problem}`)}
            </p>
          )}
          <LevelField value={level} onChange={setLevel} />
          <button type="submit" className="button primary" disabled={busy || problem === 'badCode'}>
            {busy ? t('join.joining') : t('join.join')}
          </button>
        </form>
      </main>
    </div>
  );
}
