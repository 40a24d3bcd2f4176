/**
 * Two records of one company made one: a backup's record restored into the list, or a deleted record put back
 * by Undo after the company was saved again. Pure, so that both (and tests) merge alike.
 */
import { updateFacts } from '../extract/update-facts';
import { MAX_NOTE_CHARS, MAX_SOURCE_URLS, MAX_TAGS, type Prospect, uniqueTags } from './schema';

/**
 * The company's one record, from the list's (`existing`, whose id it keeps) and another (`incoming`): the newer
 * of the two (by `updatedAt`) with the facts, domain and LinkedIn page only the older one has, the rep's notes
 * and status from either, and their tier history, tags and sources united.
 */
export function mergeProspect(
  existing: Prospect & { id: number },
  incoming: Prospect,
): Prospect & { id: number } {
  const { id: _ignored, ...fields } = incoming;
  const incomingNewer = incoming.updatedAt > existing.updatedAt;
  const [newer, older] = incomingNewer
    ? [{ ...existing, ...fields, id: existing.id }, existing]
    : [existing, incoming];
  const facts = incomingNewer
    ? updateFacts(existing.facts, incoming.facts)
    : updateFacts(incoming.facts, existing.facts);
  return {
    ...newer,
    id: existing.id,
    // Found by either key, the company keeps both: a record saved from LinkedIn alone has no domain, and
    // writing its none over the list's would lose the site (and the next save from it would add a second
    // record). Facts the newer record lacks are kept from the older, as an update from a page keeps them.
    domain: newer.domain ?? older.domain,
    linkedinSlug: newer.linkedinSlug ?? older.linkedinSlug,
    // What the rep wrote is never lost to a record that is newer for another reason (a re-score, a save
    // from the page): a note or a status set beats none, and two different notes are both kept.
    notes: mergeNotes(newer.notes, older.notes),
    status: newer.status === 'new' ? older.status : newer.status,
    facts,
    industryId: facts.industryId?.value ?? null,
    hqCountry: facts.hqCountry?.value ?? null,
    // Within the limits a backup is checked against, or the next backup of the list could not be restored. The
    // list's own come first: what the rep sees on the list stays, and only what the other record would add past
    // a limit is left out, which the caller tells the rep (see leftOutOfMerge).
    tags: unitedTags(existing, incoming).slice(0, MAX_TAGS),
    sourceUrls: unitedSources(existing, incoming).slice(0, MAX_SOURCE_URLS),
    tierHistory: uniteHistory(existing.tierHistory, incoming.tierHistory),
    savedAt: Math.min(existing.savedAt, incoming.savedAt),
  };
}

/** What {@link mergeProspect} leaves out of a company's two records to stay within a prospect's limits. */
export interface LeftOut {
  /** The company, as the list names it. */
  name: string;
  /** The other record's tags past MAX_TAGS, as spelled there. */
  tags: string[];
  /** How many of the other record's source pages are past MAX_SOURCE_URLS. */
  sources: number;
}

/**
 * The tags and source pages {@link mergeProspect} leaves out of the two records (those of `incoming`, the list's
 * own being kept first), or null where all of them fit.
 */
export function leftOutOfMerge(existing: Prospect, incoming: Prospect): LeftOut | null {
  const tags = unitedTags(existing, incoming).slice(MAX_TAGS);
  const sources = Math.max(0, unitedSources(existing, incoming).length - MAX_SOURCE_URLS);
  return tags.length > 0 || sources > 0 ? { name: existing.name, tags, sources } : null;
}

/** Companies as a merge's messages name them: up to three by name, more counted ("12 companies (A, B, C and 9 more)"). */
export function namedCompanies(names: readonly string[]): string {
  return names.length <= 3
    ? names.join(', ')
    : `${names.length.toLocaleString('en-US')} companies (${names.slice(0, 3).join(', ')} and ${(names.length - 3).toLocaleString('en-US')} more)`;
}

/**
 * What the rep should know of the tags and source pages merges left out (see {@link leftOutOfMerge}): the
 * companies, and the tags by name, as they were the rep's own words (at most three companies named, the rest
 * counted); empty when there are none.
 * @param stillIn where what was left out can still be found (a restore's backup file), if anywhere
 */
export function leftOutMessage(leftOut: readonly LeftOut[], stillIn?: string): string {
  if (leftOut.length === 0) return '';
  const count = (n: number, one: string, many = `${one}s`) =>
    `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  const each = leftOut.slice(0, 3).map(({ name, tags, sources }) => {
    const parts = [
      ...(tags.length > 0 ? [`${count(tags.length, 'tag')} (${tags.join(', ')})`] : []),
      ...(sources > 0 ? [count(sources, 'source page')] : []),
    ];
    return `${name}: ${parts.join(' and ')}`;
  });
  const more =
    leftOut.length > 3 ? `; and ${count(leftOut.length - 3, 'more company', 'more companies')}` : '';
  return (
    `Left out, as a company holds at most ${MAX_TAGS} tags and ${MAX_SOURCE_URLS} source pages (those already on ` +
    `the list were kept): ${each.join('; ')}${more}.${stillIn ? ` They are still in ${stillIn}.` : ''}`
  );
}

/** The two records' tags, the list's first, each once (see `uniqueTags`), however many. */
function unitedTags(existing: Prospect, incoming: Prospect): string[] {
  return uniqueTags([...existing.tags, ...incoming.tags], Number.POSITIVE_INFINITY);
}

/** The two records' source pages, the list's first, each once, however many. */
function unitedSources(existing: Prospect, incoming: Prospect): string[] {
  return [...new Set([...existing.sourceUrls, ...incoming.sourceUrls])];
}

/**
 * The newer note where it holds the older one (see {@link holdsNote}), the older one where the newer is empty or
 * the older holds it, and both (newer first) where they differ: whatever was typed in either is kept, once. Both
 * together are cut at MAX_NOTE_CHARS: a restore and an undo, which must not lose the end of one unnoticed, check
 * {@link notesTooLongToJoin} first.
 */
export function mergeNotes(newer: string, older: string): string {
  if (joinsNotes(newer, older)) return `${newer}\n\n${older}`.slice(0, MAX_NOTE_CHARS);
  // Also where the newer is empty: the older says more, and nothing typed is dropped.
  return !older.trim() || holdsNote(newer, older) ? newer : older;
}

/** Whether {@link mergeNotes} keeps both notes, as two paragraphs: they differ and neither holds the other. */
function joinsNotes(newer: string, older: string): boolean {
  return older.trim() !== '' && !holdsNote(newer, older) && !holdsNote(older, newer);
}

/**
 * Whether {@link mergeProspect} cuts the two records' notes to join them: both kept whole would pass
 * MAX_NOTE_CHARS, the most a note holds.
 */
export function notesTooLongToJoin(existing: Prospect, incoming: Prospect): boolean {
  const [newer, older] =
    incoming.updatedAt > existing.updatedAt
      ? [incoming.notes, existing.notes]
      : [existing.notes, incoming.notes];
  return joinsNotes(newer, older) && newer.length + 2 + older.length > MAX_NOTE_CHARS;
}

/**
 * Whether a note holds another whole: goes on from it, or has it as one of the paragraphs a merge joins notes
 * with. A note merged by one restore then holds the backup's, and restoring the same backup again adds nothing.
 */
function holdsNote(text: string, note: string): boolean {
  return text.startsWith(note) || text.endsWith(`\n\n${note}`) || text.includes(`\n\n${note}\n\n`);
}

function uniteHistory(a: Prospect['tierHistory'], b: Prospect['tierHistory']): Prospect['tierHistory'] {
  const seen = new Map([...a, ...b].map((h) => [`${h.at}|${h.from}|${h.to}|${h.icpVersion}`, h]));
  return [...seen.values()].sort((x, y) => x.at - y.at).slice(-100);
}
