/**
 * Two records of one company made one: a backup's record restored into the list, or a deleted record put back
 * by Undo after the company was saved again. Pure, so that both (and tests) merge alike.
 */
import { updateFacts } from '../extract/update-facts';
import { MAX_NOTE_CHARS, type Prospect, uniqueTags } from './schema';

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
    // Within the limits a backup is checked against, or the next backup of the list could not be restored.
    tags: uniqueTags([...existing.tags, ...incoming.tags]),
    sourceUrls: [...new Set([...existing.sourceUrls, ...incoming.sourceUrls])].slice(0, 50),
    tierHistory: uniteHistory(existing.tierHistory, incoming.tierHistory),
    savedAt: Math.min(existing.savedAt, incoming.savedAt),
  };
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
