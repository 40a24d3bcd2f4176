/**
 * Countries by name or code: the ISO 3166-1 alpha-2 code of what a page, a CRM file or a rep writes, and the
 * names a country field suggests. English and German names are known, and the names the side panel shows.
 */
import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { cleanText } from './text';

countries.registerLocale(en);
countries.registerLocale(de);

/** Each country's name as the side panel writes it (the browser's English names: "Iran", not "Islamic Republic of Iran"). */
let shownNames: Map<string, string> | undefined;
function namesShown(): Map<string, string> {
  if (!shownNames) {
    const display = new Intl.DisplayNames(['en'], { type: 'region' });
    shownNames = new Map(
      Object.keys(countries.getAlpha2Codes()).map((code) => [code, display.of(code) ?? code] as const),
    );
  }
  return shownNames;
}

/** ISO 3166-1 alpha-2 code of a country name or code in English or German ("United Kingdom", "DE"). */
export function countryCode(text: string): string | undefined {
  const t = cleanText(text, 80);
  if (/^[A-Za-z]{2}$/.test(t)) {
    const code = t.toUpperCase() === 'UK' ? 'GB' : t.toUpperCase();
    return countries.isValid(code) ? code : undefined;
  }
  if (/^[A-Za-z]{3}$/.test(t)) return countries.alpha3ToAlpha2(t.toUpperCase()) ?? undefined;
  return countryByName(t);
}

/** The code of a country's name: English, German, or as the panel writes it. */
function countryByName(name: string): string | undefined {
  const byName = countries.getAlpha2Code(name, 'en') ?? countries.getAlpha2Code(name, 'de');
  if (byName) return byName;
  const lower = name.toLowerCase();
  for (const [code, shown] of namesShown()) if (shown.toLowerCase() === lower) return code;
  return undefined;
}

/**
 * The code a rep means in a country filter: a name, or a code. Three letters count as a code only in capitals
 * ("DEU"): "Ind", "Aus" or "Can" are names being typed, not India, Australia and Canada.
 */
export function countryTyped(text: string): string | undefined {
  const t = cleanText(text, 80);
  if (/^[A-Za-z]{3}$/.test(t) && t !== t.toUpperCase()) return countryByName(t);
  return countryCode(t);
}

/** Every country's name as the side panel writes it, in alphabetical order: a country field's suggestions. */
export function countryNames(): string[] {
  return [...namesShown().values()].sort((a, b) => a.localeCompare(b));
}
