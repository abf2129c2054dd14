import { describe, expect, it } from 'vitest';
import { CATALOGS, LANGUAGES, pickLanguage } from '../../../shared/i18n/languages';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Object.values(value as object).flatMap(leaves);
}

describe('message catalogs', () => {
  const english = new Set(keys(CATALOGS.en));

  for (const { code } of LANGUAGES) {
    it(`${code} has every English key, no stray ones, and no empty text`, () => {
      const own = keys(CATALOGS[code]);
      const base = own.map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '_other'));
      for (const key of english) {
        const wanted = key.replace(/_(zero|one|two|few|many|other)$/, '_other');
        expect(base, `${code} lacks ${key}`).toContain(wanted);
      }
      for (const key of base) expect(english, `${code} has stray ${key}`).toContain(key);
      for (const text of leaves(CATALOGS[code])) expect(text.trim()).not.toBe('');
    });

    it(`${code} keeps every {{placeholder}} of the English text`, () => {
      const lookup = (catalog: unknown, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], catalog);
      for (const key of english) {
        const en = lookup(CATALOGS.en, key) as string;
        const own = (lookup(CATALOGS[code], key) as string | undefined) ?? '';
        for (const placeholder of en.match(/{{\w+}}/g) ?? []) expect(own, `${code} ${key}`).toContain(placeholder);
      }
    });
  }

  it('has the Polish plural forms a count needs (1 karteczka, 3 karteczki, 5 karteczek)', () => {
    const rules = new Intl.PluralRules('pl');
    const forms = CATALOGS.pl.home as unknown as Record<string, string>;
    expect(forms[`noteCount_${rules.select(1)}`]).toBe('{{count}} karteczka');
    expect(forms[`noteCount_${rules.select(3)}`]).toBe('{{count}} karteczki');
    expect(forms[`noteCount_${rules.select(5)}`]).toBe('{{count}} karteczek');
  });

  it('picks a supported language from the browser preferences', () => {
    expect(pickLanguage(['pl-PL', 'en-US'])).toBe('pl');
    expect(pickLanguage(['de-DE', 'en-GB'])).toBe('en');
    expect(pickLanguage(['fr'])).toBe('en');
  });
});
