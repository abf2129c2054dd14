import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguageCode } from '../../shared/i18n/languages';
import { changeLanguage } from './i18n';

export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-select">
      <span>{t('language.label')}</span>
      <select
        aria-label={t('language.label')}
        value={i18n.language}
        onChange={(e) => {
          if (isLanguageCode(e.target.value)) changeLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.nativeName}
          </option>
        ))}
      </select>
    </label>
  );
}
