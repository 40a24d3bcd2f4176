/**
 * Searching the prospect list by name: from the start of the name, or of any word in it ("masch" finds
 * "Fernbridge Maschinenbau"), or from the start of the domain. The name's start and the domain are indexed as
 * they are (`nameLower`, `domain`); the name from each later word on is a multi-entry index of its own
 * (`nameTails`), so that one prefix range of it answers a search of one word or several.
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

/**
 * A lower-cased name from each word on that does not start it: "fernbridge maschinenbau gmbh" →
 * ["maschinenbau gmbh", "gmbh"] (at most 200 characters each). A search from a word's start is a prefix of one
 * of them, whatever follows in the name. The name's own start is in `nameLower` already.
 */
export function nameTails(nameLower: string): string[] {
  return [
    ...new Set(
      wordStarts(nameLower)
        .filter((at) => at > 0)
        .map((at) => nameLower.slice(at, at + 200)),
    ),
  ];
}

/** Whether a prospect's lower-cased name or domain matches a lower-cased search (see {@link nameTails}). */
export function matchesSearch(nameLower: string, domain: string | null, search: string): boolean {
  return (
    nameLower.startsWith(search) ||
    (domain ?? '').startsWith(search) ||
    nameTails(nameLower).some((tail) => tail.startsWith(search))
  );
}
