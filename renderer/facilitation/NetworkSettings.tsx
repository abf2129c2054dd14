import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIceServers, parseIceServers, readIceServers, saveIceServers } from '../sync/network-settings';

/** Optional STUN/TURN servers of the user's own, for networks that block direct connections. */
export function NetworkSettings() {
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatIceServers(readIceServers()));
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const hintId = useId();
  function save() {
    const { servers, invalid } = parseIceServers(text);
    if (invalid.length > 0) {
      setResult({ ok: false, text: t('invite.iceInvalid', { line: invalid[0] }) });
      return;
    }
    saveIceServers(servers);
    setResult({ ok: true, text: t('invite.iceSaved') });
  }
  return (
    <details className="network-settings">
      <summary>{t('invite.networkSettings')}</summary>
      <label className="field">
        <span>{t('invite.iceLabel')}</span>
        <textarea
          rows={3}
          value={text}
          spellCheck={false}
          aria-describedby={hintId}
          aria-invalid={result && !result.ok ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setResult(null);
          }}
        />
      </label>
      <p id={hintId} className="invite-note">
        {t('invite.iceHint')}
      </p>
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'invite-message' : 'field-error'}>
          {result.text}
        </p>
      )}
      <button type="button" className="button" onClick={save}>
        {t('invite.save')}
      </button>
    </details>
  );
}
