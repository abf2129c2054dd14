/** Dates and numbers in the reader's language (Intl, no library needed). */
export function formatDateTime(timestamp: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(timestamp);
}

const percentFormats = new Map<string, Intl.NumberFormat>();

/** "75 %" in `language`'s style. The formatter is kept: making one costs more than a render. */
export function formatPercent(ratio: number, language: string): string {
  let format = percentFormats.get(language);
  if (!format) percentFormats.set(language, (format = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 })));
  return format.format(ratio);
}

/** The calendar day of a timestamp on this device, as `YYYY-MM-DD` (file names, date fields). */
export function localDay(timestamp: number): string {
  const d = new Date(timestamp);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
