import type { LocalText } from './schema';

/** A template's words in a language (Polish, or English for anything else). */
export function inLanguage(text: LocalText, language: string): string {
  return language.startsWith('pl') ? text.pl : text.en;
}
