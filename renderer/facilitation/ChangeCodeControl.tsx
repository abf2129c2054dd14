import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Changing the join code disconnects everyone else, so the button first says so and asks; the
 * confirmation sits inline in the invite dialog (no dialog over a dialog), focus on its safe choice.
 */
export function ChangeCodeControl({ busy, onConfirm }: { busy: boolean; onConfirm: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) keepRef.current?.focus();
    // Back to the button that opened the question, not to the page body.
    else if (wasAsking.current) changeRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <div className="invite-actions">
        <button ref={changeRef} type="button" className="button" disabled={busy} onClick={() => setAsking(true)}>
          {t('invite.changeCode')}
        </button>
      </div>
    );
  }
  return (
    <div className="invite-confirm" role="group" aria-labelledby={questionId}>
      <p id={questionId}>{t('room.changeCodeQuestion')}</p>
      <div className="invite-actions">
        <button
          type="button"
          className="button danger"
          disabled={busy}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {t('room.changeCodeConfirm')}
        </button>
        <button ref={keepRef} type="button" className="button" onClick={() => setAsking(false)}>
          {t('room.keepCode')}
        </button>
      </div>
    </div>
  );
}
