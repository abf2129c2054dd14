import { useTranslation } from 'react-i18next';
import type { DocPersistence } from '../storage/doc-persistence';
import { useDatabaseHealth, useSaveState } from './use-save-state';

/** Always-visible save indicator; a failure also becomes an alert that says what to do. */
export function SaveStatus({ persistence }: { persistence: DocPersistence }) {
  const { t } = useTranslation();
  const state = useSaveState(persistence);
  const health = useDatabaseHealth();
  return (
    <>
      <span className={`save-status ${state.kind}`} data-state={state.kind}>
        {state.kind === 'saved' ? t('session.saved') : state.kind === 'saving' ? t('session.saving') : t('session.notSaved')}
      </span>
      {state.kind === 'failed' ? (
        <p role="alert" className="banner error floating">
          {state.reason === 'failed' ? t('storage.failed', { message: state.message }) : t(`storage.${state.reason}`)}
        </p>
      ) : (
        <StorageHealthAlert health={health} />
      )}
    </>
  );
}

/** The connection-level messages (another tab's upgrade), shown on Home and in a session. */
export function StorageHealthAlert({ health }: { health: { blocked: boolean; upgradedElsewhere: boolean } }) {
  const { t } = useTranslation();
  if (!health.blocked && !health.upgradedElsewhere) return null;
  return (
    <p role="alert" className="banner error floating">
      {health.upgradedElsewhere ? t('storage.upgraded') : t('storage.blocked')}
    </p>
  );
}
