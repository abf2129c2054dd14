import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH, normaliseTitle } from '../../shared/model';

function ModalDialog(props: { titleId: string; describedBy?: string; onClose: () => void; children: ReactNode; role?: 'alertdialog' }) {
  const { titleId, describedBy, onClose, children, role } = props;
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" role={role} aria-labelledby={titleId} aria-describedby={describedBy} onClose={onClose} onCancel={onClose}>
      {children}
    </dialog>
  );
}

/** Rename: the same `Session title` textbox as New session, prefilled and selected. */
export function RenameSessionDialog({ title, onRename, onClose }: { title: string; onRename: (title: string) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(title);
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
      await onRename(clean);
      onClose();
    } catch (e) {
      setBusy(false);
      setError(t('sessions.actionFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  }

  return (
    <ModalDialog titleId={titleId} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={titleId}>{t('sessions.rename')}</h2>
        <label className="field">
          <span>{t('newSession.titleLabel')}</span>
          <input
            type="text"
            autoFocus
            value={value}
            maxLength={MAX_TITLE_LENGTH}
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
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('sessions.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {t('sessions.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

/** Confirmation before a delete; the delete itself can still be undone for a few seconds. */
export function DeleteSessionDialog({ title, onDelete, onClose }: { title: string; onDelete: () => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const bodyId = useId();

  async function confirm() {
    setBusy(true);
    try {
      await onDelete();
      onClose();
    } catch (e) {
      setBusy(false);
      setError(t('sessions.actionFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  }

  return (
    <ModalDialog titleId={titleId} describedBy={bodyId} onClose={onClose} role="alertdialog">
      <div>
        <h2 id={titleId}>{t('sessions.deleteTitle', { title })}</h2>
        <p id={bodyId} className="muted">
          {t('sessions.deleteBody')}
        </p>
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" autoFocus onClick={onClose}>
            {t('sessions.cancel')}
          </button>
          <button type="button" className="button danger" disabled={busy} onClick={() => void confirm()}>
            {t('sessions.deleteConfirm')}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
