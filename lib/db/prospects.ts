/**
 * The prospect list's repository: save (one record per company, found by domain or LinkedIn slug), look up,
 * update and delete prospects. Every write is one transaction, so a failure leaves nothing half-written.
 */
import type { CompanyFacts } from '../extract/schema';
import type { ScoreResult } from '../icp/result-schema';
import {
  type IcpLensDb,
  type Prospect,
  type ProspectRecord,
  type ProspectStatus,
  writeProspects,
} from './index';
import { joinProspect, prospectResult, splitProspect } from './verdicts';

/** What the panel knows about the company it saves. */
export interface ProspectInput {
  facts: CompanyFacts;
  result: ScoreResult;
  icp: { name: string; version: number };
  sourceUrls: string[];
}

function slugOf(facts: CompanyFacts): string | null {
  return /\/company\/([^/?#]+)/.exec(facts.linkedinUrl?.value ?? '')?.[1]?.toLowerCase() ?? null;
}

/** The saved prospect for a company, by its domain first and its LinkedIn slug second. */
export async function findProspect(
  db: IcpLensDb,
  identity: { domain: string | null; linkedinSlug: string | null },
): Promise<Prospect | undefined> {
  let record: ProspectRecord | undefined;
  if (identity.domain) record = await db.prospects.where('domain').equals(identity.domain).first();
  if (!record && identity.linkedinSlug)
    record = await db.prospects.where('linkedinSlug').equals(identity.linkedinSlug).first();
  return record && withVerdict(db, record);
}

/** A stored prospect record joined with its verdict. */
async function withVerdict(db: IcpLensDb, record: ProspectRecord): Promise<Prospect> {
  return joinProspect(record, await db.verdicts.get(record.id as number));
}

/** The prospect with this id, if it is still on the list. */
export async function getProspect(db: IcpLensDb, id: number): Promise<Prospect | undefined> {
  const record = await db.prospects.get(id);
  return record && withVerdict(db, record);
}

/** Every prospect, in id order (for backups, tools and tests; the list page reads what it shows). */
export async function allProspects(db: IcpLensDb): Promise<Prospect[]> {
  return mapProspects(db, (await db.prospects.toCollection().primaryKeys()) as number[], (p) => p);
}

/** The prospects saved last, newest first. */
export async function latestProspects(db: IcpLensDb, count: number): Promise<Prospect[]> {
  const records = await db.prospects.orderBy('savedAt').reverse().limit(count).toArray();
  const verdicts = await db.verdicts.bulkGet(records.map((r) => r.id as number));
  return records.map((r, i) => joinProspect(r, verdicts[i]));
}

/** Writes whole prospects (with ids) as their two records. */
export async function putProspects(
  db: IcpLensDb,
  prospects: Array<Prospect & { id: number }>,
): Promise<void> {
  const split = prospects.map(splitProspect);
  await db.prospects.bulkPut(split.map(([record]) => record));
  await db.verdicts.bulkPut(split.map(([, verdict]) => verdict));
}

/** Adds a new prospect as its two records and returns its id. */
export async function addProspect(db: IcpLensDb, prospect: Prospect): Promise<number> {
  const [record, verdict] = splitProspect({ ...prospect, id: 0 });
  const { id: _unset, ...fields } = record;
  const id = (await db.prospects.add(fields)) as number;
  await db.verdicts.add({ ...verdict, id });
  return id;
}

/** The saved prospect for these facts, if any. */
export function findProspectFor(db: IcpLensDb, facts: CompanyFacts): Promise<Prospect | undefined> {
  return findProspect(db, { domain: facts.domain?.value ?? null, linkedinSlug: slugOf(facts) });
}

/**
 * Saves the company, or updates the one record it already has (saving it again from its website or its
 * LinkedIn page): the facts, tier and score are refreshed, the rep's status, notes and tags are kept, and a
 * tier change goes into the history.
 */
export async function saveProspect(
  db: IcpLensDb,
  input: ProspectInput,
  now = Date.now(),
): Promise<{ prospect: Prospect; created: boolean }> {
  const domain = input.facts.domain?.value ?? null;
  const linkedinSlug = slugOf(input.facts);
  if (!domain && !linkedinSlug)
    throw new Error('This company has neither a website domain nor a LinkedIn page to keep it by.');
  const name = input.facts.name?.value ?? domain ?? linkedinSlug ?? 'Unknown company';
  return writeProspects(db, async () => {
    const existing = await findProspect(db, { domain, linkedinSlug });
    const base = {
      domain: domain ?? existing?.domain ?? null,
      linkedinSlug: linkedinSlug ?? existing?.linkedinSlug ?? null,
      name,
      nameLower: name.toLowerCase(),
      facts: input.facts,
      sourceUrls: [...new Set([...input.sourceUrls, ...(existing?.sourceUrls ?? [])])].slice(0, 50),
      tier: input.result.tier,
      score: input.result.score,
      // The list needs statuses and contributions, not the prose: keeping it out keeps 100,000 records light.
      result: prospectResult(input.result),
      icpName: input.icp.name,
      icpVersion: input.icp.version,
      industryId: input.facts.industryId?.value ?? null,
      hqCountry: input.facts.hqCountry?.value ?? null,
      updatedAt: now,
    };
    if (existing?.id !== undefined) {
      const moved = existing.tier !== input.result.tier;
      const tierHistory = moved
        ? [
            ...existing.tierHistory,
            { from: existing.tier, to: input.result.tier, icpVersion: input.icp.version, at: now },
          ].slice(-100)
        : existing.tierHistory;
      const prospect = { ...existing, ...base, tierHistory, id: existing.id };
      await putProspects(db, [prospect]);
      return { prospect, created: false };
    }
    const fresh: Prospect = {
      ...base,
      status: 'new',
      notes: '',
      tags: [],
      tierHistory: [{ from: null, to: input.result.tier, icpVersion: input.icp.version, at: now }],
      savedAt: now,
    };
    const id = await addProspect(db, fresh);
    return { prospect: { ...fresh, id }, created: true };
  });
}

/** Changes what the rep tracks about a prospect (status, notes, tags). */
export async function updateProspect(
  db: IcpLensDb,
  id: number,
  change: Partial<{ status: ProspectStatus; notes: string; tags: string[] }>,
  now = Date.now(),
): Promise<void> {
  await writeProspects(db, () => db.prospects.update(id, { ...change, updatedAt: now }));
}

/** Deletes prospects and returns them, so that the deletion can be undone with {@link restoreProspects}. */
export async function deleteProspects(db: IcpLensDb, ids: number[]): Promise<Prospect[]> {
  return writeProspects(db, async () => {
    const [records, verdicts] = await Promise.all([db.prospects.bulkGet(ids), db.verdicts.bulkGet(ids)]);
    await db.prospects.bulkDelete(ids);
    await db.verdicts.bulkDelete(ids);
    return records.flatMap((r, i) => (r ? [joinProspect(r, verdicts[i])] : []));
  });
}

/** Puts deleted prospects back as they were. */
export async function restoreProspects(db: IcpLensDb, prospects: Prospect[]): Promise<void> {
  await writeProspects(db, () =>
    putProspects(
      db,
      prospects.filter((p): p is Prospect & { id: number } => p.id !== undefined),
    ),
  );
}

/**
 * Maps the prospects with these ids, in this order, reading them chunk by chunk: a long list is read in
 * primary-key ranges (one request per chunk, and only the mapped rows kept in memory), a short one by its ids.
 * Ids no longer in the database are left out.
 */
export async function mapProspects<T>(
  db: IcpLensDb,
  ids: readonly number[],
  map: (prospect: Prospect) => T,
  chunk = 5000,
): Promise<T[]> {
  if (ids.length <= chunk) {
    const [records, verdicts] = await Promise.all([
      db.prospects.bulkGet([...ids]),
      db.verdicts.bulkGet([...ids]),
    ]);
    return records.flatMap((r, i) => (r ? [map(joinProspect(r, verdicts[i]))] : []));
  }
  const position = new Map(ids.map((id, i) => [id, i]));
  const out: Array<T | undefined> = new Array(ids.length);
  let last = -Infinity;
  for (;;) {
    // One key range from both tables (a verdict has its prospect's id), read in the same transaction.
    const [rows, verdicts] = await db.transaction('r', db.prospects, db.verdicts, async () => {
      const records = await db.prospects.where(':id').above(last).limit(chunk).toArray();
      const end = records[records.length - 1]?.id ?? last;
      return [records, await db.verdicts.where(':id').between(last, end, false, true).toArray()] as const;
    });
    const verdictOf = new Map(verdicts.map((v) => [v.id, v]));
    for (const r of rows) {
      const at = position.get(r.id as number);
      if (at !== undefined) out[at] = map(joinProspect(r, verdictOf.get(r.id as number)));
    }
    if (rows.length < chunk) break;
    last = rows[rows.length - 1]?.id as number;
  }
  return out.filter((row): row is T => row !== undefined);
}
