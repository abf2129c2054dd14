import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH, normaliseTitle } from '../../shared/model';
import { navigate, sessionHref } from '../app/use-hash-route';
import { createSession } from '../session/open-sessions';

export function NewSessionDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const clean = normaliseTitle(title);
    if (!clean) {
      setError(t('newSession.titleRequired'));
      return;
    }
    setBusy(true);
    const id = await createSession({ title: clean, firstBoardTitle: t('newSession.firstBoardTitle') });
    navigate(sessionHref(id));
  }

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={titleId}>{t('newSession.dialogTitle')}</h2>
        <label className="field">
          <span>{t('newSession.titleLabel')}</span>
          <input
            type="text"
            autoFocus
            value={title}
            maxLength={MAX_TITLE_LENGTH}
            placeholder={t('newSession.titlePlaceholder')}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              setTitle(e.target.value);
              setError(null);
            }}
          />
        </label>
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('newSession.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {t('newSession.create')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
