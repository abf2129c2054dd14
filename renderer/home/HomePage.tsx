import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../ui/AppHeader';
import { COORDINATOR_HREF, navigate } from '../ui/hash-route';
import { JoinSessionButton } from '../join/JoinSessionButton';
import { NewSessionDialog } from './NewSessionDialog';
import { useImport } from '../outcomes/use-import';
import { importDeps } from '../session/import-deps';
import { SessionList } from './SessionList';
import { StorageHealthAlert } from '../session/SaveStatus';
import { useDatabaseHealth } from '../session/use-save-state';

export function HomePage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const health = useDatabaseHealth();
  const importing = useImport(importDeps);
  return (
    <div className="page">
      <AppHeader />
      <main className="home">
        <div className="home-intro">
          <div>
            <h1>{t('home.heading')}</h1>
            <p className="muted">{t('app.tagline')}</p>
          </div>
          <div className="home-actions">
            <button type="button" className="button" onClick={() => navigate(COORDINATOR_HREF)}>
              {t('coordinator.open')}
            </button>
            {importing.button}
            <JoinSessionButton />
            <button type="button" className="button primary" onClick={() => setCreating(true)}>
              {t('home.newSession')}
            </button>
          </div>
        </div>
        {importing.result}
        <SessionList />
      </main>
      <StorageHealthAlert health={health} />
      {creating && <NewSessionDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
