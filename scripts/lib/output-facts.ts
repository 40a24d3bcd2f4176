/** The corpus "facts output format" (see ../shared/corpus/README.md), from a page's extraction. */
import { mergeCandidates } from '../../lib/extract/merge';
import type { CompanyFacts, PageExtract } from '../../lib/extract/schema';

/** Maps the extension's facts to the corpus output format (unknown → null, technologies → []). */
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
    // Extra keys (ignored by the evaluation): where each fact came from.
    sources: Object.fromEntries(
      Object.entries(facts).map(([key, fact]) => [key, { source: fact.source, snippet: fact.snippet }]),
    ),
  };
}
