/** A country code in the reader's language (Intl.DisplayNames); the code itself if the browser has no name for it. */
export function countryName(code: string, language: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
