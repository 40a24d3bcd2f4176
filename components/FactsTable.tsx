import type { CompanyFacts } from '@/lib/extract/schema';
import { COMPANY_TYPE_LABEL, countryName, describeRange, FUNDING_STAGE_LABEL } from '@/lib/icp';
import { SOURCE_LABEL } from './format';

const ROWS: Array<[keyof CompanyFacts, string]> = [
  ['legalName', 'Legal name'],
  ['industry', 'Industry'],
  ['employees', 'Employees'],
  ['revenue', 'Revenue'],
  ['revenueUsd', 'Revenue (USD)'],
  ['hqCity', 'HQ city'],
  ['hqRegion', 'HQ region'],
  ['hqCountry', 'HQ country'],
  ['foundedYear', 'Founded'],
  ['companyType', 'Type'],
  ['fundingStage', 'Funding stage'],
  ['fundingTotal', 'Total funding'],
  ['technologies', 'Technologies'],
  ['keywords', 'Specialties'],
  ['linkedinUrl', 'LinkedIn'],
  ['socialProfiles', 'Profiles'],
];

function hostPath(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname.replace(/^www\./, '')}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return url;
  }
}

function show(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'currency' in value) {
    const money = value as { min: number; max: number | null; currency: string };
    return `${describeRange(money)} ${money.currency}`;
  }
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object' && value !== null && 'min' in value)
    return describeRange(value as { min: number; max: number | null });
  return String(value);
}

/** A fact's value as the panel shows it: a country by its name and code, a company type or stage by its name. */
function factText(key: keyof CompanyFacts, value: unknown): string {
  if (key === 'hqCountry') return `${countryName(String(value))} (${value})`;
  if (key === 'companyType')
    return COMPANY_TYPE_LABEL[value as keyof typeof COMPANY_TYPE_LABEL] ?? show(value);
  if (key === 'fundingStage')
    return FUNDING_STAGE_LABEL[value as keyof typeof FUNDING_STAGE_LABEL] ?? show(value);
  return show(value);
}

/** The facts read from the page, each with where it came from. Page text is rendered as text, never as HTML. */
export function FactsTable({ facts, currentUrl }: { facts: CompanyFacts; currentUrl: string }) {
  const rows = ROWS.filter(([key]) => facts[key] !== undefined);
  if (rows.length === 0) return <p className="muted">No company facts beyond the name on this page.</p>;
  return (
    <dl className="facts" data-testid="facts">
      {rows.map(([key, label]) => {
        const fact = facts[key];
        if (!fact) return null;
        const others = fact.alternatives.length;
        return (
          <div key={key} className="fact-row">
            <dt>{label}</dt>
            <dd>
              {factText(key, fact.value)}
              {/* The evidence opens under the fact: by keyboard and touch too, where a tooltip would not. */}
              <details className="fact-evidence" data-testid={`evidence-${key}`}>
                <summary>
                  <span className="chip">{SOURCE_LABEL[fact.source] ?? fact.source}</span>
                  {others > 0 && (
                    <span className="muted">
                      {' '}
                      +{others} other reading{others > 1 ? 's' : ''}
                    </span>
                  )}
                </summary>
                <q>{fact.snippet}</q>
                {others > 0 && (
                  <ul>
                    {fact.alternatives.map((a, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: readings are shown, never reordered.
                      <li key={i}>
                        {factText(key, a.value)} ({SOURCE_LABEL[a.source] ?? a.source})
                      </li>
                    ))}
                  </ul>
                )}
              </details>
              {fact.url && fact.url.split('#')[0] !== currentUrl.split('#')[0] && (
                <span className="muted fact-page"> from {hostPath(fact.url)}</span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
