import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH, normaliseTitle } from '../../shared/model';
import { ModalDialog } from '../ui/ModalDialog';

interface Props {
  heading: string;
  submitLabel: string;
  initialTitle?: string;
  placeholder?: string;
  /** More fields under the title (New session: the session's language). */
  extra?: ReactNode;
  /** Resolves when done; a rejection is shown in the dialog, which stays open. */
  onSubmit: (title: string) => Promise<void>;
  onClose: () => void;
}

/** The `Session title` form shared by New session and Rename. */
export function SessionTitleDialog({ heading, submitLabel, initialTitle = '', placeholder, extra, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initialTitle);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const clean = normaliseTitle(value);
    if (!clean) {
      setError(t('newSession.titleRequired'));
      return;
    }
    setBusy(true);
    try {
      await onSubmit(clean);
    } catch (e) {
      setBusy(false);
      setError(t('sessions.actionFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  }

  return (
    <ModalDialog titleId={titleId} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={titleId}>{heading}</h2>
        <label className="field">
          <span>{t('newSession.titleLabel')}</span>
          <input
            type="text"
            autoFocus
            value={value}
            maxLength={MAX_TITLE_LENGTH}
            placeholder={placeholder}
            aria-invalid={error ? true : undefined}
            onFocus={(e) => e.currentTarget.select()}
            onChange={(e) => {
              setValue(e.target.value);
              setError(null);
            }}
          />
        </label>
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        {extra && <div className="dialog-extra">{extra}</div>}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('newSession.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
