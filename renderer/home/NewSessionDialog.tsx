import { useTranslation } from 'react-i18next';
import { navigate, sessionHref } from '../ui/hash-route';
import { createSession } from '../session/open-sessions';
import { SessionTitleDialog } from './SessionTitleDialog';

export function NewSessionDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <SessionTitleDialog
      heading={t('newSession.dialogTitle')}
      submitLabel={t('newSession.create')}
      placeholder={t('newSession.titlePlaceholder')}
      onSubmit={async (title) => {
        const id = await createSession({ title, firstBoardTitle: t('newSession.firstBoardTitle') });
        navigate(sessionHref(id));
      }}
      onClose={onClose}
    />
  );
}
