import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from './LanguageSelect';

export function AppHeader({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <a className="brand" href="#/">
        <img src="./favicon.svg" alt="" width={28} height={28} />
        <span>{t('app.name')}</span>
      </a>
      <div className="app-header-middle">{children}</div>
      <LanguageSelect />
    </header>
  );
}
