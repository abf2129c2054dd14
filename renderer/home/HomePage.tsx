import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../app/AppHeader';
import { NewSessionDialog } from './NewSessionDialog';
import { SessionList } from './SessionList';

export function HomePage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  return (
    <div className="page">
      <AppHeader />
      <main className="home">
        <div className="home-intro">
          <div>
            <h1>{t('home.heading')}</h1>
            <p className="muted">{t('app.tagline')}</p>
          </div>
          <button type="button" className="button primary" onClick={() => setCreating(true)}>
            {t('home.newSession')}
          </button>
        </div>
        <SessionList />
      </main>
      {creating && <NewSessionDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
