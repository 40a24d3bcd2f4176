/**
 * The prospect list's repository: save (one record per company, found by domain or LinkedIn slug), look up,
 * update and delete prospects. Every write is one transaction, so a failure leaves nothing half-written.
 */

import type { CompanyFacts } from '../extract/schema';
import { shownFactCount, updateFacts } from '../extract/update-facts';
import type { ScoreResult } from '../icp/result-schema';
import {
  type IcpLensDb,
  type Prospect,
  type ProspectRecord,
  type ProspectStatus,
  writeProspects,
} from './index';
import {
  type LeftOut,
  leftOutOfMerge,
  mergeProspect,
  namedCompanies,
  notesTooLongToJoin,
} from './merge-prospects';
import {
  type FactValues,
  MAX_NOTE_CHARS,
  MAX_SOURCE_URLS,
  type ProspectEvidence,
  type StoredVerdict,
} from './schema';
import {
  decodeVerdict,
  getStoredVerdicts,
  getVerdicts,
  metCriteria,
  putVerdicts,
  VERDICT_BLOCK,
  verdictsBetween,
} from './verdict-store';
import { joinProspect, type ProspectSummary, prospectResult, splitProspect } from './verdicts';

/** What the panel knows about the company it saves. */
export interface ProspectInput {
  facts: CompanyFacts;
  /** The verdict on `facts`. */
  result: ScoreResult;
  /**
   * Scores other facts against the same ICP: an update keeps the saved facts the page does not show (see
   * `updateFacts`), and the company is filed under the verdict on what it keeps. Without it the update
   * replaces the saved facts.
   */
  score?: (facts: CompanyFacts) => ScoreResult;
  icp: { name: string; version: number };
  sourceUrls: string[];
}

function slugOf(facts: CompanyFacts): string | null {
  return /\/company\/([^/?#]+)/.exec(facts.linkedinUrl?.value ?? '')?.[1]?.toLowerCase() ?? null;
}

/**
 * How much of a prospect to read: `evidence: false` leaves out the facts' evidence and alternatives (the facts
 * then hold their values only, which is all that lists and exports show) and reads a few hundred bytes per
 * prospect instead of kilobytes.
 */
export interface ReadOptions {
  evidence?: boolean;
}

/** The saved prospect for a company, by its domain first and its LinkedIn slug second. */
export async function findProspect(
  db: IcpLensDb,
  identity: { domain: string | null; linkedinSlug: string | null },
  options: ReadOptions = {},
): Promise<Prospect | undefined> {
  let record: ProspectRecord | undefined;
  if (identity.domain) record = await db.prospects.where('domain').equals(identity.domain).first();
  if (!record && identity.linkedinSlug)
    record = await db.prospects.where('linkedinSlug').equals(identity.linkedinSlug).first();
  return record && (await joined(db, [record], options))[0];
}

/** The saved prospect for these facts, if any, without its evidence (see {@link ReadOptions}). */
export function findProspectFor(db: IcpLensDb, facts: CompanyFacts): Promise<Prospect | undefined> {
  return findProspect(
    db,
    { domain: facts.domain?.value ?? null, linkedinSlug: slugOf(facts) },
    { evidence: false },
  );
}

/** Stored company records joined with their verdicts (and evidence), in the same order. */
async function joined(db: IcpLensDb, records: ProspectRecord[], options: ReadOptions): Promise<Prospect[]> {
  const ids = records.map((r) => r.id as number);
  const [verdicts, evidence] = await Promise.all([
    getVerdicts(db, ids),
    options.evidence === false ? [] : db.evidence.bulkGet(ids),
  ]);
  return records.map((r, i) => joinProspect(r, verdicts[i], evidence[i]));
}

/** The prospect with this id, if it is still on the list. */
export async function getProspect(
  db: IcpLensDb,
  id: number,
  options: ReadOptions = {},
): Promise<Prospect | undefined> {
  const record = await db.prospects.get(id);
  return record && (await joined(db, [record], options))[0];
}

/** Every prospect, in id order (for backups, tools and tests; the list page reads what it shows). */
export async function allProspects(db: IcpLensDb, options: ReadOptions = {}): Promise<Prospect[]> {
  const ids = (await db.prospects.toCollection().primaryKeys()) as number[];
  return mapProspects(db, ids, (p) => p, options);
}

/** The prospects saved last, newest first, without their evidence (see {@link ReadOptions}). */
export async function latestProspects(db: IcpLensDb, count: number): Promise<Prospect[]> {
  const records = await db.prospects.orderBy('savedAt').reverse().limit(count).toArray();
  return joined(db, records, { evidence: false });
}

/** Writes whole prospects (with ids) as their three records. */
export async function putProspects(
  db: IcpLensDb,
  prospects: Array<Prospect & { id: number }>,
): Promise<void> {
  const split = prospects.map(splitProspect);
  await db.prospects.bulkPut(split.map(([record]) => record));
  await putVerdicts(
    db,
    split.map(([, verdict]) => verdict),
  );
  await db.evidence.bulkPut(split.map(([, , evidence]) => evidence));
}

/** Adds a new prospect as its three records and returns its id. */
export async function addProspect(db: IcpLensDb, prospect: Prospect): Promise<number> {
  const [record, verdict, evidence] = splitProspect({ ...prospect, id: 0 });
  const { id: _unset, ...fields } = record;
  const id = (await db.prospects.add(fields)) as number;
  await putVerdicts(db, [{ ...verdict, id }]);
  await db.evidence.add({ ...evidence, id });
  return id;
}

/**
 * Saves the company, or updates the one record it already has (saving it again from its website or its
 * LinkedIn page): the facts the page shows are refreshed and those it does not show kept (with `score`), the
 * tier and score are those of the facts kept, the rep's status, notes and tags are kept, and a tier change goes
 * into the history. `kept` counts the saved facts the page did not show.
 */
export async function saveProspect(
  db: IcpLensDb,
  input: ProspectInput,
  now = Date.now(),
): Promise<{ prospect: Prospect; created: boolean; result: ScoreResult; kept: number }> {
  const domain = input.facts.domain?.value ?? null;
  const linkedinSlug = slugOf(input.facts);
  if (!domain && !linkedinSlug)
    throw new Error('This company has neither a website domain nor a LinkedIn page to keep it by.');
  return writeProspects(db, async () => {
    const existing = await findProspect(db, { domain, linkedinSlug });
    const facts = existing && input.score ? updateFacts(existing.facts, input.facts) : input.facts;
    // A page that shows no name (a company known by its domain alone) does not rename the saved company.
    const name = facts.name?.value ?? existing?.name ?? domain ?? linkedinSlug ?? 'Unknown company';
    const kept = shownFactCount(facts) - shownFactCount(input.facts);
    const result = kept > 0 && input.score ? input.score(facts) : input.result;
    const base = {
      domain: domain ?? existing?.domain ?? null,
      linkedinSlug: linkedinSlug ?? existing?.linkedinSlug ?? null,
      name,
      nameLower: name.toLowerCase(),
      facts,
      sourceUrls: [...new Set([...input.sourceUrls, ...(existing?.sourceUrls ?? [])])].slice(
        0,
        MAX_SOURCE_URLS,
      ),
      tier: result.tier,
      score: result.score,
      // The list needs statuses and contributions, not the prose: keeping it out keeps 100,000 records light.
      result: prospectResult(result),
      icpName: input.icp.name,
      icpVersion: input.icp.version,
      industryId: facts.industryId?.value ?? null,
      hqCountry: facts.hqCountry?.value ?? null,
      updatedAt: now,
    };
    if (existing?.id !== undefined) {
      const moved = existing.tier !== result.tier;
      const tierHistory = moved
        ? [
            ...existing.tierHistory,
            { from: existing.tier, to: result.tier, icpVersion: input.icp.version, at: now },
          ].slice(-100)
        : existing.tierHistory;
      const prospect = { ...existing, ...base, tierHistory, id: existing.id };
      await putProspects(db, [prospect]);
      return { prospect, created: false, result, kept };
    }
    const fresh: Prospect = {
      ...base,
      status: 'new',
      notes: '',
      tags: [],
      tierHistory: [{ from: null, to: result.tier, icpVersion: input.icp.version, at: now }],
      savedAt: now,
    };
    const id = await addProspect(db, fresh);
    return { prospect: { ...fresh, id }, created: true, result, kept };
  });
}

/** A change to a prospect no longer on the list: deleted meanwhile (in another tab, the list or the panel). */
export class ProspectGoneError extends Error {
  constructor() {
    super('this company is no longer on your list (it was deleted meanwhile).');
    this.name = 'ProspectGoneError';
  }
}

/**
 * Changes what the rep tracks about a prospect (status, notes, tags).
 * @throws ProspectGoneError where no prospect has this id any more: what the rep typed for it was not written,
 *   and whoever typed it must hear so. Thrown once the (empty) write is over, so that a caller writing several
 *   prospects in one transaction can catch it for one of them without the others being undone.
 */
export async function updateProspect(
  db: IcpLensDb,
  id: number,
  change: Partial<{ status: ProspectStatus; notes: string; tags: string[] }>,
  now = Date.now(),
): Promise<void> {
  const found = await writeProspects(
    db,
    async () =>
      (await db.prospects.update(id, { ...change, updatedAt: now })) > 0 ||
      (await db.prospects.get(id)) !== undefined,
  );
  if (!found) throw new ProspectGoneError();
}

/** Deletes prospects and returns them, so that the deletion can be undone with {@link restoreProspects}. */
export async function deleteProspects(db: IcpLensDb, ids: number[]): Promise<Prospect[]> {
  return writeProspects(db, async () => {
    const gone = await joined(
      db,
      (await db.prospects.bulkGet(ids)).filter((r): r is ProspectRecord => r !== undefined),
      {},
    );
    await db.prospects.bulkDelete(ids);
    await putVerdicts(db, [], ids);
    await db.evidence.bulkDelete(ids);
    return gone;
  });
}

/**
 * Puts deleted prospects back as they were; one saved again since (a new record, found by its domain or
 * LinkedIn page) is merged into that record instead (see `mergeProspect`), so that the company is not listed
 * and exported twice, and what the rep wrote on the deleted one is kept. Where the two records' notes are
 * different and together would pass MAX_NOTE_CHARS, that company is not put back at all: joining them would cut
 * the end of one, and the deleted one's note is nowhere else. It is returned instead, for the Undo to keep
 * offering (see {@link notPutBackMessage}).
 * @returns `notPutBack`: the deleted prospects not put back, in the order given, empty when every one was;
 *   `leftOut`: the deleted records' tags and source pages a merge had no room for (see `leftOutMessage`).
 */
export async function restoreProspects(
  db: IcpLensDb,
  prospects: Prospect[],
): Promise<{ notPutBack: Prospect[]; leftOut: LeftOut[] }> {
  const deleted = prospects.filter((p): p is Prospect & { id: number } => p.id !== undefined);
  return writeProspects(db, async () => {
    // Two index reads for the whole undo, which can put back a whole list.
    const [byDomain, bySlug] = await Promise.all([
      db.prospects
        .where('domain')
        .anyOf(deleted.flatMap((p) => (p.domain ? [p.domain] : [])))
        .toArray(),
      db.prospects
        .where('linkedinSlug')
        .anyOf(deleted.flatMap((p) => (p.linkedinSlug ? [p.linkedinSlug] : [])))
        .toArray(),
    ]);
    const domainIds = new Map(byDomain.map((r) => [r.domain, r.id as number]));
    const slugIds = new Map(bySlug.map((r) => [r.linkedinSlug, r.id as number]));
    const putBack: Array<Prospect & { id: number }> = [];
    const merged = new Map<number, Prospect & { id: number }>();
    const notPutBack: Prospect[] = [];
    const leftOut: LeftOut[] = [];
    for (const p of deleted) {
      const savedAgain =
        (p.domain && domainIds.get(p.domain)) || (p.linkedinSlug && slugIds.get(p.linkedinSlug));
      if (!savedAgain || savedAgain === p.id) {
        putBack.push(p);
        continue;
      }
      const existing = merged.get(savedAgain) ?? (await getProspect(db, savedAgain));
      if (!existing) continue;
      // A restore keeps the list's note and leaves the backup's in its file; an undo has no file, so the
      // company stays deleted, both notes whole, until the rep has made room for the two.
      if (notesTooLongToJoin(existing, p)) {
        notPutBack.push(p);
        continue;
      }
      const cut = leftOutOfMerge(existing, p);
      if (cut) leftOut.push(cut);
      merged.set(savedAgain, mergeProspect({ ...existing, id: savedAgain }, p));
    }
    await putProspects(db, [...putBack, ...merged.values()]);
    return { notPutBack, leftOut };
  });
}

/**
 * What the rep should know of the deleted prospects an Undo did not put back (see {@link restoreProspects}),
 * naming the companies; empty when there are none.
 */
export function notPutBackMessage(notPutBack: readonly Prospect[]): string {
  const names = notPutBack.map((p) => p.name);
  if (names.length === 0) return '';
  const companies = namedCompanies(names);
  const one = names.length === 1;
  return (
    `${companies} ${one ? 'was' : 'were'} not put back: with the ${one ? 'note' : 'notes'} written since ` +
    `${one ? 'it was' : 'they were'} saved again, ${one ? 'its deleted note' : 'their deleted notes'} would pass ` +
    `the ${MAX_NOTE_CHARS.toLocaleString('en-US')} characters a note holds, and the end of one would be cut. ` +
    `Undo still holds ${one ? 'it' : 'them'} whole: shorten the ${one ? 'note' : 'notes'} on the list, then press Undo again.`
  );
}

/** A prospect's stored records, visited at its position in the ids asked for. */
type RecordsVisit = (
  position: number,
  record: ProspectRecord,
  verdict?: StoredVerdict,
  evidence?: ProspectEvidence,
) => void;

/**
 * Maps the prospects with these ids, in this order, reading them chunk by chunk: a long list is read in
 * primary-key ranges (one request per table and chunk, and only the mapped rows kept in memory), a short one
 * by its ids. Ids no longer in the database are left out.
 */
export async function mapProspects<T>(
  db: IcpLensDb,
  ids: readonly number[],
  map: (prospect: Prospect) => T,
  options: ReadOptions = {},
  chunk = 5000,
): Promise<T[]> {
  const out: Array<T | undefined> = new Array(ids.length);
  // Decoded here, one at a time, so that what is not kept of it is garbage at once.
  await visitRecords(
    db,
    ids,
    (at, record, verdict, evidence) => {
      out[at] = map(joinProspect(record, verdict && decodeVerdict(verdict), evidence));
    },
    options.evidence !== false,
    chunk,
  );
  return out.filter((row): row is T => row !== undefined);
}

/** A prospect's {@link ProspectSummary} from its stored company record and verdict. */
function summaryOf(record: ProspectRecord, verdict: StoredVerdict | undefined): ProspectSummary {
  const { met, disqualifiedBy, nothingKnown, coverage } = verdict
    ? metCriteria(verdict.result, verdict.heads)
    : { met: [], disqualifiedBy: [], nothingKnown: false, coverage: 0 };
  return {
    name: record.name,
    domain: record.domain,
    industryId: record.industryId,
    hqCountry: record.hqCountry,
    status: record.status,
    notes: record.notes,
    tags: record.tags,
    tier: verdict?.tier ?? 'not_a_fit',
    score: verdict?.score ?? 0,
    icpName: verdict?.icpName ?? '',
    icpVersion: verdict?.icpVersion ?? 0,
    values: verdict ? (JSON.parse(verdict.inputs) as FactValues) : {},
    met,
    disqualifiedBy,
    nothingKnown,
    coverage,
  };
}

/**
 * For exports: visits the {@link ProspectSummary} of each prospect with these ids, with its position among
 * them, in the order they are read (see {@link mapProspects}); ids no longer in the database are skipped. Each
 * is read from the company record and the verdict as kept, where a whole prospect would build a hundred objects
 * for the few cells a row shows.
 */
export function visitSummaries(
  db: IcpLensDb,
  ids: readonly number[],
  visit: (position: number, summary: ProspectSummary) => void,
  chunk = 5000,
): Promise<void> {
  return visitRecords(db, ids, (at, record, verdict) => visit(at, summaryOf(record, verdict)), false, chunk);
}

/** Visits the stored records of the prospects with these ids (see {@link mapProspects}). */
async function visitRecords(
  db: IcpLensDb,
  ids: readonly number[],
  visit: RecordsVisit,
  withEvidence: boolean,
  chunk: number,
): Promise<void> {
  if (ids.length <= chunk) {
    const records = await db.prospects.bulkGet([...ids]);
    const keys = ids.filter((_, i) => records[i] !== undefined);
    const [verdicts, evidence] = await Promise.all([
      getStoredVerdicts(db, keys),
      withEvidence ? db.evidence.bulkGet(keys) : [],
    ]);
    let found = 0;
    records.forEach((record, at) => {
      if (!record) return;
      visit(at, record, verdicts[found], evidence[found]);
      found++;
    });
    return;
  }
  const position = new Map(ids.map((id, i) => [id, i]));
  const tables = withEvidence
    ? [db.prospects, db.verdictBlocks, db.evidence]
    : [db.prospects, db.verdictBlocks];
  // Ranges of ids aligned on verdict blocks, as many as chunks of ids: one key range from each table (a
  // prospect's records share its id), read together in one transaction.
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const id of ids) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  const ranges = Math.ceil(ids.length / chunk);
  const span = Math.ceil((hi - lo + 1) / ranges / VERDICT_BLOCK) * VERDICT_BLOCK;
  const read = (from: number) =>
    db.transaction('r', tables, () =>
      Promise.all([
        db.prospects
          .where(':id')
          .between(from, from + span, true, false)
          .toArray(),
        verdictsBetween(db, from - 1, from + span - 1),
        withEvidence
          ? db.evidence
              .where(':id')
              .between(from, from + span, true, false)
              .toArray()
          : Promise.resolve([]),
      ]),
    );
  for (let from = Math.floor(lo / VERDICT_BLOCK) * VERDICT_BLOCK, pending = read(from); ; ) {
    const [rows, verdicts, evidence] = await pending;
    const next = from + span;
    // The next range is read while this one is visited.
    if (next <= hi) pending = read(next);
    const verdictOf = new Map(verdicts.map((v) => [v.id, v]));
    const evidenceOf = new Map(evidence.map((e) => [e.id, e]));
    for (const r of rows) {
      const at = position.get(r.id as number);
      if (at !== undefined) visit(at, r, verdictOf.get(r.id as number), evidenceOf.get(r.id as number));
    }
    if (next > hi) break;
    from = next;
  }
}
