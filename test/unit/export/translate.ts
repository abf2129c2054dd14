import i18next from 'i18next';
import { en } from '../../../shared/i18n/en';
import { pl } from '../../../shared/i18n/pl';
import type { Translate } from '../../../shared/export/labels';

/** The app's own catalog lookup, as the Export menu uses it, for tests and benchmarks. */
export async function translator(lng: 'en' | 'pl'): Promise<Translate> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { en: { translation: en }, pl: { translation: pl } }, interpolation: { escapeValue: false } });
  return (key, options) => i18n.t(key, options ?? {});
}
