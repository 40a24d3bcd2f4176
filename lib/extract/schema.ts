/**
 * The shapes of company facts, from the raw candidates a page yields to the merged facts the scorer reads.
 *
 * The content script only imports *types* from here (`import type`), so zod never reaches the page.
 */
import { z } from 'zod';
import { TechnoReportSchema } from '../techno/schema';
import { META_KEYS } from './meta-keys';
import { MAX_REGION_BLOCK_CHARS, MAX_REGION_TEXT_CHARS, MAX_RENDERED_CHARS } from './text-visible';
import { MAX_TREE_CHARS, MAX_TREE_DEPTH, MAX_TREE_VALUES } from './tree-limits';

/** Where a fact was read. `adapter:*` sources are site-specific readers (LinkedIn, Wikipedia ...). */
export const FactSourceSchema = z.enum([
  'jsonld',
  'microdata',
  'rdfa',
  'meta',
  'title',
  'url',
  'text',
  'adapter:linkedin',
  'adapter:wikipedia',
  'adapter:crunchbase',
  'adapter:directory',
  /** Facts given in a file (the command line's `--facts`), not read from a page. */
  'import',
  /** Technologies detected from the page's scripts, globals, cookies and markup (lib/techno). */
  'techno',
]);
export type FactSource = z.infer<typeof FactSourceSchema>;

/** A numeric band such as a LinkedIn size band; `max: null` is an open band ("10,001+"). */
export const RangeSchema = z
  .object({
    min: z.number().finite().nonnegative(),
    max: z.number().finite().nonnegative().nullable(),
  })
  .refine((r) => r.max === null || r.min <= r.max, { message: 'min must be ≤ max' });
export type Range = z.infer<typeof RangeSchema>;

/** An amount of money as the page states it: a range (min = max for one figure) in an ISO 4217 currency. */
export const MoneySchema = z
  .object({
    min: z.number().finite().nonnegative(),
    max: z.number().finite().nonnegative().nullable(),
    currency: z.string().regex(/^[A-Z]{3}$/),
  })
  .refine((r) => r.max === null || r.min <= r.max, { message: 'min must be ≤ max' });
export type Money = z.infer<typeof MoneySchema>;

/** The company fields ICP Lens knows. */
export const FactFieldSchema = z.enum([
  'name',
  'legalName',
  'website',
  'industry',
  'employees',
  /** Money in the page's currency; the merge adds the USD range. */
  'revenue',
  'hqCity',
  'hqRegion',
  'hqCountry',
  'foundedYear',
  'linkedinUrl',
  'description',
  'keywords',
  /** public, private, nonprofit, government, educational. */
  'companyType',
  /** One of the ICP's funding stages (seed, series-a ...). */
  'fundingStage',
  /** Total funding raised, as money. */
  'fundingTotal',
  /** Other profiles of the company (X/Twitter, Facebook, GitHub, Crunchbase ...), as URLs. */
  'socialProfiles',
  /** Technologies the company's site runs (detected by the background, never sent by the page). */
  'technologies',
]);
export type FactField = z.infer<typeof FactFieldSchema>;

/** Longest text a fact, its snippet or a page's title keeps. */
export const MAX_TEXT = 2000;
/** Most values a list fact keeps (keywords, technologies, social profiles). */
export const MAX_LIST_VALUES = 200;
/** Most other readings a merged fact keeps beside its winner (see profile.ts). */
export const MAX_ALTERNATIVES = 8;
const text = z.string().max(MAX_TEXT);

/**
 * One reading of one field, as the page states it: not yet normalised or merged. A page can yield several
 * candidates for a field (JSON-LD and a meta tag, say); the merge decides which wins.
 */
export const FactCandidateSchema = z.object({
  field: FactFieldSchema,
  value: z.union([text, z.number().finite(), MoneySchema, RangeSchema, z.array(text).max(MAX_LIST_VALUES)]),
  source: FactSourceSchema,
  /** The page text the value was read from, for the rep to check. */
  snippet: text,
  /** 0..1: how much this source is trusted for this field. */
  confidence: z.number().min(0).max(1),
});
export type FactCandidate = z.infer<typeof FactCandidateSchema>;

/** What a page is, in the extractor's reading. */
export const PageRoleSchema = z.enum(['profile', 'company-site', 'negative']);
export type PageRole = z.infer<typeof PageRoleSchema>;

/** The visible text of a company site's page, for the text readers that run in the background. */
const OwnSiteTextSchema = z.object({
  lines: z.array(z.object({ text: z.string().max(240_000), region: z.boolean() })).max(20_000),
  siteName: z.string().max(200),
  title: z.string().max(300),
  lang: z.string().max(20),
});

/**
 * The same as a page sends it: in a browser its rendered text raw (the body's and the region blocks' `innerText`,
 * split into lines in the background), in a DOM without layout its lines (see text-visible.ts).
 */
const PageTextSchema = OwnSiteTextSchema.extend({
  lines: OwnSiteTextSchema.shape.lines.optional(),
  rendered: z
    .object({
      text: z.string().max(MAX_RENDERED_CHARS),
      regions: z.array(z.string().max(MAX_REGION_BLOCK_CHARS)).max(200),
    })
    .refine((r) => r.regions.reduce((n, t) => n + t.length, 0) <= MAX_REGION_TEXT_CHARS, {
      message: `expected at most ${MAX_REGION_TEXT_CHARS} characters of region text`,
    })
    .optional(),
});

/**
 * Whether a value is JSON data (plain objects, arrays, strings, finite numbers, booleans, null) within the trees'
 * caps. Iterative, so a forged, deeply nested message cannot overflow the stack.
 */
function isBoundedTree(value: unknown): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  let values = 0;
  let chars = 0;
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (++values > MAX_TREE_VALUES || depth > MAX_TREE_DEPTH) return false;
    if (item === null || typeof item === 'boolean') continue;
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return false;
      continue;
    }
    if (typeof item === 'string') {
      chars += item.length;
      if (chars > MAX_TREE_CHARS) return false;
      continue;
    }
    if (Array.isArray(item)) {
      for (const child of item) stack.push([child, depth + 1]);
      continue;
    }
    if (typeof item !== 'object' || Object.getPrototypeOf(item) !== Object.prototype) return false;
    for (const [key, child] of Object.entries(item)) {
      chars += key.length;
      stack.push([child, depth + 1]);
    }
  }
  return true;
}

/** A page's microdata or RDFa, converted in the page into JSON-LD-shaped trees (microdata.ts, rdfa.ts). */
const StructuredTreesSchema = z
  .array(z.record(z.string(), z.unknown()))
  .max(2000)
  .refine(isBoundedTree, {
    message: `expected JSON trees of at most ${MAX_TREE_VALUES} values, ${MAX_TREE_DEPTH} levels deep`,
  });

/**
 * What a content script sends about its page: the raw inputs it gathered, which the background turns into the
 * page's role and fact candidates (`interpretPage` in interpret.ts). The page does only the DOM work: no JSON-LD
 * parsing, no classification, no reading of meta tags into facts.
 */
export const PageInputsSchema = z.object({
  url: z.string().url().max(4000),
  /** `document.title`, uncleaned (capped). */
  title: z.string().max(2000),
  /** On a platform with a site adapter: whether the adapter sees one company's profile. */
  profile: z.boolean().optional(),
  /** The text of each JSON-LD script, unparsed (capped as jsonld.ts caps them). */
  jsonLd: z.array(z.string().max(400_000)).max(40),
  /** The meta tags the background reads (meta-keys.ts), uncleaned. */
  meta: z.partialRecord(z.enum(META_KEYS), z.string().max(4000)),
  /** Absent on a page the content script recognised as nobody's profile (see gate.ts): nothing more was read. */
  body: z
    .object({
      microdata: StructuredTreesSchema,
      rdfa: StructuredTreesSchema,
      /** What the site adapter (on a platform) or the profile-link reader (on a company site) found. */
      candidates: z.array(FactCandidateSchema).max(500),
      ownSiteText: PageTextSchema.optional(),
    })
    .optional(),
  /** Milliseconds the reading took inside the page. */
  ms: z.number().nonnegative(),
});
export type PageInputs = z.infer<typeof PageInputsSchema>;

/** Everything known about one page once the background has read its inputs. */
export const PageExtractSchema = z.object({
  url: z.string().url().max(4000),
  title: text,
  pageRole: PageRoleSchema,
  /** Why the page got its role, in words. */
  pageRoleReason: text,
  candidates: z.array(FactCandidateSchema).max(500),
  /**
   * On the company's own site: the page's visible text, for the text readers that run in the background
   * (see text-visible.ts); folded into `candidates` by `completeExtract` before the extract is stored.
   */
  ownSiteText: OwnSiteTextSchema.optional(),
  /** Milliseconds the extraction took inside the page. */
  ms: z.number().nonnegative(),
  /** The technologies the background detected on the page, with evidence (set by the background only). */
  technologies: TechnoReportSchema.optional(),
});
export type PageExtract = z.infer<typeof PageExtractSchema>;

const evidence = {
  source: FactSourceSchema,
  snippet: text,
  confidence: z.number().min(0).max(1),
  /** The page the fact was read on, when the company's profile merges several pages. */
  url: z.string().max(4000).optional(),
  /** When that page was read, ms since the epoch. */
  seenAt: z.number().optional(),
};

/** A merged fact: the winning value with its evidence, and what other sources said. */
const factOf = <T extends z.ZodType>(value: T) =>
  z.object({
    value,
    ...evidence,
    alternatives: z.array(z.object({ value, ...evidence })).max(MAX_ALTERNATIVES),
  });

/** The company as the scorer sees it: each field optional, each with evidence. */
export const CompanyFactsSchema = z.object({
  name: factOf(text).optional(),
  legalName: factOf(text).optional(),
  /** The company's own registrable domain (never the platform's, e.g. linkedin.com). */
  domain: factOf(text).optional(),
  industry: factOf(text).optional(),
  /** The taxonomy industry id the page's wording maps to (lib/icp/industries.ts). */
  industryId: factOf(text).optional(),
  employees: factOf(RangeSchema).optional(),
  revenue: factOf(MoneySchema).optional(),
  /** The revenue converted to US dollars, when the currency is known. */
  revenueUsd: factOf(RangeSchema).optional(),
  hqCity: factOf(text).optional(),
  hqRegion: factOf(text).optional(),
  /** ISO 3166-1 alpha-2. */
  hqCountry: factOf(z.string().length(2)).optional(),
  foundedYear: factOf(z.number().int()).optional(),
  linkedinUrl: factOf(text).optional(),
  description: factOf(text).optional(),
  keywords: factOf(z.array(text).max(MAX_LIST_VALUES)).optional(),
  companyType: factOf(text).optional(),
  fundingStage: factOf(text).optional(),
  fundingTotal: factOf(MoneySchema).optional(),
  fundingTotalUsd: factOf(RangeSchema).optional(),
  socialProfiles: factOf(z.array(text).max(MAX_LIST_VALUES)).optional(),
  technologies: factOf(z.array(text).max(MAX_LIST_VALUES)).optional(),
});
export type CompanyFacts = z.infer<typeof CompanyFactsSchema>;
/** A merged fact field name, i.e. a key of {@link CompanyFacts}. */
export type CompanyFactKey = keyof CompanyFacts;
