/** Imported accounts as the scorer sees them: the same CompanyFacts a page yields, with `import` as the source. */
import type { CompanyFacts } from '../extract/schema';
import { classifyIndustry } from '../icp/industries';
import type { ImportedAccount } from './schema';

/** The company facts of an imported account; fields the file did not have stay unknown. */
export function accountFacts(account: ImportedAccount): CompanyFacts {
  const snippet = `line ${account.line} of the imported accounts`;
  const fact = <T>(value: T) => ({
    value,
    source: 'import' as const,
    snippet,
    confidence: 1,
    alternatives: [],
  });
  const facts: CompanyFacts = {};
  if (account.name) facts.name = fact(account.name);
  if (account.domain) facts.domain = fact(account.domain);
  if (account.industry) {
    facts.industry = fact(account.industry);
    const industry = classifyIndustry(account.industry);
    if (industry) facts.industryId = fact(industry.id);
  }
  if (account.employees) facts.employees = fact(account.employees);
  if (account.revenueUsd) facts.revenueUsd = fact(account.revenueUsd);
  if (account.country) facts.hqCountry = fact(account.country);
  if (account.technologies.length > 0) facts.technologies = fact(account.technologies);
  if (account.foundedYear) facts.foundedYear = fact(account.foundedYear);
  if (account.companyType) facts.companyType = fact(account.companyType);
  return facts;
}
