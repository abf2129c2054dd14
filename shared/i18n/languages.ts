import { en, type Catalog } from './en';
import { pl } from './pl';

export const LANGUAGES = [
  { code: 'en', nativeName: 'English' },
  { code: 'pl', nativeName: 'Polski' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];
export const DEFAULT_LANGUAGE: LanguageCode = 'en';

export const CATALOGS: Record<LanguageCode, Catalog> = { en, pl };

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && LANGUAGES.some((l) => l.code === value);
}

/** Picks the first supported language from a browser's preference list (e.g. `pl-PL` → `pl`). */
export function pickLanguage(preferred: readonly string[]): LanguageCode {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguageCode(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}
