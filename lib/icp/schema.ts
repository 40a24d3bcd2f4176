/**
 * The Ideal Customer Profile: the one zod schema behind the ICP file format, the editor, the settings item
 * and the scorer. Versioned by `schemaVersion`; older versions are migrated in `migrate.ts`.
 */
import { z } from 'zod';
import { INDUSTRIES } from './industries';
import { migrateIcp } from './migrate';
import { MAX_VALUES_LISTED, oneOf } from './problems';
import { REGION_OPTIONS } from './regions';

/** The ICP file format version this code writes. */
export const ICP_SCHEMA_VERSION = 1;

const industryIds = INDUSTRIES.map((i) => i.id) as [string, ...string[]];
const regionIds = REGION_OPTIONS.map((r) => r.id) as [string, ...string[]];

const shortText = (max: number) => z.string().trim().min(1).max(max);

/** Most criteria an ICP has. */
export const MAX_CRITERIA = 50;

/** A criterion id: stable across versions, so history and exports can refer to it. */
export const CriterionIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes (at most 64)');

/** A numeric band; either end may be open (`null`). */
export const BandSchema = z
  .object({ min: z.number().finite().nullable(), max: z.number().finite().nullable() })
  .strict()
  .refine((b) => b.min === null || b.max === null || b.min <= b.max, {
    message: 'min must be ≤ max',
    path: ['min'],
  });
export type Band = z.infer<typeof BandSchema>;

/** A band that earns part of a criterion's weight. */
export const AcceptableBandSchema = z
  .object({
    min: z.number().finite().nullable(),
    max: z.number().finite().nullable(),
    /** Share of the weight earned inside this band, 0..1. */
    credit: z.number().min(0).max(1),
  })
  .strict()
  .refine((b) => b.min === null || b.max === null || b.min <= b.max, {
    message: 'min must be ≤ max',
    path: ['min'],
  });

const base = {
  id: CriterionIdSchema,
  label: shortText(120),
  /** Relative importance, 0..10. Ignored for disqualifiers. */
  weight: z.number().min(0).max(10),
  /**
   * `score`: earns points. `must-have`: earns points, and failing it caps the tier (see `mustHaveFailTier`).
   * `disqualifier`: describes a company to exclude; if it matches, the company is Not a fit whatever else matches.
   */
  rule: z.enum(['score', 'must-have', 'disqualifier']).default('score'),
};

const rangeCriterion = <K extends string>(kind: K) =>
  z
    .object({
      ...base,
      kind: z.literal(kind),
      ideal: BandSchema,
      acceptable: z.array(AcceptableBandSchema).max(5).default([]),
    })
    .strict();

/** The company types a page can state. */
export const CompanyTypeSchema = z.enum(['public', 'private', 'nonprofit', 'government', 'educational']);
/** Funding stages in order. */
export const FundingStageSchema = z.enum([
  'bootstrapped',
  'pre-seed',
  'seed',
  'series-a',
  'series-b',
  'series-c',
  'series-d+',
  'private-equity',
  'public',
]);

/** Company types as reps read them. */
export const COMPANY_TYPE_LABEL: Record<z.infer<typeof CompanyTypeSchema>, string> = {
  public: 'Public company',
  private: 'Private company',
  nonprofit: 'Non-profit organization',
  government: 'Government body',
  educational: 'Educational institution',
};

/** Funding stages as reps read them. */
export const FUNDING_STAGE_LABEL: Record<z.infer<typeof FundingStageSchema>, string> = {
  bootstrapped: 'Bootstrapped',
  'pre-seed': 'Pre-seed',
  seed: 'Seed',
  'series-a': 'Series A',
  'series-b': 'Series B',
  'series-c': 'Series C',
  'series-d+': 'Series D or later',
  'private-equity': 'Private equity',
  public: 'Public (listed)',
};

/** One ICP criterion; `kind` says which company field it reads. */
export const CriterionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...base,
      kind: z.literal('industry'),
      /** Industries from the taxonomy (lib/icp/industries.ts). */
      industries: z.array(z.enum(industryIds)).max(100).default([]),
      /** Extra wordings matched in the page's own industry text ("Automation Machinery"). */
      wording: z.array(shortText(80)).max(100).default([]),
    })
    .strict()
    .refine((c) => c.industries.length + c.wording.length > 0, {
      message: 'name at least one industry or wording',
      path: ['industries'],
    }),
  rangeCriterion('employees'),
  rangeCriterion('revenue'),
  rangeCriterion('founded'),
  z
    .object({
      ...base,
      kind: z.literal('location'),
      /** ISO 3166-1 alpha-2 codes. */
      countries: z
        .array(
          z
            .string()
            .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as DE')
            // "UK" is how most people write it; its ISO code is GB (what pages, lists and the scorer use).
            // Other codes of no country ("EU") are not refused here: an ICP saved with one must still load
            // (see `unknownCountries` in countries.ts, which `icp validate` warns of).
            .overwrite((code) => (code === 'UK' ? 'GB' : code)),
        )
        .max(250)
        // Each country once: "UK" and "GB" are one, which the view would otherwise name twice.
        .overwrite((codes) => [...new Set(codes)])
        .default([]),
      regions: z.array(z.enum(regionIds)).max(20).default([]),
    })
    .strict()
    .refine((c) => c.countries.length + c.regions.length > 0, {
      message: 'name at least one country or region',
      path: ['countries'],
    }),
  z
    .object({
      ...base,
      kind: z.literal('technologies'),
      match: z.enum(['any', 'all', 'none']),
      technologies: z.array(shortText(80)).min(1).max(100),
    })
    .strict(),
  z
    .object({ ...base, kind: z.literal('keywords'), keywords: z.array(shortText(80)).min(1).max(100) })
    .strict(),
  z.object({ ...base, kind: z.literal('companyType'), types: z.array(CompanyTypeSchema).min(1) }).strict(),
  z.object({ ...base, kind: z.literal('fundingStage'), stages: z.array(FundingStageSchema).min(1) }).strict(),
  z
    .object({
      ...base,
      kind: z.literal('domains'),
      /** Registrable domains, e.g. competitors or existing customers. */
      domains: z
        .array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a domain such as acme.com'))
        .min(1)
        .max(5000),
    })
    .strict(),
]);
export type Criterion = z.infer<typeof CriterionSchema>;

/** Every criterion kind. */
export const CriterionKindSchema = z.enum([
  'industry',
  'employees',
  'revenue',
  'founded',
  'location',
  'technologies',
  'keywords',
  'companyType',
  'fundingStage',
  'domains',
]);
export type CriterionKind = z.infer<typeof CriterionKindSchema>;

/** The tiers, as HubSpot's "Ideal Customer Profile Tier" values (plus ours for no fit). */
export const TierSchema = z.enum(['tier_1', 'tier_2', 'tier_3', 'not_a_fit']);
export type Tier = z.infer<typeof TierSchema>;

/** The whole ICP document. */
export const IcpSchema = z
  .object({
    schemaVersion: z.literal(ICP_SCHEMA_VERSION),
    name: shortText(120),
    /** Increases with every published change. */
    version: z.number().int().min(1),
    updatedAt: z.iso.datetime({ offset: true }),
    /** Who maintains it ("Built-in", "Sales Ops <ops@acme.com>"). */
    owner: z.string().trim().max(200).default(''),
    description: z.string().trim().max(2000).default(''),
    criteria: z.array(CriterionSchema).min(1).max(MAX_CRITERIA),
    /** Minimum score for each tier; below `tier3` is Not a fit. */
    tiers: z
      .object({
        tier1: z.number().min(0).max(100),
        tier2: z.number().min(0).max(100),
        tier3: z.number().min(0).max(100),
      })
      .strict()
      .refine((t) => t.tier1 > t.tier2 && t.tier2 > t.tier3, {
        message: 'thresholds must fall: tier1 > tier2 > tier3',
      }),
    /** A criterion the page does not show: left out of the score (`ignore`) or counted as a miss (`miss`). */
    unknownPolicy: z.enum(['ignore', 'miss']).default('ignore'),
    /** Tier 1 needs at least this share of the scoring weight to be known. */
    minCoverageForTier1: z.number().min(0).max(1).default(0.6),
    /**
     * Tier 2 (or better) needs at least this share known, and never more than Tier 1 does (an ICP written
     * before this setting, with a lower Tier 1 floor, scores as before): below it, one or two facts that happen
     * to fit cannot make a company look like a good fit.
     */
    minCoverageForTier2: z.number().min(0).max(1).default(0.3),
    /** The best tier a company can reach when it fails a must-have. */
    mustHaveFailTier: z.enum(['tier_2', 'tier_3', 'not_a_fit']).default('tier_3'),
  })
  .strict()
  .superRefine((icp, ctx) => {
    const seen = new Set<string>();
    icp.criteria.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({
          code: 'custom',
          message: `duplicate criterion id "${c.id}"`,
          path: ['criteria', i, 'id'],
        });
      seen.add(c.id);
    });
    if (!icp.criteria.some((c) => c.rule !== 'disqualifier' && c.weight > 0)) {
      ctx.addIssue({
        code: 'custom',
        message: 'at least one criterion must carry weight',
        path: ['criteria'],
      });
    }
  });
export type Icp = z.infer<typeof IcpSchema>;
/**
 * The largest ICP file the options page imports: 1 MB, counted in the 1,024-byte kilobytes every size message uses
 * (a team file's 512 kB too: see team-sync.ts), so that a size shown and the limit beside it agree.
 */
export const MAX_ICP_FILE_BYTES = 1024 * 1024;

/** An ICP as written by hand: defaults may be left out. */
export type IcpInput = z.input<typeof IcpSchema>;

/**
 * Formats zod issues as `path: message` lines, e.g. `criteria[2].weight: Too big: expected number to be <=10`.
 * With `icpFile`, a long list of allowed values (the industries) points to where it is written out instead.
 */
export function formatIssues(error: z.ZodError, icpFile = false): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.reduce<string>(
      (acc, key) =>
        typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
      '',
    );
    const message =
      icpFile && issue.code === 'invalid_value' && issue.values.length > MAX_VALUES_LISTED
        ? `Invalid option: expected ${oneOf(issue.values, issue.path)}`
        : issue.message;
    return `${path || '(root)'}: ${message}`;
  });
}

/** Why an ICP is not valid: `path: message` lines, and the issues behind them (none when it could not be migrated). */
export interface IcpInvalid {
  ok: false;
  problems: string[];
  issues: z.core.$ZodIssue[];
  /** What the issues' paths point into: the input after migration. */
  checked: unknown;
}

/** Parses an ICP from unknown input (migrating older versions first); never throws. */
export function parseIcp(input: unknown): { ok: true; icp: Icp } | IcpInvalid {
  let migrated: unknown;
  try {
    migrated = migrateIcp(input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [message], issues: [], checked: input };
  }
  const result = IcpSchema.safeParse(migrated);
  return result.success
    ? { ok: true, icp: result.data }
    : {
        ok: false,
        problems: formatIssues(result.error, true),
        issues: result.error.issues,
        checked: migrated,
      };
}

/** The JSON Schema of the ICP file, generated from the zod schema (what a hand-written file may contain). */
export function icpJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(IcpSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://github.com/icp-lens/icp-lens/blob/main/docs/icp.schema.json',
    title: 'ICP Lens Ideal Customer Profile',
  };
}
