import { describe, expect, it } from 'vitest';
import {
  extractCrunchbase,
  fundingStageOf,
  isCrunchbaseProfile,
  readCrunchbaseDetails,
} from '@/lib/extract/adapters/crunchbase';
import { mergeCandidates } from '@/lib/extract/merge';
import { type FactCandidate, FactCandidateSchema } from '@/lib/extract/schema';
import { loadFixture, parseHtml } from '../helpers/dom';

const URL_TALLYHAVEN = 'https://www.crunchbase.com/organization/tallyhaven';
const valuesOf = (candidates: FactCandidate[], field: FactCandidate['field']) =>
  candidates.filter((c) => c.field === field).map((c) => c.value);

describe('a Crunchbase organization page, logged out (fictional Tallyhaven)', () => {
  const doc = loadFixture('adapters/crunchbase-tallyhaven.html', URL_TALLYHAVEN);
  const candidates = extractCrunchbase(doc, new URL(URL_TALLYHAVEN));
  const facts = mergeCandidates({ url: URL_TALLYHAVEN, candidates });

  it('is a Crunchbase profile', () => expect(isCrunchbaseProfile(doc, new URL(URL_TALLYHAVEN))).toBe(true));
  it('names the company from the profile heading, and reads the legal name', () => {
    expect(facts.name).toMatchObject({ value: 'Tallyhaven', source: 'adapter:crunchbase' });
    expect(facts.legalName?.value).toBe('Tallyhaven Technologies Ltd');
  });
  it("reads the About card's short description", () =>
    expect(facts.description?.value).toBe(
      'Tallyhaven builds stock and claims reconciliation software for independent pharmacies.',
    ));
  it("reads the headquarters from the About card's location item, not from a similar company", () => {
    expect(facts.hqCity?.value).toBe('Leeds');
    expect(facts.hqRegion?.value).toBe('West Yorkshire');
    expect(facts.hqCountry?.value).toBe('GB');
  });
  it('reads the founding year from the founded date', () =>
    expect(valuesOf(candidates, 'foundedYear')).toEqual([2016]));
  it('reads the employee band', () => expect(facts.employees?.value).toEqual({ min: 51, max: 100 }));
  it('joins the industry chips in the page wording', () =>
    expect(facts.industry?.value).toBe('Health Care, Pharmaceutical, SaaS'));
  it("gives the company's website", () => expect(facts.domain?.value).toBe('tallyhaven.co.uk'));
  it('maps the last funding type to a funding stage', () =>
    expect(facts.fundingStage?.value).toBe('series-b'));
  it('reads the total funding amount as money', () =>
    expect(facts.fundingTotal?.value).toEqual({ min: 38_500_000, max: 38_500_000, currency: 'USD' }));
  it("reads the About card's IPO status as the company type", () =>
    expect(facts.companyType?.value).toBe('private'));
  it("gives the company's LinkedIn page, not Crunchbase's or a similar company's", () =>
    expect(valuesOf(candidates, 'linkedinUrl')).toEqual(['https://www.linkedin.com/company/tallyhaven']));
  it("lists the company's socials, without Crunchbase's footer or similar companies' accounts", () =>
    expect(facts.socialProfiles?.value).toEqual([
      'https://www.facebook.com/tallyhavenapp',
      'https://twitter.com/tallyhaven',
    ]));
  it('never reads the similar companies\u2019 figures', () => {
    expect(valuesOf(candidates, 'foundedYear')).not.toContain(2012);
    expect(JSON.stringify(candidates)).not.toMatch(/Dublin|Dispensa|251-500|112/);
  });
  it('keeps the operating status for when ICP Lens has a field for it', () =>
    expect(readCrunchbaseDetails(doc, new URL(URL_TALLYHAVEN)).operatingStatus).toBe('Active'));
  it('yields candidates that pass the schema the content script reports under', () => {
    for (const candidate of candidates) expect(FactCandidateSchema.safeParse(candidate).success).toBe(true);
  });
});

describe('Crunchbase page identity', () => {
  const page = (html: string, url: string) => isCrunchbaseProfile(parseHtml(html, url), new URL(url));

  it('is not a profile outside /organization/', () =>
    expect(
      page('<main><h1>Fintech companies</h1></main>', 'https://www.crunchbase.com/hub/fintech-companies'),
    ).toBe(false));
  it('is not a profile when the address shows a bot check instead', () =>
    expect(page('<div id="challenge">Checking your browser…</div>', URL_TALLYHAVEN)).toBe(false));
  it('is a profile on any tab of the organization', () =>
    expect(
      page(
        '<main><h1>Tallyhaven</h1></main>',
        'https://www.crunchbase.com/organization/tallyhaven/company_financials',
      ),
    ).toBe(true));
});

describe('Crunchbase label layouts', () => {
  const extract = (body: string) =>
    extractCrunchbase(
      parseHtml(`<main><h1>Northloop</h1>${body}</main>`, URL_TALLYHAVEN),
      new URL(URL_TALLYHAVEN),
    );

  it('reads "Label: value" pairs printed in one line', () => {
    const candidates = extract(
      '<ul><li>Founded Date: 2008</li><li>Headquarters Location: Toronto, Ontario, Canada, North America</li></ul>',
    );
    expect(valuesOf(candidates, 'foundedYear')).toEqual([2008]);
    expect(valuesOf(candidates, 'hqCity')).toEqual(['Toronto']);
    expect(valuesOf(candidates, 'hqCountry')).toEqual(['Canada']);
  });

  it('reads Canadian dollars written "CA$"', () =>
    expect(
      valuesOf(extract('<div><span>Total Funding Amount</span><span>CA$12.5M</span></div>'), 'fundingTotal'),
    ).toEqual([{ min: 12_500_000, max: 12_500_000, currency: 'CAD' }]));

  it('reads an open employee band', () =>
    expect(valuesOf(extract('<dl><dt>Number of Employees</dt><dd>10001+</dd></dl>'), 'employees')).toEqual([
      { min: 10001, max: null },
    ]));

  it('takes a listed company as public whatever its last private round', () => {
    const candidates = extract(
      '<div><span>IPO Status</span><span>Public</span></div><div><span>Last Funding Type</span><span>Series F</span></div>',
    );
    expect(valuesOf(candidates, 'companyType')).toEqual(['public']);
    expect(valuesOf(candidates, 'fundingStage')).toEqual(['public']);
  });

  it('reads a non-profit company type', () =>
    expect(
      valuesOf(extract('<div><span>Company Type</span><span>Non-profit</span></div>'), 'companyType'),
    ).toEqual(['nonprofit']));
});

describe('Crunchbase funding types as funding stages', () => {
  it.each([
    ['Pre-Seed', 'pre-seed'],
    ['Angel', 'pre-seed'],
    ['Seed', 'seed'],
    ['Series A', 'series-a'],
    ['Series B', 'series-b'],
    ['Series C', 'series-c'],
    ['Series D', 'series-d+'],
    ['Series H', 'series-d+'],
    ['Private Equity', 'private-equity'],
    ['Post-IPO Equity', 'public'],
    ['Post-IPO Debt', 'public'],
  ])('maps "%s" to %s', (text, stage) => expect(fundingStageOf(text)).toBe(stage));

  it.each(['Venture - Series Unknown', 'Debt Financing', 'Grant', 'Corporate Round', 'Equity Crowdfunding'])(
    'gives no stage for "%s"',
    (text) => expect(fundingStageOf(text)).toBeUndefined(),
  );
});
