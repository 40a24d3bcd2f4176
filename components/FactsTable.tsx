import { USD_PER_UNIT } from '@/lib/extract/currency';
import type { CompanyFacts, Money } from '@/lib/extract/schema';
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

/** An amount as a rep reads it: "$211.9B", "€15M" (the code, for a currency the browser has no sign for). */
function amount(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    }).format(value);
  } catch {
    return `${value.toLocaleString('en-US')} ${currency}`;
  }
}

/** A range of money: "$20M–$500M", "$1B+". */
export function moneyText({ min, max, currency }: { min: number; max: number | null; currency: string }) {
  if (max === null) return `${amount(min, currency)}+`;
  if (min === max) return amount(min, currency);
  return `${amount(min, currency)}–${amount(max, currency)}`;
}

function show(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'currency' in value)
    return moneyText(value as { min: number; max: number | null; currency: string });
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object' && value !== null && 'min' in value)
    return describeRange(value as { min: number; max: number | null });
  return String(value);
}

/**
 * A fact's value as the panel shows it: a country by its name and code, a company type or stage by its name,
 * revenue in dollars as money.
 */
function factText(key: keyof CompanyFacts, value: unknown): string {
  if (key === 'revenueUsd' || key === 'fundingTotalUsd')
    return moneyText({ ...(value as { min: number; max: number | null }), currency: 'USD' });
  if (key === 'hqCountry') return `${countryName(String(value))} (${value})`;
  if (key === 'companyType')
    return COMPANY_TYPE_LABEL[value as keyof typeof COMPANY_TYPE_LABEL] ?? show(value);
  if (key === 'fundingStage')
    return FUNDING_STAGE_LABEL[value as keyof typeof FUNDING_STAGE_LABEL] ?? show(value);
  return show(value);
}

/** An address a link may open: the web's (a page's `javascript:` or `data:` one never is). */
const linkable = (url: unknown): url is string => typeof url === 'string' && /^https?:\/\//i.test(url);

/** "€1 = $1.13": the fixed rate a stated amount is converted to dollars at (see lib/extract/currency.ts). */
function rateText(currency: string): string | undefined {
  const rate = USD_PER_UNIT[currency];
  if (rate === undefined) return undefined;
  const format = (value: number, code: string, digits: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency: code, ...digits }).format(value);
  return `${format(1, currency, { maximumFractionDigits: 0 })} = ${format(rate, 'USD', { maximumSignificantDigits: 3 })}`;
}

/** What a converted amount's evidence says before the snippet the stated amount was read from. */
function conversionText(currency: string): string {
  const rate = rateText(currency);
  return `Converted from the revenue above${rate ? ` at ${rate}, an approximate 2025 average` : ''}:`;
}

/** A fact's value; the company's LinkedIn page and its other profiles as links the rep can open. */
function FactValue({ field, value }: { field: keyof CompanyFacts; value: unknown }) {
  if (field === 'linkedinUrl' && linkable(value))
    return (
      <a href={value} target="_blank" rel="noreferrer" data-testid="linkedin-link">
        {hostPath(value)}
      </a>
    );
  if (field === 'socialProfiles' && Array.isArray(value))
    return (
      <>
        {value.map((url: unknown, i) => (
          <span key={String(url)}>
            {i > 0 && ', '}
            {linkable(url) ? (
              <a href={url} target="_blank" rel="noreferrer">
                {hostPath(url)}
              </a>
            ) : (
              String(url)
            )}
          </span>
        ))}
      </>
    );
  return <>{factText(field, value)}</>;
}

/** The facts read from the page, each with where it came from. Page text is rendered as text, never as HTML. */
export function FactsTable({ facts, currentUrl }: { facts: CompanyFacts; currentUrl: string }) {
  // Revenue already in dollars is not shown again as its conversion.
  const inDollars = (facts.revenue?.value as { currency?: string } | undefined)?.currency === 'USD';
  const rows = ROWS.filter(([key]) => facts[key] !== undefined && !(key === 'revenueUsd' && inDollars));
  // Revenue in another currency is shown again in dollars, converted here: no page stated that amount, so its
  // row names the conversion rather than the source the revenue was read from.
  const convertedFrom = (key: keyof CompanyFacts): Money | undefined =>
    key === 'revenueUsd' && !inDollars ? facts.revenue?.value : undefined;
  if (rows.length === 0) return <p className="muted">No company facts beyond the name on this page.</p>;
  return (
    <dl className="facts" data-testid="facts">
      {rows.map(([key, label]) => {
        const fact = facts[key];
        if (!fact) return null;
        const others = fact.alternatives.length;
        const converted = convertedFrom(key);
        return (
          <div key={key} className="fact-row">
            <dt>{label}</dt>
            <dd>
              <FactValue field={key} value={fact.value} />
              {/* The evidence opens under the fact: by keyboard and touch too, where a tooltip would not. */}
              <details className="fact-evidence" data-testid={`evidence-${key}`}>
                <summary>
                  <span className="chip">
                    {converted
                      ? `converted from ${moneyText(converted)}`
                      : (SOURCE_LABEL[fact.source] ?? fact.source)}
                  </span>
                  {others > 0 && (
                    <span className="muted">
                      {' '}
                      +{others} other reading{others > 1 ? 's' : ''}
                    </span>
                  )}
                </summary>
                {converted && <p>{conversionText(converted.currency)}</p>}
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
