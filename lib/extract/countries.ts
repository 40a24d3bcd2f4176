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
  if (/^[A-Za-z]{3}$/.test(t)) return countries.alpha3ToAlpha2(t.toUpperCase()) ?? countryByName(t);
  return countryByName(t);
}

/**
 * Names CRMs and pages write that are no country's English or German name: the United Kingdom's nations,
 * abbreviations, "SAR" regions, and countries' own names. Keys are lower-case, without accents.
 */
const ALIASES: Record<string, string> = {
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'great britain': 'GB',
  britain: 'GB',
  'u.k.': 'GB',
  'republic of ireland': 'IE',
  uae: 'AE',
  'u.a.e.': 'AE',
  'u.s.': 'US',
  'u.s.a.': 'US',
  america: 'US',
  'hong kong sar': 'HK',
  'macau sar': 'MO',
  'macao sar': 'MO',
  holland: 'NL',
  nederland: 'NL',
  espana: 'ES',
  italia: 'IT',
  brasil: 'BR',
  suisse: 'CH',
  svizzera: 'CH',
  belgique: 'BE',
  belgie: 'BE',
  polska: 'PL',
  sverige: 'SE',
  norge: 'NO',
  danmark: 'DK',
  suomi: 'FI',
  turkiye: 'TR',
  'south korea': 'KR',
  'viet nam': 'VN',
  'czech republic': 'CZ',
};

/** Lower case without accents ("México" → "mexico"). */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The code of a country's name: English, German, as the panel writes it, or a common alias (see ALIASES). */
function countryByName(name: string): string | undefined {
  const byName = countries.getAlpha2Code(name, 'en') ?? countries.getAlpha2Code(name, 'de');
  if (byName) return byName;
  const key = folded(name);
  if (ALIASES[key]) return ALIASES[key];
  for (const [code, shown] of namesShown()) if (folded(shown) === key) return code;
  return countries.getAlpha2Code(key, 'en') ?? undefined;
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
