/**
 * Searching the prospect list by name: from the start of the name, or of any word in it ("masch" finds
 * "Fernbridge Maschinenbau"), or from the start of the domain. The name's start and the domain are indexed as
 * they are (`nameLower`, `domain`); the name from each later word on is a multi-entry index of its own
 * (`nameTails`), so that one prefix range of it answers a search of one word or several. Accents are optional,
 * and umlauts may be spelled out: "muller" and "mueller" find "Müller AG", "orsted" finds "Ørsted" (each
 * spelling of the name is indexed too), and "müll" finds "Muller AG" and "Mueller AG" (a search is also asked
 * in each of its spellings). Sorting by name uses the name without its accents (`nameSort`).
 */

/** Letters and digits in any script: what a word is made of. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The positions where a word starts in a text. */
function wordStarts(text: string): number[] {
  const starts: number[] = [];
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const word = WORD_CHAR.test(text[i] as string);
    if (word && !inWord) starts.push(i);
    inWord = word;
  }
  return starts;
}

/** Letters with no accent to drop (Unicode decomposes none of them) and their usual Latin spelling. */
const PLAIN_LETTERS: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const PLAIN_LETTER = new RegExp(`[${Object.keys(PLAIN_LETTERS).join('')}]`, 'g');
/** Umlauts as German spells them out without the dots. */
const SPELLED_OUT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue' };

/** A lower-cased text without its accents: "müller-lüdenscheidt" → "muller-ludenscheidt", "ørsted" → "orsted". */
export function withoutAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(PLAIN_LETTER, (c) => PLAIN_LETTERS[c] as string);
}

/**
 * A lower-cased name as the list sorts it by name (`nameSort`): accents folded, so that "Äpfel & Co" and
 * "émile SA" sort among the a's and e's, not after "Zürich Data" (IndexedDB orders strings by their character
 * codes, and "ä" comes after "z"). Case is already gone. Umlauts sort as their plain vowel, as dictionaries and
 * spreadsheets sort them: "Ökoplan" between "Office" and "Orbit".
 */
export function nameSortKey(nameLower: string): string {
  return withoutAccents(nameLower);
}

/**
 * The spellings of a lower-cased text that a search may use for it: as written, without accents, and with its
 * umlauts spelled out ("müller" → "müller", "muller", "mueller"). Plain ASCII has only the first.
 */
export function spellings(text: string): string[] {
  if (/^[ -~]*$/.test(text)) return [text];
  const spelled = text.normalize('NFC').replace(/[äöü]/g, (c) => SPELLED_OUT[c] as string);
  return [...new Set([text, withoutAccents(text), withoutAccents(spelled)])];
}

/**
 * Words of a name indexed per spelling (three spellings at most: 60 tails), and characters kept of each tail: a
 * name of thousands of words stays a small record.
 */
const MAX_TAILS = 20;
const MAX_TAIL_CHARS = 200;

/** The text from each word start on, from the `from`th word (bounded, see above). */
function tails(text: string, from: number): string[] {
  return wordStarts(text)
    .slice(from, from + MAX_TAILS)
    .map((at) => text.slice(at, at + MAX_TAIL_CHARS));
}

/**
 * A lower-cased name from each word on that does not start it: "fernbridge maschinenbau gmbh" →
 * ["maschinenbau gmbh", "gmbh"]. A search from a word's start is a prefix of one of them, whatever follows in the
 * name; the name's own start is in `nameLower` already. A name with accents adds its other spellings (see
 * {@link spellings}), from every word: "müller ag" → ["ag", "muller ag", "mueller ag"].
 */
export function nameTails(nameLower: string): string[] {
  const [written, ...others] = spellings(nameLower);
  // The name's start is in `nameLower`: a first word at its very start is left out, one after a bracket kept.
  const first = wordStarts(nameLower)[0] === 0 ? 1 : 0;
  return [...new Set([...tails(written as string, first), ...others.flatMap((other) => tails(other, 0))])];
}

/**
 * A web address pasted as a search, as the host it names and each of its parent domains:
 * "https://app.lumenfold.io/about" → "app.lumenfold.io", "lumenfold.io" (the scheme, "www.", the port and
 * whatever follows the host dropped), so that the domain a company is kept by is among them without the
 * public-suffix list ("co.uk" matches no company's domain from its start). Anything else is left as typed.
 */
function addressAsDomains(search: string): string[] {
  const m =
    /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)\.?(?::\d+)?(?:[/?#].*)?$/.exec(
      search,
    );
  const looksLikeAddress = /^[a-z][a-z0-9+.-]*:\/\/|^www\.|^[^\s/]+\.[a-z]{2,}[/:?#]/.test(search);
  if (!m || !looksLikeAddress) return [search];
  const labels = (m[1] as string).split('.');
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
}

/** What a lower-cased search is looked up as: each of its spellings (a pasted address as its domain). */
export function searchTerms(search: string): string[] {
  return addressAsDomains(search).flatMap(spellings);
}

/** Whether a prospect's lower-cased name or domain matches a lower-cased search (see {@link nameTails}). */
export function matchesSearch(nameLower: string, domain: string | null, search: string): boolean {
  const texts = [nameLower, domain ?? '', ...nameTails(nameLower)];
  return searchTerms(search).some((term) => texts.some((text) => text.startsWith(term)));
}
