import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { CATALOGS, LANGUAGES, isLanguageCode, pickLanguage, type LanguageCode } from '../../shared/i18n/languages';

const STORAGE_KEY = 'transition-lab.language';

function savedLanguage(): LanguageCode {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLanguageCode(saved)) return saved;
  } catch {
    // Storage blocked: fall back to the browser's preference.
  }
  return pickLanguage(navigator.languages ?? [navigator.language]);
}

export async function initI18n(): Promise<void> {
  const resources = Object.fromEntries(LANGUAGES.map((l) => [l.code, { translation: CATALOGS[l.code] }]));
  await i18next.use(initReactI18next).init({
    resources,
    lng: savedLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
}

export function changeLanguage(code: LanguageCode): void {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Not remembered, but the switch still applies to this window.
  }
  void i18next.changeLanguage(code);
}
