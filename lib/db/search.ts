/**
 * Searching the prospect list by name: from the start of the name, or of any word in it ("masch" finds
 * "Fernbridge Maschinenbau"), or from the start of the domain. The name's start and the domain are indexed as
 * they are (`nameLower`, `domain`); the name from each later word on is a multi-entry index of its own
 * (`nameTails`), so that one prefix range of it answers a search of one word or several. Accents are optional:
 * "muller" finds "Müller AG" (the name without its accents is indexed too), and "müll" finds "Muller AG" (a
 * search is also asked without its accents).
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

/** A text without its accents: "müller-lüdenscheidt" → "muller-ludenscheidt", "straße" → "strasse". */
export function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replaceAll('ß', 'ss');
}

/** Words of a name indexed, and characters kept of each tail: a name of thousands of words stays a small record. */
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
 * name; the name's own start is in `nameLower` already. A name with accents adds the same without them, from
 * every word: "müller ag" → ["ag", "muller ag"].
 */
export function nameTails(nameLower: string): string[] {
  const plain = withoutAccents(nameLower);
  // The name's start is in `nameLower`: a first word at its very start is left out, one after a bracket kept.
  const first = wordStarts(nameLower)[0] === 0 ? 1 : 0;
  return [...new Set([...tails(nameLower, first), ...(plain === nameLower ? [] : tails(plain, 0))])];
}

/** What a lower-cased search is looked up as: itself, and without its accents if it has any. */
export function searchTerms(search: string): string[] {
  const plain = withoutAccents(search);
  return plain === search ? [search] : [search, plain];
}

/** Whether a prospect's lower-cased name or domain matches a lower-cased search (see {@link nameTails}). */
export function matchesSearch(nameLower: string, domain: string | null, search: string): boolean {
  const texts = [nameLower, domain ?? '', ...nameTails(nameLower)];
  return searchTerms(search).some((term) => texts.some((text) => text.startsWith(term)));
}
