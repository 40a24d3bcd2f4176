/**
 * Splitting a written headquarters ("Redmond, Washington, U.S.", "London, England", "San Francisco, CA, USA")
 * into city, region and country. The merge turns country names into ISO codes; this file only fixes the
 * spellings it cannot know (U.S., England) and stays small enough for the content script.
 */
import { cleanText, dropParenthesised } from '../text';

/** US states and DC, by name and postal code: a two-part location ending in one is in the US. */
const US_STATES = new Set(
  [
    'Alabama AL',
    'Alaska AK',
    'Arizona AZ',
    'Arkansas AR',
    'California CA',
    'Colorado CO',
    'Connecticut CT',
    'Delaware DE',
    'District of Columbia DC',
    'Florida FL',
    'Georgia GA',
    'Hawaii HI',
    'Idaho ID',
    'Illinois IL',
    'Indiana IN',
    'Iowa IA',
    'Kansas KS',
    'Kentucky KY',
    'Louisiana LA',
    'Maine ME',
    'Maryland MD',
    'Massachusetts MA',
    'Michigan MI',
    'Minnesota MN',
    'Mississippi MS',
    'Missouri MO',
    'Montana MT',
    'Nebraska NE',
    'Nevada NV',
    'New Hampshire NH',
    'New Jersey NJ',
    'New Mexico NM',
    'New York NY',
    'North Carolina NC',
    'North Dakota ND',
    'Ohio OH',
    'Oklahoma OK',
    'Oregon OR',
    'Pennsylvania PA',
    'Rhode Island RI',
    'South Carolina SC',
    'South Dakota SD',
    'Tennessee TN',
    'Texas TX',
    'Utah UT',
    'Vermont VT',
    'Virginia VA',
    'Washington WA',
    'D.C. DC',
    'West Virginia WV',
    'Wisconsin WI',
    'Wyoming WY',
  ].flatMap((entry) => {
    const code = entry.slice(-2);
    return [entry.slice(0, -3).toLowerCase(), code];
  }),
);

/** True when the text is a US state name or postal code ("Ohio", "CA"). */
export function isUsState(text: string): boolean {
  const t = cleanText(text, 40);
  return US_STATES.has(/^[A-Z]{2}$/.test(t) ? t : t.toLowerCase());
}

/** Country spellings the ISO name lists do not know. */
const COUNTRY_ALIASES: Array<[RegExp, string]> = [
  [/^(?:u\.?\s?s\.?(?:a\.?)?|united states(?: of america)?|america)$/i, 'US'],
  [/^(?:u\.?k\.?|great britain|britain|england|scotland|wales|northern ireland)$/i, 'GB'],
  [/^(?:the )?netherlands$/i, 'NL'],
  [/^(?:south korea|republic of korea|korea)$/i, 'KR'],
  [/^(?:uae|u\.a\.e\.|united arab emirates)$/i, 'AE'],
  [/^(?:czechia|czech republic)$/i, 'CZ'],
  [/^(?:russia|russian federation)$/i, 'RU'],
  [/^(?:taiwan|republic of china)$/i, 'TW'],
  [/^(?:hong kong(?: sar)?)$/i, 'HK'],
];

/** Continents and macro-regions some sites append after the country (Crunchbase's "North America"). */
const CONTINENT =
  /^(?:north america|south america|latin america|central america|europe|asia|asia-pacific|apac|emea|africa|oceania|middle east)$/i;

/** A country as the page writes it, with the spellings of {@link COUNTRY_ALIASES} turned into ISO codes. */
export function normaliseCountry(text: string): string {
  const t = cleanText(text, 80).replace(/^the\s+/i, '');
  for (const [pattern, code] of COUNTRY_ALIASES) if (pattern.test(t)) return code;
  return t;
}

/** The parts of a written location; `country` is an ISO code when known, else the page's wording. */
export interface LocationParts {
  city?: string;
  region?: string;
  country?: string;
}

/**
 * Splits "street, city, region, country" read from the end: the last part is usually the country, the one
 * before it the region. A two-part location is "city, US state" or "city, country". Postal codes are cut
 * off ("WA 98052" → "WA", "80331 München" → "München"); street lines (with digits) are never the city, and
 * parenthesised notes ("(HQ1)") are left out.
 */
export function splitLocation(text: string): LocationParts {
  const parts = cleanText(dropParenthesised(text), 300)
    .split(/[,;]/)
    .map((p) =>
      cleanText(
        p
          .trim()
          .replace(/^\d{4,6}\s+(?=\D)/, '')
          .replace(/(?<!\s)\s+\d{4,6}(?:-\d{4})?$/, ''),
        80,
      ),
    )
    .filter(Boolean);
  while (parts.length > 1 && CONTINENT.test(parts.at(-1) ?? '')) parts.pop();
  const usable = (p: string | undefined) => (p && !/\d/.test(p) ? p : undefined);
  if (parts.length === 0) return {};
  if (parts.length === 1) return { city: usable(parts[0]) };
  if (parts.length === 2) {
    const [city, second = ''] = parts;
    if (isUsState(second)) return { city: usable(city), region: second, country: 'US' };
    return { city: usable(city), country: normaliseCountry(second) };
  }
  const country = normaliseCountry(parts.at(-1) ?? '');
  const region = usable(parts.at(-2));
  const city = usable(parts.at(-3));
  // "Kemp House, 152 City Road, London, England": no region; the part before the country is the city.
  return city ? { city, region, country } : { city: region, country };
}
