/**
 * Countries by name or code: the ISO 3166-1 alpha-2 code of what a page, a CRM file or a rep writes, and the
 * names a country field suggests. English and German names are known.
 */
import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { cleanText } from './text';

countries.registerLocale(en);
countries.registerLocale(de);

/** ISO 3166-1 alpha-2 code of a country name or code in English or German ("United Kingdom", "DE"). */
export function countryCode(text: string): string | undefined {
  const t = cleanText(text, 80);
  if (/^[A-Za-z]{2}$/.test(t)) {
    const code = t.toUpperCase() === 'UK' ? 'GB' : t.toUpperCase();
    return countries.isValid(code) ? code : undefined;
  }
  if (/^[A-Za-z]{3}$/.test(t)) return countries.alpha3ToAlpha2(t.toUpperCase()) ?? undefined;
  return countries.getAlpha2Code(t, 'en') ?? countries.getAlpha2Code(t, 'de') ?? undefined;
}

/** Every country's English name, in alphabetical order. */
export function countryNames(): string[] {
  return Object.values(countries.getNames('en', { select: 'official' })).sort((a, b) => a.localeCompare(b));
}
