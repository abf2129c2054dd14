import { en } from '../shared/i18n/en';
import { pl } from '../shared/i18n/pl';

/**
 * The question the desktop app asks before handing a link to the system browser, in the
 * computer's language (Polish or English): a link in someone's note must never open silently.
 */
export interface LinkQuestion {
  message: string;
  detail: string;
  open: string;
  cancel: string;
}

export function externalLinkQuestion(url: string, locale: string): LinkQuestion {
  const words = locale.toLowerCase().startsWith('pl') ? pl.external : en.external;
  return { message: words.question, detail: words.detail.replace('{{url}}', url), open: words.open, cancel: words.cancel };
}
