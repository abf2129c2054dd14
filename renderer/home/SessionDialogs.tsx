import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../ui/ModalDialog';
import { SessionTitleDialog } from './SessionTitleDialog';

/** Rename: the same `Session title` textbox as New session, prefilled and selected. */
export function RenameSessionDialog({ title, onRename, onClose }: { title: string; onRename: (title: string) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <SessionTitleDialog
      heading={t('sessions.rename')}
      submitLabel={t('sessions.save')}
      initialTitle={title}
      onSubmit={async (clean) => {
        await onRename(clean);
        onClose();
      }}
      onClose={onClose}
    />
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
