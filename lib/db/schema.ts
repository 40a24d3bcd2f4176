/** The shapes of what the database keeps (no Dexie here, so messages and pages can use them). */
import { z } from 'zod';
import { type CompanyFacts, CompanyFactsSchema, MAX_TEXT, PageRoleSchema } from '../extract/schema';
import { CriterionResultSchema, ScoreResultSchema } from '../icp/result-schema';
import { MAX_CRITERIA, type Tier, TierSchema } from '../icp/schema';

/** Longest note kept on a prospect. */
export const MAX_NOTE_CHARS = 20_000;

/** Longest page address kept (as the extractor keeps a page's). */
const MAX_URL_CHARS = 4000;

/**
 * A registrable domain as the extractor writes one (lower-case ASCII, punycode for other scripts): labels of
 * letters, digits, hyphens and underscores, dot-separated, ending in a top-level domain. No scheme, port, path,
 * user or query, so that `https://${domain}/` is always that site's home page.
 */
const DOMAIN_PATTERN = /^(?:[a-z0-9_-]{1,63}\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

/** Whether a text is an http(s) address: where every page the extension reads is. */
function isWebAddress(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** A company page the rep has seen: what it said, kept to enrich the company's profile from other pages. */
export const SeenPageSchema = z.object({
  /** The page address without its fragment. */
  url: z.string().max(MAX_URL_CHARS),
  /** The company's registrable domain, if the page names it. */
  domain: z.string().nullable(),
  /** The company's LinkedIn slug (`/company/<slug>`), if the page names it. */
  linkedinSlug: z.string().nullable(),
  title: z.string(),
  pageRole: PageRoleSchema,
  /** This page's own facts (not merged with other pages). */
  facts: CompanyFactsSchema,
  /** When the page was last read, ms since the epoch. */
  seenAt: z.number(),
});
export type SeenPage = z.infer<typeof SeenPageSchema>;

/** Where a rep is with a prospect. */
export const ProspectStatusSchema = z.enum(['new', 'researching', 'contacted', 'qualified', 'disqualified']);
export type ProspectStatus = z.infer<typeof ProspectStatusSchema>;

/** A saved prospect's status as the list, the panel and the exports name it. */
export const STATUS_LABEL: Record<ProspectStatus, string> = {
  new: 'New',
  researching: 'Researching',
  contacted: 'Contacted',
  qualified: 'Qualified',
  disqualified: 'Disqualified',
};

/** A tier change of a saved prospect, kept as its history. */
export const TierChangeSchema = z.object({
  from: TierSchema.nullable(),
  to: TierSchema,
  icpVersion: z.number(),
  at: z.number(),
});

/**
 * What the list keeps of a verdict: per criterion its status and points, not the prose or evidence the side
 * panel writes (the facts keep the evidence). A full {@link ScoreResultSchema} result parses as one.
 */
export const ProspectResultSchema = ScoreResultSchema.pick({
  score: true,
  tier: true,
  coverage: true,
  caps: true,
}).extend({
  criteria: z
    .array(
      CriterionResultSchema.pick({
        kind: true,
        rule: true,
        status: true,
        contribution: true,
        possible: true,
      }).extend({ id: z.string().max(MAX_TEXT), label: z.string().max(MAX_TEXT) }),
    )
    .max(MAX_CRITERIA),
  /** One reason per rule that moved the tier; one of them can name every criterion, hence the length. */
  caps: z.array(z.string().max(MAX_NOTE_CHARS)).max(MAX_CRITERIA),
});
export type ProspectResult = z.infer<typeof ProspectResultSchema>;

/** The most pages a prospect keeps as the sources of its facts. */
export const MAX_SOURCE_URLS = 50;

/** A prospect's tags: at most this many, of at most this many characters each. */
export const MAX_TAGS = 50;
const MAX_TAG_CHARS = 60;

/**
 * Tags as a prospect keeps them: trimmed, each once whatever its case (the first spelling kept), within the
 * limits above. Reps do not type tags alike, and the list's tag filter takes any case.
 * @param max the most tags kept, the first ones; a merge passes no limit to learn which ones it would leave out
 */
export function uniqueTags(tags: Iterable<string>, max = MAX_TAGS): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().slice(0, MAX_TAG_CHARS);
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length === max) break;
  }
  return out;
}

/** A company the rep saved to the prospect list, with what it was judged on. */
export const ProspectSchema = z.object({
  id: z.number().int().optional(),
  /** The company's registrable domain (the list's first key), or null for a LinkedIn-only company. */
  domain: z.string().max(253).regex(DOMAIN_PATTERN, 'must be a bare domain such as acme.com').nullable(),
  /** The company's LinkedIn slug (the second key): the part after `/company/` of its LinkedIn address. */
  linkedinSlug: z
    .string()
    .max(MAX_TEXT)
    .regex(/^[^/?#\s]+$/, 'must be a LinkedIn company slug such as acme-robotics')
    .nullable(),
  name: z.string().max(MAX_TEXT),
  /** Lower-cased name, for searching by name on an index (lower-casing can double a character: İ → i̇). */
  nameLower: z.string().max(2 * MAX_TEXT),
  facts: CompanyFactsSchema,
  /** The pages the facts came from. */
  sourceUrls: z
    .array(z.string().max(MAX_URL_CHARS).refine(isWebAddress, 'must be an http:// or https:// address'))
    .max(MAX_SOURCE_URLS),
  tier: TierSchema,
  score: z.number(),
  result: ProspectResultSchema,
  icpName: z.string().max(MAX_TEXT),
  icpVersion: z.number(),
  status: ProspectStatusSchema,
  notes: z.string().max(MAX_NOTE_CHARS),
  tags: z.array(z.string().max(MAX_TAG_CHARS)).max(MAX_TAGS),
  industryId: z.string().max(MAX_TEXT).nullable(),
  /** ISO 3166-1 alpha-2, as the fact it comes from. */
  hqCountry: z.string().length(2).nullable(),
  tierHistory: z.array(TierChangeSchema).max(100),
  savedAt: z.number(),
  updatedAt: z.number(),
});
export type Prospect = z.infer<typeof ProspectSchema>;

/** The fields of a prospect that come from scoring it against the ICP: kept in the `verdicts` table. */
export type VerdictField = 'tier' | 'score' | 'result' | 'icpName' | 'icpVersion' | 'tierHistory';

/**
 * A prospect as the `prospects` table keeps it: who the company is and what the rep tracks, without the facts'
 * evidence (table `evidence`) or the ICP's verdict (table `verdicts`). Small, so that filtering, exporting
 * and re-scoring 100,000 of them reads little.
 */
export type ProspectRecord = Omit<Prospect, VerdictField | 'facts'> & {
  /** The name from each later word on, for searching from any word (see lib/db/search.ts); set on every write. */
  nameTails?: string[];
  /** The name as the list sorts it: accents folded, case ignored (see `nameSortKey`); set on every write. */
  nameSort?: string;
};

/** A prospect's merged facts with all their evidence and alternatives: read when the whole record is wanted. */
export interface ProspectEvidence {
  id: number;
  facts: CompanyFacts;
}

/** Each fact's value without its evidence: what scoring reads (see `factsFromValues`). */
export type FactValues = { [K in keyof CompanyFacts]?: NonNullable<CompanyFacts[K]>['value'] };

/**
 * The ICP's verdict on a saved prospect, keyed by the prospect's id and kept in a block of verdicts (see
 * {@link VerdictBlock}): re-scoring the list reads and rewrites these and never the prospects' facts and evidence.
 */
export interface Verdict extends Pick<Prospect, VerdictField> {
  id: number;
  /** The facts' values the verdict was computed from, so that a re-score needs nothing else. */
  inputs: FactValues;
}

/**
 * The verdicts of the prospects whose ids fall in one block (`Math.floor(id / VERDICT_BLOCK)`, see
 * verdict-store.ts), sorted by id: the browser's storage costs about the same per record written whatever its
 * size, so a re-score writes one record per block of prospects rather than one per prospect.
 */
export interface VerdictBlock {
  /** The block's number. */
  id: number;
  /** The distinct criteria heads of its verdicts (see `encodeResult`): one per ICP they were scored by. */
  heads: string[];
  verdicts: BlockVerdict[];
}

/** A verdict in its block: `heads` is the place of its criteria heads in the block's list. */
export interface BlockVerdict extends Omit<StoredVerdict, 'heads'> {
  heads: number;
}

/**
 * A verdict as its block keeps it: the per-criterion result and the facts' values as JSON text. Reading a
 * block then makes two strings per verdict instead of a hundred small objects, which a long export or a
 * re-score would only throw away; each is parsed when it is used (see `decodeVerdict`).
 */
export interface StoredVerdict extends Omit<Verdict, 'result' | 'inputs'> {
  /** {@link ProspectResult}'s figures as JSON (see `encodeResult`). */
  result: string;
  /** What its criteria are, as JSON (see `encodeResult`). */
  heads: string;
  /** {@link FactValues} as JSON. */
  inputs: string;
}

/**
 * What the list sorts and filters on for the prospects of one verdict block: written with the block, small, and
 * indexed entry by entry (`*rank`, a multi-entry index), so that a tier's count and its first rows come from
 * the index without reading a record.
 */
/**
 * The tier the list files a prospect under: its verdict's, except that a Not a fit resting on too little known (see
 * `nothingKnown`) is filed as "Not enough known", so that the list's filter and counts tell the two apart.
 */
export type ListTier = Tier | 'not_enough_known';

export interface RankBlock {
  /** The block's number (that of its {@link VerdictBlock}). */
  id: number;
  /** One key per prospect: its tier as the list files it, score and id. */
  rank: Array<[ListTier, number, number]>;
  /** The ICP versions whose re-score moved a prospect's tier: [prospect id, ICP version]. */
  moved: Array<[number, number]>;
}
