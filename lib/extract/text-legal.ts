/**
 * Company names with a legal form ("Acme Software GmbH", "Acme, Inc.", "Luigi Lavazza S.p.A.") in page
 * text. Pure code for the content script.
 */

/**
 * Legal forms, longest first so that "GmbH & Co. KG" wins over "GmbH". Case-sensitive: "AG" and "SE" are
 * forms, "ag" and "se" are not. Forms that are also common words in capitals ("AS", "OG") are left out.
 */
const LEGAL_FORM_SOURCE = [
  'GmbH\\s?&\\s?Co\\.?\\s?KGaA',
  'GmbH\\s?&\\s?Co\\.?\\s?KG',
  'AG\\s?&\\s?Co\\.?\\s?KGaA',
  'AG\\s?&\\s?Co\\.?\\s?KG',
  'UG\\s?\\(haftungsbeschränkt\\)(?:\\s?&\\s?Co\\.?\\s?KG)?',
  'gGmbH',
  'GmbH',
  'GesmbH',
  'Ges\\.m\\.b\\.H\\.',
  'gUG',
  'UG',
  'KGaA',
  'AG',
  'SE',
  'KG',
  'OHG',
  'e\\.\\s?V\\.?',
  'e\\.\\s?K\\.?',
  'eG',
  'PartG\\s?mbB',
  'mbB',
  'mbH',
  'Inc\\.?',
  'Incorporated',
  'L\\.L\\.C\\.',
  'LLC',
  'LLP',
  'PBC',
  'Co\\.,?\\s?Ltd\\.?',
  'Pty\\.?\\s?Ltd\\.?',
  'Ltd\\.?',
  // "Limited" also qualifies offers ("Acme Limited Edition").
  'Limited(?!\\s+(?:Edition|Time|Offer|Warranty|Access|Availability|Release|Series|Run)\\b)',
  'PLC',
  'plc',
  'Corp\\.?',
  'Corporation',
  'S\\.A\\.S\\.?',
  'S\\.A\\.',
  'SAS',
  'SARL',
  'SA',
  'S\\.p\\.A\\.?',
  'SpA',
  'SPA',
  'S\\.r\\.l\\.?',
  'Srl',
  'S\\.L\\.',
  'B\\.V\\.?',
  'BV',
  'N\\.V\\.?',
  'NV',
  'A/S',
  'ApS',
  'AB',
  'Oy',
  'Sp\\.\\s?z\\s?o\\.\\s?o\\.',
  's\\.r\\.o\\.',
  'Kft\\.?',
].join('|');

/** A legal form standing as a word of its own (not "AGB", "SEO" or "Inc" inside a word). */
// Latin letters spelled out instead of a Unicode property: this pattern scans whole pages, and a property
// class in a leading lookbehind makes that scan many times slower.
export const LEGAL_FORM = new RegExp(
  `(?<![A-Za-zÀ-ÖØ-öø-ÿĀ-ž\\d.])(?:${LEGAL_FORM_SOURCE})(?![A-Za-zÀ-ÖØ-öø-ÿĀ-ž\\d])`,
  'g',
);

const LEGAL_FORM_ANYWHERE = new RegExp(LEGAL_FORM.source);

/** True when the text contains a legal form ("GmbH", "Inc."). */
export function hasLegalForm(text: string): boolean {
  return LEGAL_FORM_ANYWHERE.test(text);
}

/** The text before its first legal form, without a trailing comma ("Luigi LAVAZZA SPA" → "Luigi LAVAZZA"). */
export function stripLegalForm(text: string): string {
  const m = LEGAL_FORM_ANYWHERE.exec(text);
  return m ? text.slice(0, m.index).replace(/(?<![\s,])[\s,]+$/, '') : text;
}

/** Legal forms that only charitable bodies use. */
const NONPROFIT_FORM = /(?:^|\s)(?:gGmbH|gUG|e\.\s?V\.?)$|gemeinnützige/u;

/** Words that end a name when read leftwards from its legal form ("© 2024", "Powered by", "Impressum"). */
const NAME_STOP = new Set(
  (
    '©|(c)|copyright|all|alle|rights|reserved|powered|designed|developed|website|webdesign|design|impressum|' +
    'imprint|anbieter|betreiber|herausgeber|medieninhaber|inhaber|verantwortlich|angaben|tmg|ddg|sitz|firma|' +
    'firmenname|unternehmen|company|name|operator|publisher|provider|owner|by|von|the|a|an|der|die|das|' +
    'des|dem|den|ein|eine|einer|eines|our|unsere|unser|mit|with|bei|at|für|for|from|to|zu|und|and|or|oder|' +
    'of|is|ist|are|sind|was|war|wurde|as|als|in|im|on|an|auf|über|about|contact|kontakt|address|adresse|' +
    'anschrift|registered|eingetragen|vertreten|represented|produziert|produced|made|hergestellt|' +
    'marke|trademark|trademarks|brand|partner|kunde|client|customer|tochter|subsidiary|member|mitglied|' +
    'ltd|inc|llc|gmbh|ag|et|sowie|note|hinweis'
  ).split('|'),
);

/** A word that can be part of a company name: capitalised, a number, or an initialism with dots. */
const NAME_WORD = /^(?:[A-ZÄÖÜÉÀ0-9][\p{L}\d&'’.+!-]*|[a-zäöü]{1,2}\.(?:[a-z]\.)*)$/u;
/** Nouns after which a lower-case "für"/"for"/"of" stays inside the name ("Gesellschaft für Informatik"). */
const LINKING_NOUN =
  /(?:gesellschaft|institut|verein|zentrum|verband|stiftung|agentur|büro|werk|bund|akademie|institute|society|association|center|centre|foundation|academy|school|bank)$/i;

/** A company name and the legal form it was written with. */
export interface LegalName {
  /** The full name as written ("Acme Software GmbH"). */
  value: string;
  /** The name without its legal form ("Acme Software"). */
  core: string;
  /** The legal form as written ("GmbH"). */
  form: string;
  /** Offset of the name's first character in the text searched. */
  index: number;
}

/**
 * Reads the company name that ends with the legal form found at `formIndex` in `text`: the capitalised
 * words before it, up to six, stopping at punctuation and at words such as "©", "by" or "Impressum".
 * `isBrand` lets the site's own lower-case brand ("fairkom") count as a name word.
 */
export function nameBefore(
  text: string,
  formIndex: number,
  form: string,
  isBrand: (word: string) => boolean,
): LegalName | undefined {
  let before = text.slice(Math.max(0, formIndex - 100), formIndex);
  // A name never runs across lines.
  before = before.slice(before.lastIndexOf('\n') + 1);
  // Only a few forms are written after a comma ("Acme, Inc."); a comma before "GmbH" ends a list.
  const comma =
    /,[^\S\n]*$/.test(before) &&
    /^(?:Inc|Incorporated|LLC|L\.L\.C|LLP|Ltd|Limited|Corp|S\.A|SA|S\.L|B\.V|N\.V|PLC|plc|AG|SE|Co)/.test(
      form,
    );
  if (comma) before = before.replace(/,[^\S\n]*$/, ' ');
  if (!/[^\S\n]$/.test(before)) return undefined;
  const words = before.split(/\s+/);
  words.pop();
  const out: string[] = [];
  for (let i = words.length - 1; i >= 0 && out.length < 6; i--) {
    const word = words[i] as string;
    // Punctuation or a sentence end closes the name; an abbreviation ("Gebr.", "Dr.", "h.c.") does not.
    const abbreviation = /^(?:[A-Z][a-z]{0,4}\.|[a-z]\.)+$/.test(word);
    if (/[|·•–—:;,"“”„(){}[\]<>]|^-$/.test(word) || (/[.!?]$/.test(word) && !abbreviation)) break;
    const lower = word.toLowerCase();
    // In a name set in capitals ("VON DER SEE GmbH") the small words belong to the name.
    const capitals = /\p{Lu}{2}/u.test(word) && word === word.toUpperCase();
    if (NAME_STOP.has(lower) && !isBrand(word) && !capitals) {
      const left = words[i - 1];
      const linking =
        (lower === 'für' || lower === 'for' || lower === 'of') &&
        out.length > 0 &&
        left &&
        LINKING_NOUN.test(left);
      const joiner =
        (word === '&' || lower === 'und' || lower === 'and') &&
        out.length > 0 &&
        left &&
        NAME_WORD.test(left);
      // "Müller & Partner", "Schmidt und Söhne": a partner after "&" belongs to the name.
      const partners = /^partners?$/.test(lower) && left !== undefined && /^(?:&|und|and|\+)$/i.test(left);
      if (linking || joiner || partners) {
        out.unshift(word);
        continue;
      }
      break;
    }
    // Years and other bare numbers ("© 2011-2021 Acme") are not part of a name; "1&1" and "3M" are.
    if (/^[\d.,/–-]+$/.test(word)) break;
    if (word === '&' || word === '+') {
      if (out.length === 0) break;
      out.unshift(word);
      continue;
    }
    if (NAME_WORD.test(word) || isBrand(word)) out.unshift(word);
    else break;
  }
  while (out.length > 0 && /^(?:&|\+|und|and|für|for|of)$/i.test(out[0] as string)) out.shift();
  const core = out.join(' ');
  if (!/\p{L}{2}/u.test(core) || core.length > 80) return undefined;
  const index = Math.max(0, formIndex - core.length - (comma ? 2 : 1));
  return { value: `${core}${comma ? ', ' : ' '}${form}`, core, form, index };
}

/** Legal forms looked at per call: a page of bare "AG"s must not cost a name read for each. */
const MAX_FORMS = 1000;

/** Reads the names with a legal form in `text`, in order, at most `max` of them. */
export function findLegalNames(text: string, isBrand: (word: string) => boolean, max = 60): LegalName[] {
  const out: LegalName[] = [];
  let seen = 0;
  for (const m of text.matchAll(LEGAL_FORM)) {
    if (out.length >= max || ++seen > MAX_FORMS) break;
    const name = nameBefore(text, m.index ?? 0, m[0], isBrand);
    if (name) out.push(name);
  }
  return out;
}

/** True when a legal name's form (or wording) says the company is a charity ("gGmbH", "e.V."). */
export function isNonprofitName(name: string): boolean {
  return NONPROFIT_FORM.test(name);
}
