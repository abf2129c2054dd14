import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from './LanguageSelect';

/**
 * One row on wide screens. When the row runs out (a 1024 px projector, Polish labels, a phone),
 * `actions` and the language wrap onto a second row instead of squeezing the title to nothing
 * or sliding over each other (styles: `.app-header`).
 */
export function AppHeader({ children, actions }: { children?: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <a className="brand" href="#/">
        <img src="./favicon.svg" alt="" width={28} height={28} />
        <span className="brand-name">{t('app.name')}</span>
      </a>
      <div className="app-header-middle">{children}</div>
      <div className="app-header-actions">
        {actions}
        <LanguageSelect />
      </div>
    </header>
  );
}
