/**
 * The prospect list's repository: save (one record per company, found by domain or LinkedIn slug), look up,
 * update and delete prospects. Every write is one transaction, so a failure leaves nothing half-written.
 */
import type { CompanyFacts } from '../extract/schema';
import type { ScoreResult } from '../icp/result-schema';
import { type IcpLensDb, type Prospect, type ProspectStatus, writeProspects } from './index';

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
  if (identity.domain) {
    const byDomain = await db.prospects.where('domain').equals(identity.domain).first();
    if (byDomain) return byDomain;
  }
  if (identity.linkedinSlug) return db.prospects.where('linkedinSlug').equals(identity.linkedinSlug).first();
  return undefined;
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
      result: {
        ...input.result,
        summary: '',
        upgrades: [],
        criteria: input.result.criteria.map((c) => ({ ...c, detail: '', evidence: null })),
      },
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
      const prospect: Prospect = { ...existing, ...base, tierHistory };
      await db.prospects.put(prospect);
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
    const id = await db.prospects.add(fresh);
    return { prospect: { ...fresh, id: id as number }, created: true };
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
    const gone = (await db.prospects.bulkGet(ids)).filter((p): p is Prospect => p !== undefined);
    await db.prospects.bulkDelete(ids);
    return gone;
  });
}

/** Puts deleted prospects back as they were. */
export async function restoreProspects(db: IcpLensDb, prospects: Prospect[]): Promise<void> {
  await writeProspects(db, () => db.prospects.bulkPut(prospects));
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
    return (await db.prospects.bulkGet([...ids])).flatMap((p) => (p ? [map(p)] : []));
  }
  const position = new Map(ids.map((id, i) => [id, i]));
  const out: Array<T | undefined> = new Array(ids.length);
  let last = -Infinity;
  for (;;) {
    const rows = await db.prospects.where(':id').above(last).limit(chunk).toArray();
    for (const p of rows) {
      const at = position.get(p.id as number);
      if (at !== undefined) out[at] = map(p);
    }
    if (rows.length < chunk) break;
    last = rows[rows.length - 1]?.id as number;
  }
  return out.filter((row): row is T => row !== undefined);
}
