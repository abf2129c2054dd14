import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../ui/ModalDialog';
import { useCan, useWorkshop } from '../workshop/workshop-context';

/**
 * Privacy: `Remove participants' names` (facilitators) takes the names out of every note and named
 * vote of the session, keeping what people wrote and chose. Asked first — it cannot be undone.
 */
export function PurgeNamesButton({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { actions } = useWorkshop();
  const may = useCan('purgeNames').allowed;
  const [asking, setAsking] = useState(false);
  const titleId = useId();
  const bodyId = useId();
  if (!may) return null;
  return (
    <>
      <button type="button" className="button nav-tool" aria-haspopup="dialog" onClick={() => setAsking(true)}>
        {t('privacy.purge')}
      </button>
      {asking && (
        <ModalDialog titleId={titleId} describedBy={bodyId} onClose={() => setAsking(false)} role="alertdialog">
          <h2 id={titleId}>{t('privacy.purgeTitle')}</h2>
          <p id={bodyId}>{t('privacy.purgeQuestion')}</p>
          <div className="dialog-actions">
            <button type="button" className="button" autoFocus onClick={() => setAsking(false)}>
              {t('privacy.cancel')}
            </button>
            <button
              type="button"
              className="button danger"
              onClick={() => {
                const count = actions.purgeNames() ?? 0;
                setAsking(false);
                onDone(t('privacy.purged', { count }));
              }}
            >
              {t('privacy.purgeConfirm')}
            </button>
          </div>
        </ModalDialog>
      )}
    </>
  );
}
