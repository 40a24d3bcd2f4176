/**
 * Places in page text: country names, US states, city names after "in", and postal addresses (German,
 * Austrian, Swiss, US, UK, Indian). Pure code for the content script: the country list is a small hand-made
 * one (the full ISO list lives in the merge, which runs outside the page and normalises whatever we emit).
 */
import { limitedMatches, type TextLine } from './text-visible';

/** Country names in English, German and the country's own language, lower case, to ISO 3166-1 alpha-2. */
const COUNTRY_NAMES: Record<string, string> = {};
for (const [code, names] of Object.entries({
  DE: 'germany|deutschland|federal republic of germany|bundesrepublik deutschland',
  AT: 'austria|österreich|oesterreich',
  CH: 'switzerland|schweiz|suisse|svizzera',
  US: 'united states|united states of america|usa|u.s.a.|u.s.|vereinigte staaten',
  GB: 'united kingdom|uk|u.k.|great britain|england|scotland|wales|northern ireland|großbritannien|grossbritannien|vereinigtes königreich',
  FR: 'france|frankreich',
  IT: 'italy|italien|italia',
  ES: 'spain|spanien|españa',
  NL: 'netherlands|the netherlands|niederlande|nederland|holland',
  BE: 'belgium|belgien|belgique|belgië',
  LU: 'luxembourg|luxemburg',
  LI: 'liechtenstein',
  DK: 'denmark|dänemark|danmark',
  SE: 'sweden|schweden|sverige',
  NO: 'norway|norwegen|norge',
  FI: 'finland|finnland|suomi',
  PL: 'poland|polen|polska',
  CZ: 'czech republic|czechia|tschechien',
  SK: 'slovakia|slowakei',
  SI: 'slovenia|slowenien',
  HR: 'croatia|kroatien',
  HU: 'hungary|ungarn',
  RO: 'romania|rumänien',
  BG: 'bulgaria|bulgarien',
  GR: 'greece|griechenland',
  EE: 'estonia|estland',
  LV: 'latvia|lettland',
  LT: 'lithuania|litauen',
  IE: 'ireland|irland',
  PT: 'portugal',
  TR: 'turkey|türkei|türkiye',
  UA: 'ukraine',
  IL: 'israel',
  AE: 'united arab emirates|uae|vereinigte arabische emirate',
  IN: 'india|indien',
  SG: 'singapore|singapur',
  JP: 'japan',
  CN: 'china',
  KR: 'south korea|südkorea',
  AU: 'australia|australien',
  NZ: 'new zealand|neuseeland',
  CA: 'canada|kanada',
  MX: 'mexico|mexiko',
  BR: 'brazil|brasilien|brasil',
  AR: 'argentina|argentinien',
  ZA: 'south africa|südafrika',
})) {
  for (const name of names.split('|')) COUNTRY_NAMES[name] = code;
}

/** ISO code of a country name in the list above ("Österreich" → "AT"), else undefined. */
export function countryFromName(text: string): string | undefined {
  const key = text.trim().replace(/\.$/, '').toLowerCase();
  // "US" and "UK" in capitals only: lower-case "us" is a pronoun.
  if (key === 'us' || key === 'uk')
    return text.trim() === text.trim().toUpperCase() ? (key === 'us' ? 'US' : 'GB') : undefined;
  return COUNTRY_NAMES[key] ?? COUNTRY_NAMES[`${key}.`];
}

/** US states and DC: two-letter code → name. */
const US_STATES: Record<string, string> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  PR: 'Puerto Rico',
};
const US_STATE_BY_NAME = new Map(Object.entries(US_STATES).map(([code, name]) => [name.toLowerCase(), code]));

/** The two-letter code of a US state written as a code or a name ("NC", "North Carolina"). */
export function usState(text: string): string | undefined {
  const t = text.trim().replace(/\.$/, '');
  if (/^[A-Z]{2}$/.test(t)) return US_STATES[t] ? t : undefined;
  return US_STATE_BY_NAME.get(t.toLowerCase());
}

/** Words that can follow "in" in a capital but are no city. */
const NOT_A_CITY = new Set(
  (
    'the|a|an|our|your|their|europe|asia|africa|america|north america|south america|latin america|emea|apac|dach|' +
    'eu|silicon valley|bay area|the bay area|cloud|internet|web|january|february|march|april|may|june|july|' +
    'august|september|october|november|december|januar|februar|märz|mai|juni|juli|oktober|dezember|' +
    'deutschlands|europas|zentrum|center|centre|herzen|heart|mitte|nähe|norden|süden|osten|westen|north|south|' +
    'east|west|downtown|midtown|region|stadt|city|town|county|state|land|bundesland|kanton|canton|his|her|its|' +
    'tel|telefon|phone|fax|email|e-mail|mail|web|www|kontakt|contact|impressum|imprint|gmbh|ag|inc|ltd|llc|' +
    'suite|floor|building|room|unit|haus|gebäude|etage|stock|office|büro'
  ).split('|'),
);

/** Words that end a city name read from running text. */
const CITY_STOP =
  /^(?:Tel\.?|Telefon|Fon|Phone|Fax|E-?Mail|Mail|Web|Internet|www\..*|Germany|Deutschland|Kontakt|Contact|Registergericht|Amtsgericht|Geschäftsführer.*|Handelsregister|USt.*|HRB|HRA|Vertreten|Represented|Inhaber|Owner|GmbH|AG|Inc\.?|LLC|Ltd\.?|Email|Telephone|T|F|E|P|M)$/;

/** A capitalised word of a place name (letters, apostrophes, dots and hyphens: "St.", "Saint-Étienne"). */
const PLACE_WORD = /^[A-ZÄÖÜÉÈ][\p{L}'’.-]*$/u;
/** Lower-case words allowed inside a place name ("Frankfurt am Main", "Stratford-upon-Avon"). */
const PLACE_LINK = new Set([
  'am',
  'an',
  'der',
  'im',
  'in',
  'ob',
  'upon',
  'on',
  'de',
  'del',
  'di',
  'la',
  'le',
  'sur',
  'bei',
]);

/** Punctuation after a place's word ("Ulm,", "Berlin)."), matched as one run from its start. */
const TRAILING_PUNCTUATION = /(?<![.,;:!?)\]|/·•–—"“”])[.,;:!?)\]|/·•–—"“”]+$/;

/**
 * Reads a place name from the start of `text` ("Berlin", "Frankfurt am Main", "New York"): capitalised words
 * and the small linking words between them, at most four words, ending before punctuation or a lower-case
 * word. Undefined when the text does not start with one.
 */
export function readPlaceName(text: string): string | undefined {
  const out: string[] = [];
  for (const raw of text.slice(0, 80).split(/\s+/)) {
    if (out.length >= 4 || !raw) break;
    // "St." and "Ft." belong to the name; any other trailing punctuation ends it.
    const abbreviation = /^(?:St|Ft|Mt)\.$/.test(raw);
    const word = abbreviation ? raw : raw.replace(/^[("„“]+/, '').replace(TRAILING_PUNCTUATION, '');
    const ended = !abbreviation && word !== raw.replace(/^[("„“]+/, '');
    if (!word) break;
    if (PLACE_WORD.test(word) && !CITY_STOP.test(word) && !countryFromName(word)) out.push(word);
    else if (out.length > 0 && PLACE_LINK.has(word) && !ended) out.push(word);
    else break;
    if (ended) break;
  }
  while (out.length > 0 && PLACE_LINK.has(out[out.length - 1] as string)) out.pop();
  const name = out.join(' ');
  if (!name || name.length < 2 || name.length > 40 || NOT_A_CITY.has(name.toLowerCase())) return undefined;
  return name;
}

/** First words of German town names that always take a second word ("Bad Homburg", "St. Ingbert"). */
const TOWN_PREFIX = /^(?:Bad|Sankt|St\.|Neu|Groß|Gross|Klein|Hohen|Alt|Markt|Schwäbisch|Bergisch|Königs)$/;

/**
 * Reads a German, Austrian or Swiss town after its postal code: one word ("Ulm", "Villingen-Schwenningen"),
 * a prefixed name ("Bad Homburg"), or a name with its river or region ("Frankfurt am Main", "Mülheim an der
 * Ruhr"). Capitalised words after the town are not taken: on one line with the address they are usually the
 * next item ("89077 Ulm Telefon ...").
 */
export function readTownName(text: string): string | undefined {
  const words = text.slice(0, 80).split(/\s+/);
  const raw = words[0] ?? '';
  const first = raw === 'St.' ? raw : raw.replace(TRAILING_PUNCTUATION, '');
  if (!PLACE_WORD.test(first) || CITY_STOP.test(first) || countryFromName(first)) return undefined;
  const out = [first];
  const rest = words.slice(1, 5).join(' ');
  const link = /^(am|an der|an|im|in der|ob der|bei|vor der)\s+([A-ZÄÖÜ][\p{L}-]+)/u.exec(rest);
  const second = /^([A-ZÄÖÜ][\p{L}-]+)/u.exec(rest);
  if (link && first === raw) out.push(link[1] as string, link[2] as string);
  else if (TOWN_PREFIX.test(first) && second) out.push(second[1] as string);
  const name = out.join(' ');
  return NOT_A_CITY.has(name.toLowerCase()) ? undefined : name;
}

/** A place read from the page. */
export interface Place {
  city?: string;
  /** A region as the page writes it ("NC", "North Carolina"). */
  region?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
}

/** "Berlin, London and New York", "Berlin und Lissabon": several places, none of them the head office. */
const SEVERAL_PLACES =
  /^(?:\s*(?:and|und|&|or|oder)\s+\p{Lu}|,\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)?\s*(?:,|and\s|und\s|&)\s*\p{Lu})/u;

/**
 * Reads "City", "City, Country", "City, ST" or a bare country at the start of `text` (the words after
 * "headquartered in", "Sitz:" ...).
 */
export function readPlace(text: string): Place | undefined {
  const lead = /^[\p{L}][\p{L} .'’-]{0,40}/u.exec(text)?.[0] ?? '';
  const country = countryFromName(lead.trim()) ?? countryFromName(lead.split(/\s+/)[0] ?? '');
  if (country && !readPlaceName(text)) return { country };
  const city = readPlaceName(text);
  if (!city) return undefined;
  const place: Place = { city };
  const tail = text.slice(text.indexOf(city) + city.length);
  const rest = /^,\s*([\p{L}][\p{L} .'’-]{0,40}?)\s*(?=[,.;:!?()\n]|$| and | und | with | mit )/u.exec(tail);
  const after = rest?.[1]?.trim();
  const state = after ? usState(after) : undefined;
  const named = after ? countryFromName(after) : undefined;
  if (named) place.country = named;
  else if (state && after) {
    place.region = after;
    place.country = 'US';
  } else if (SEVERAL_PLACES.test(tail)) {
    return undefined;
  }
  return place;
}

/** Street-type words that end a US street ("108 Morris St") rather than start a city. */
const STREET_WORD =
  /^(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Lane|Ln\.?|Way|Suite|Ste\.?|Floor|Fl\.?|Plaza|Square|Sq\.?|Parkway|Pkwy\.?|Court|Ct\.?|Place|Pl\.?|Highway|Hwy\.?|Broadway|Circle|Terrace|Unit|Building|Bldg\.?|Center|Centre|Park|Row|Alley|Trail)$/;

/** The town at the end of `text`: its last capitalised words, after any street words ("Suite 2 Durham"). */
function cityBefore(text: string): string | undefined {
  const words = text.trim().split(/\s+/).slice(-5);
  const out: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const word = (words[i] as string).replace(/^[(["“]+/, '');
    if (/[,;:|·•–—]$/.test(word) && out.length > 0) break;
    const clean = word.replace(/(?<![,;:|·•–—])[,;:|·•–—]+$/, '');
    if (!PLACE_WORD.test(clean) || STREET_WORD.test(clean) || /\d/.test(clean)) break;
    out.unshift(clean);
    if (out.length === 3) break;
  }
  const name = out.join(' ');
  return name && !NOT_A_CITY.has(name.toLowerCase()) && !countryFromName(name) ? name : undefined;
}

/** A postal address found in the page text. */
export interface AddressHit extends Place {
  city: string;
  /** Index of the line in which the postal code stands. */
  line: number;
  /** Offset of the postal code in the text. */
  index: number;
}

/** Context that decides which country a bare postal code belongs to. */
export interface AddressContext {
  /** The page's top-level domain, lower case ("de", "com"). */
  tld: string;
  /** The page's language from `<html lang>`, lower case ("de", "en-us"), or ''. */
  lang: string;
}

/** A street and house number ending right before a postal code ("Musterstraße 1, ", "Via Bologna, 32 – "). */
const STREET_BEFORE =
  /[\p{L}.)](?:\s*,)?\s+\d{1,4}(?:\s?[a-zA-Z])?(?:\s?[-–/]\s?\d{1,4}(?:\s?[a-zA-Z])?)?(?:[^\S\n]*\n\s*|\s*[,;|·•–—-]\s*)$/u;
/** A German street name right before the postal code ("Torstraße 118, "): with five digits, Germany. */
const GERMAN_STREET =
  /(?:straße|strasse|str\.|weg|gasse|allee|platz|damm|ufer|chaussee)\s+\d{1,4}(?:\s?[a-zA-Z])?(?:\s?[-–/]\s?\d{1,4}(?:\s?[a-zA-Z])?)?(?:[^\S\n]*\n\s*|\s*[,;|·•–—-]\s*)$/i;
const AT_CITIES =
  /^(?:Wien|Vienna|Graz|Linz|Salzburg|Innsbruck|Klagenfurt(?: am Wörthersee)?|Villach|Wels|St\. Pölten|Dornbirn|Bregenz|Feldkirch|Leoben|Krems(?: an der Donau)?|Steyr)$/;
const CH_CITIES =
  /^(?:Zürich|Zurich|Bern|Basel|Genf|Genève|Geneva|Lausanne|Luzern|Lucerne|St\. Gallen|Zug|Winterthur|Lugano|Baar|Schaffhausen|Chur|Thun|Aarau)$/;

/** A country named right after a city ("Ulm, Deutschland", "Torino – Italien", or on the next line). */
function countryAfter(text: string): string | undefined {
  const m = /^\s*(?:[,–—|·•-]\s*)?([\p{L}][\p{L} .]{1,40}?)\s*(?=[,.;|·•–—\n]|$)/u.exec(text.slice(0, 60));
  return m?.[1] ? countryFromName(m[1]) : undefined;
}

function phoneCountryNear(text: string, index: number): string | undefined {
  const near = text.slice(Math.max(0, index - 250), index + 250);
  const m = /\+\s?(49|43|41|44|91)\b/.exec(near);
  const code = m?.[1];
  return code === '49'
    ? 'DE'
    : code === '43'
      ? 'AT'
      : code === '41'
        ? 'CH'
        : code === '44'
          ? 'GB'
          : code === '91'
            ? 'IN'
            : undefined;
}

/** Offsets of line starts → line index, by binary search. */
export function lineAt(lines: TextLine[], index: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid] as TextLine).start <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const MAX_ADDRESSES = 40;
/** Postal-code-like numbers examined per pattern: a footer address may follow many numbers in the body. */
const MAX_CODES = 600;

/**
 * Finds postal addresses in the text: a street and number followed by a DACH postal code and town
 * ("Am Delft 24, 26721 Emden"), a US "City, ST 12345", a UK postcode, an Indian PIN code. A country is given
 * only on evidence: a country name after the town, a "D-"/"A-"/"CH-" prefix, a postal-code format only one
 * country uses, or (for a German five-digit code) a .de domain or a +49 telephone number nearby.
 */
export function findAddresses(text: string, lines: TextLine[], ctx: AddressContext): AddressHit[] {
  const hits: AddressHit[] = [];
  const push = (hit: Omit<AddressHit, 'line'>) => {
    if (hits.length < MAX_ADDRESSES) hits.push({ ...hit, line: lineAt(lines, hit.index) });
  };

  // German, Austrian and Swiss: "[D-]89077 Ulm" after a street and house number.
  for (const m of limitedMatches(text, /\b(\d{4,5})\s+(?=[A-ZÄÖÜ])/g, MAX_CODES)) {
    if (hits.length >= MAX_ADDRESSES) break;
    const codeAt = m.index ?? 0;
    // The country prefix ("D-89077") is read backwards: a pattern starting with it would be tried everywhere.
    const prefix = /(?:^|[^A-Za-z\d-])(D|A|CH)-\s?$/.exec(text.slice(Math.max(0, codeAt - 5), codeAt))?.[1];
    if (!prefix && codeAt > 0 && /[-.,/]/.test(text.charAt(codeAt - 1))) continue;
    const index = prefix ? text.lastIndexOf(`${prefix}-`, codeAt) : codeAt;
    const before = text.slice(Math.max(0, index - 80), index);
    if (!STREET_BEFORE.test(before)) continue;
    const after = text.slice(codeAt + m[0].length, codeAt + m[0].length + 120);
    const city = readTownName(after.split('\n')[0] ?? '');
    if (!city) continue;
    const code = m[1] as string;
    const named = countryAfter(after.slice(after.indexOf(city) + city.length));
    let country = named;
    if (!country && prefix) country = prefix === 'D' ? 'DE' : prefix === 'A' ? 'AT' : 'CH';
    if (
      !country &&
      code.length === 5 &&
      (ctx.tld === 'de' ||
        ctx.lang.startsWith('de') ||
        GERMAN_STREET.test(before) ||
        phoneCountryNear(text, index) === 'DE')
    )
      country = 'DE';
    if (!country && code.length === 4) {
      if (AT_CITIES.test(city) || ctx.tld === 'at' || phoneCountryNear(text, index) === 'AT') country = 'AT';
      else if (CH_CITIES.test(city) || ctx.tld === 'ch' || phoneCountryNear(text, index) === 'CH')
        country = 'CH';
    }
    // A bare four- or five-digit number before a capitalised word is too weak without a country.
    if (country) push({ city, country, index });
  }

  // United States: "Durham, NC 27701" or "Durham, North Carolina 27701".
  for (const m of limitedMatches(
    text,
    /,[ \t]*([A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\.?[ \t]+(\d{5})(?:-\d{4})?(?!\d)/g,
    MAX_CODES,
  )) {
    if (hits.length >= MAX_ADDRESSES) break;
    const state = usState(m[1] as string);
    if (!state) continue;
    const index = m.index ?? 0;
    // The town is the last words before the comma on the same line; 80 characters are plenty.
    const lineStart = Math.max(text.lastIndexOf('\n', index) + 1, index - 80);
    const city = cityBefore(text.slice(lineStart, index));
    if (city) push({ city, region: m[1] as string, country: 'US', index });
  }

  // United Kingdom: a postcode ("EC1V 9HX") after a town, with a street number or the country nearby.
  for (const m of limitedMatches(
    text,
    /(?<![A-Za-z\d])([A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?) (\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z\d])/g,
    MAX_CODES,
  )) {
    if (hits.length >= MAX_ADDRESSES) break;
    const index = m.index ?? 0;
    const before = text.slice(Math.max(0, index - 120), index);
    const after = text.slice(index + m[0].length, index + m[0].length + 40);
    const uk = /^\s*(?:,\s*)?(?:UK|U\.K\.|United Kingdom|England|Scotland|Wales|Great Britain|GB)\b/.test(
      after,
    );
    if (!uk && !/\d/.test(before.slice(-80))) continue;
    const lineStart = before.lastIndexOf('\n') + 1;
    const chunks = before
      .slice(lineStart)
      .split(/[,|·•–—]/)
      .map((c) => c.trim());
    let city = chunks.length > 0 ? cityBefore(chunks[chunks.length - 1] as string) : undefined;
    if (!city && chunks.length > 1 && (chunks[chunks.length - 1] as string) === '')
      city = cityBefore(chunks[chunks.length - 2] as string);
    if (!city && lineStart > 0) {
      const prev =
        before
          .slice(0, lineStart - 1)
          .split('\n')
          .pop() ?? '';
      if (/^[A-Z][\p{L}'’. -]{1,30}$/u.test(prev.trim())) city = cityBefore(prev);
    }
    if (city) push({ city, country: 'GB', index });
  }

  // India: "Mumbai 400102" (six-digit PIN) when the page says India or has an Indian telephone number.
  const india = ctx.tld === 'in' || /\bIndia\b|\bIndien\b|\+\s?91\b/.test(text);
  for (const m of india ? limitedMatches(text, /(?<![\d])(\d{3} ?\d{3})(?![\d])/g, MAX_CODES) : []) {
    if (hits.length >= MAX_ADDRESSES) break;
    const index = m.index ?? 0;
    const near = text.slice(Math.max(0, index - 300), index + 300);
    if (ctx.tld !== 'in' && !/\bIndia\b|\bIndien\b|\+\s?91\b/.test(near)) continue;
    const lineStart = Math.max(text.lastIndexOf('\n', index) + 1, index - 120);
    const before = text.slice(lineStart, index).replace(/(?<!\s)\s*[-–,]\s*$/, '');
    if (!/,/.test(before)) continue;
    const city = cityBefore(before.split(',').pop() ?? '');
    if (city) push({ city, country: 'IN', index });
  }

  return hits.sort((a, b) => a.index - b.index);
}

/**
 * A line that is only "City, Country" ("Vienna, Austria"), as contact blocks write it. The caller decides
 * whether the line belongs to the company (a footer, next to an e-mail address).
 */
export function cityCountryLine(line: string): Place | undefined {
  if (line.length > 50) return undefined;
  const m = /^([A-ZÄÖÜ][\p{L}'’. -]{1,30}?),\s*([\p{L}][\p{L} .]{1,30}?)\.?$/u.exec(line.trim());
  if (!m) return undefined;
  const country = countryFromName(m[2] as string);
  const city = readPlaceName(m[1] as string);
  if (!country || !city || city !== (m[1] as string).trim()) return undefined;
  return { city, country };
}
