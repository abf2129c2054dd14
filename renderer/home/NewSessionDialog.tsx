import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATALOGS, LANGUAGES, isLanguageCode, type LanguageCode } from '../../shared/i18n/languages';
import { navigate, sessionHref } from '../ui/hash-route';
import { createSession } from '../session/open-sessions';
import { SessionTitleDialog } from './SessionTitleDialog';

/**
 * The session keeps its own working language (the one people write in), chosen here and starting
 * at the app's: its first board is named in that language, whatever the app shows later.
 */
export function NewSessionDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<LanguageCode>(() => (isLanguageCode(i18n.language) ? i18n.language : 'en'));
  return (
    <SessionTitleDialog
      heading={t('newSession.dialogTitle')}
      submitLabel={t('newSession.create')}
      placeholder={t('newSession.titlePlaceholder')}
      extra={
        <label className="field">
          <span>{t('room.sessionLanguage')}</span>
          <select
            value={language}
            onChange={(e) => {
              if (isLanguageCode(e.target.value)) setLanguage(e.target.value);
            }}
          >
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.nativeName}
              </option>
            ))}
          </select>
        </label>
      }
      onSubmit={async (title) => {
        const id = await createSession({ title, firstBoardTitle: CATALOGS[language].newSession.firstBoardTitle, language });
        navigate(sessionHref(id));
      }}
      onClose={onClose}
    />
  );
}
