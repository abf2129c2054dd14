/**
 * Countries a lab can be in: the EU member states and the countries associated to Horizon Europe
 * whose cities take part in the Mission (ISO 3166-1 alpha-2). The UI names them with the browser's
 * Intl.DisplayNames, in the reader's language.
 */
export const MISSION_COUNTRIES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  'AL', 'BA', 'CH', 'GB', 'GE', 'IL', 'IS', 'MD', 'ME', 'MK', 'NO', 'RS', 'TR', 'UA',
] as const;
