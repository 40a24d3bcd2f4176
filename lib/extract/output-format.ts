/**
 * The corpus "facts output format" (docs/EXTRACTION.md, "The facts output format"): one flat JSON object of facts per page, as
 * `npm run extract` writes and `npm run -s icp -- score --facts` reads. Pure.
 */
import { z } from 'zod';
import { countryCode } from './countries';
import { mergeCandidates } from './merge';
import { type CompanyFacts, type PageExtract, PageRoleSchema, RangeSchema } from './schema';

const nullableText = z.string().max(2000).nullable().optional();

/** One line's `facts` object; extra keys are allowed and ignored. */
export const OutputFactsSchema = z.looseObject({
  name: nullableText,
  legalName: nullableText,
  domain: nullableText,
  industry: nullableText,
  industryId: nullableText,
  employees: z.union([RangeSchema, z.number().nonnegative()]).nullable().optional(),
  revenueUsd: RangeSchema.nullable().optional(),
  hqCity: nullableText,
  hqRegion: nullableText,
  // ISO 3166-1 alpha-2, in either case ("de" is Germany, as the list and the scorer read it).
  hqCountry: z
    .string()
    .length(2)
    .transform((code) => code.toUpperCase())
    .refine((code) => countryCode(code) === code, {
      error: (issue) => `"${issue.input}" is not an ISO 3166-1 alpha-2 country code`,
    })
    .nullable()
    .optional(),
  // The years the extraction reads (see parseYear): 1500 to this year.
  foundedYear: z
    .number()
    .int()
    .min(1500, 'must be 1500 or later')
    .refine((year) => year <= new Date().getUTCFullYear(), 'must not be after this year')
    .nullable()
    .optional(),
  linkedinUrl: nullableText,
  companyType: nullableText,
  fundingStage: nullableText,
  description: nullableText,
  keywords: z.array(z.string().max(200)).nullable().optional(),
  technologies: z.array(z.string().max(200)).nullable().optional(),
  pageRole: PageRoleSchema.nullable().optional(),
});
export type OutputFacts = z.infer<typeof OutputFactsSchema>;

/** Maps a page's extraction to the output format (unknown → null, technologies → []). */
export function toOutputFacts(extract: PageExtract | null): Record<string, unknown> {
  const facts: CompanyFacts = extract ? mergeCandidates(extract) : {};
  const v = <K extends keyof CompanyFacts>(key: K) => facts[key]?.value ?? null;
  return {
    name: v('name'),
    legalName: v('legalName'),
    domain: v('domain'),
    industry: v('industry'),
    employees: v('employees'),
    revenueUsd: v('revenueUsd'),
    hqCity: v('hqCity'),
    hqRegion: v('hqRegion'),
    hqCountry: v('hqCountry'),
    foundedYear: v('foundedYear'),
    linkedinUrl: v('linkedinUrl'),
    technologies: v('technologies') ?? [],
    pageRole: extract?.pageRole ?? null,
    // Extra keys (ignored by the evaluation): more facts, and where each came from.
    industryId: v('industryId'),
    companyType: v('companyType'),
    fundingStage: v('fundingStage'),
    revenue: v('revenue'),
    socialProfiles: v('socialProfiles') ?? [],
    // Each detected technology with the signals it was detected by (its evidence, as the side panel shows it).
    technologyEvidence: Object.fromEntries(
      (extract?.technologies?.detected ?? []).map((d) => [d.name, d.evidence]),
    ),
    sources: Object.fromEntries(
      Object.entries(facts).map(([key, fact]) => [key, { source: fact.source, snippet: fact.snippet }]),
    ),
  };
}

/** Turns an output-format facts object back into company facts the scorer reads (evidence: the file). */
export function fromOutputFacts(output: OutputFacts, where: string): CompanyFacts {
  const facts: Record<string, unknown> = {};
  const set = (key: keyof CompanyFacts, value: unknown, shown: string = String(value)) => {
    if (
      value === null ||
      value === undefined ||
      (Array.isArray(value) && value.length === 0 && key !== 'technologies')
    )
      return;
    facts[key] = {
      value,
      source: 'import',
      snippet: `${key}: ${shown} (${where})`.slice(0, 240),
      confidence: 1,
      alternatives: [],
    };
  };
  for (const key of [
    'name',
    'legalName',
    'domain',
    'industry',
    'industryId',
    'hqCity',
    'hqRegion',
    'hqCountry',
    'linkedinUrl',
    'companyType',
    'fundingStage',
    'description',
  ] as const) {
    set(key, output[key]);
  }
  set('foundedYear', output.foundedYear);
  const employees =
    typeof output.employees === 'number'
      ? { min: output.employees, max: output.employees }
      : output.employees;
  set('employees', employees, employees ? JSON.stringify(employees) : '');
  set('revenueUsd', output.revenueUsd, output.revenueUsd ? JSON.stringify(output.revenueUsd) : '');
  set('keywords', output.keywords, (output.keywords ?? []).join(', '));
  // An empty technologies list in the output format means "looked, found none" only if the page was read;
  // the format cannot tell, so an empty list stays unknown.
  if (output.technologies && output.technologies.length > 0)
    set('technologies', output.technologies, output.technologies.join(', '));
  return facts as CompanyFacts;
}
