import { describe, expect, it } from 'vitest';
import type { CompanyFacts } from '@/lib/extract/schema';
import {
  type Criterion,
  DEFAULT_ICP,
  type Icp,
  type IcpInput,
  IcpSchema,
  nothingKnown,
  scoreCompany,
} from '@/lib/icp';

type CriterionInput = IcpInput['criteria'][number];

function icp(criteria: CriterionInput[], extra: Partial<IcpInput> = {}): Icp {
  return IcpSchema.parse({
    schemaVersion: 1,
    name: 'Test',
    version: 1,
    updatedAt: '2026-01-01T00:00:00Z',
    criteria,
    tiers: { tier1: 80, tier2: 60, tier3: 40 },
    ...extra,
  });
}

function fact<T>(value: T, source: 'jsonld' | 'adapter:linkedin' = 'jsonld') {
  return { value, source, snippet: `snippet of ${JSON.stringify(value)}`, confidence: 0.9, alternatives: [] };
}

const industry: CriterionInput = {
  id: 'industry',
  label: 'Software',
  kind: 'industry',
  weight: 3,
  industries: ['software'],
  wording: ['robotics'],
};
const employees: CriterionInput = {
  id: 'employees',
  label: '200–2,000 employees',
  kind: 'employees',
  weight: 3,
  ideal: { min: 200, max: 2000 },
  acceptable: [{ min: 50, max: 199, credit: 0.4 }],
};
const location: CriterionInput = {
  id: 'location',
  label: 'DACH',
  kind: 'location',
  weight: 2,
  regions: ['dach'],
  countries: ['FR'],
};

const status = (facts: CompanyFacts, criterion: CriterionInput) =>
  scoreCompany(facts, icp([criterion])).criteria[0];

describe('criterion kinds', () => {
  it('industry matches the taxonomy industry of the page wording', () => {
    expect(status({ industry: fact('Computer Software') }, industry)?.status).toBe('match');
    expect(status({ industry: fact('Truck Transportation') }, industry)?.status).toBe('miss');
  });

  it('names the industry a miss reads as, once: not again where the page uses its very name', () => {
    expect(status({ industry: fact('Advertising Services') }, industry)?.detail).toMatch(
      /^"Advertising Services" is not /,
    );
    expect(status({ industry: fact('Marketing and Advertising') }, industry)?.detail).toMatch(
      /^"Marketing and Advertising" \(Advertising Services\) is not /,
    );
  });

  it("industry also matches the manager's own wording", () => {
    expect(status({ industry: fact('Automation Machinery, Robotics') }, industry)?.status).toBe('match');
  });

  it('ranges: inside the ideal band matches, an acceptable band is partial, elsewhere misses', () => {
    expect(status({ employees: fact({ min: 201, max: 500 }) }, employees)?.status).toBe('match');
    expect(status({ employees: fact({ min: 51, max: 180 }) }, employees)?.status).toBe('partial');
    expect(status({ employees: fact({ min: 2, max: 10 }) }, employees)?.status).toBe('miss');
  });

  it('writes revenue as money in its explanation, as the panel shows the fact', () => {
    const revenue = scoreCompany(
      { revenueUsd: fact({ min: 1_406_850_000, max: 1_406_850_000 }) },
      DEFAULT_ICP,
    ).criteria.find((c) => c.kind === 'revenue');
    expect(revenue?.detail).toBe('$1.4B: outside $20M–$500M');
  });

  it('says what disqualified a company that shows nothing else, not that it shows nothing', () => {
    const result = scoreCompany({ companyType: fact('nonprofit') }, DEFAULT_ICP);
    expect(result.summary).toMatch(/^Disqualified: /);
    expect(result.summary).not.toMatch(/Nothing the ICP asks about/);
  });

  it('ranges: a band straddling the ideal earns half', () => {
    const result = scoreCompany({ employees: fact({ min: 1001, max: 5000 }) }, icp([employees]));
    expect(result.criteria[0]?.status).toBe('partial');
    expect(result.score).toBe(50);
  });

  it('ranges: an open band ("10,001+") is outside a closed ideal', () => {
    expect(status({ employees: fact({ min: 10001, max: null }) }, employees)?.status).toBe('miss');
  });

  it('founding year compares the year with the band', () => {
    const founded: CriterionInput = {
      id: 'founded',
      label: 'Since 2010',
      kind: 'founded',
      weight: 1,
      ideal: { min: 2010, max: null },
    };
    expect(status({ foundedYear: fact(2017) }, founded)?.status).toBe('match');
    expect(status({ foundedYear: fact(1999) }, founded)?.status).toBe('miss');
  });

  it('location resolves regions to countries and accepts listed countries', () => {
    expect(status({ hqCountry: fact('AT') }, location)?.status).toBe('match');
    expect(status({ hqCountry: fact('FR') }, location)?.status).toBe('match');
    expect(status({ hqCountry: fact('US') }, location)?.status).toBe('miss');
  });

  it('technologies: any, all and none', () => {
    const tech = (match: 'any' | 'all' | 'none'): CriterionInput => ({
      id: 't',
      label: 'CRM',
      kind: 'technologies',
      weight: 1,
      match,
      technologies: ['HubSpot', 'Marketo'],
    });
    const facts = { technologies: fact(['hubspot', 'Google Tag Manager']) };
    expect(status(facts, tech('any'))?.status).toBe('match');
    expect(status(facts, tech('all'))?.status).toBe('partial');
    expect(status(facts, tech('none'))?.status).toBe('miss');
  });

  it('keywords look in the description and specialties', () => {
    const kw: CriterionInput = {
      id: 'kw',
      label: 'Forecasting',
      kind: 'keywords',
      weight: 1,
      keywords: ['forecast'],
    };
    expect(status({ description: fact('Pipeline forecasting for B2B') }, kw)?.status).toBe('match');
    expect(status({ keywords: fact(['dispatch']) }, kw)?.status).toBe('miss');
  });

  it('company type, funding stage and domain lists', () => {
    expect(
      status(
        { companyType: fact('private') },
        { id: 'ct', label: 'Private', kind: 'companyType', weight: 1, types: ['private'] },
      )?.status,
    ).toBe('match');
    expect(
      status(
        { fundingStage: fact('seed') },
        { id: 'fs', label: 'Series A+', kind: 'fundingStage', weight: 1, stages: ['series-a', 'series-b'] },
      )?.status,
    ).toBe('miss');
    expect(
      status(
        { domain: fact('rival.com') },
        { id: 'd', label: 'Rivals', kind: 'domains', weight: 1, domains: ['rival.com'] },
      )?.status,
    ).toBe('match');
  });

  it('a field the page does not show is unknown, with no evidence', () => {
    const result = status({}, industry);
    expect(result?.status).toBe('unknown');
    expect(result?.evidence).toBeNull();
  });

  it('evidence names the fact, its source and snippet', () => {
    expect(
      status({ industry: fact('Software Development', 'adapter:linkedin') }, industry)?.evidence,
    ).toEqual({
      field: 'industry',
      value: 'Software Development',
      source: 'adapter:linkedin',
      snippet: 'snippet of "Software Development"',
    });
  });
});

describe('the score', () => {
  const facts: CompanyFacts = {
    industry: fact('Software Development'),
    employees: fact({ min: 51, max: 180 }),
  };

  it('leaves unknown criteria out of the score by default and reports coverage', () => {
    const result = scoreCompany(facts, icp([industry, employees, location]));
    // (3 × 1 + 3 × 0.4) / 6 known weight
    expect(result.score).toBe(70);
    expect(result.coverage).toBe(0.75);
  });

  it('counts unknown criteria as misses when the ICP says so', () => {
    const result = scoreCompany(facts, icp([industry, employees, location], { unknownPolicy: 'miss' }));
    expect(result.score).toBe(52.5);
    expect(result.criteria.find((c) => c.id === 'location')?.possible).toBe(25);
  });

  it('contributions add up exactly to the score', () => {
    const thirds = icp([
      { ...industry, weight: 1 },
      { ...employees, weight: 1 },
      { ...location, weight: 1 },
    ]);
    const result = scoreCompany({ ...facts, hqCountry: fact('DE') }, thirds);
    const tenths = result.criteria.reduce((sum, c) => sum + Math.round(c.contribution * 10), 0);
    expect(tenths).toBe(Math.round(result.score * 10));
    expect(result.criteria.map((c) => c.contribution)).toEqual([33.4, 13.3, 33.3]);
  });

  it('maps the score to tiers by the thresholds', () => {
    const criteria = [industry, employees];
    expect(
      scoreCompany({ industry: fact('Software'), employees: fact({ min: 300, max: 300 }) }, icp(criteria))
        .tier,
    ).toBe('tier_1');
    expect(scoreCompany(facts, icp(criteria)).tier).toBe('tier_2');
    expect(
      scoreCompany({ industry: fact('Retail'), employees: fact({ min: 100, max: 150 }) }, icp(criteria)).tier,
    ).toBe('not_a_fit');
  });

  it('caps Tier 1 when too little of the profile is known', () => {
    const result = scoreCompany(
      { industry: fact('Computer Software') },
      icp([industry, employees, location]),
    );
    expect(result.score).toBe(100);
    expect(result.tier).toBe('tier_2');
    expect(result.caps.join(' ')).toMatch(/60% of the profile known/);
  });

  it('a failed must-have caps the tier', () => {
    const mustHave = { ...location, rule: 'must-have' as const };
    const result = scoreCompany(
      {
        ...facts,
        industry: fact('Software'),
        employees: fact({ min: 300, max: 300 }),
        hqCountry: fact('US'),
      },
      icp([industry, employees, mustHave]),
    );
    expect(result.score).toBe(75);
    expect(result.tier).toBe('tier_3');
    expect(result.caps[0]).toMatch(/Must-have not met: DACH/);
  });

  it('a disqualifier makes it Not a fit whatever else matches, and shows why', () => {
    const rivals: CriterionInput = {
      id: 'rivals',
      label: 'Competitor',
      kind: 'domains',
      weight: 0,
      rule: 'disqualifier',
      domains: ['rival.com'],
    };
    const result = scoreCompany(
      { industry: fact('Software'), domain: fact('rival.com') },
      icp([industry, rivals]),
    );
    expect(result.score).toBe(100);
    expect(result.tier).toBe('not_a_fit');
    expect(result.criteria.find((c) => c.id === 'rivals')).toMatchObject({
      status: 'disqualified',
      contribution: 0,
    });
    expect(result.summary).toMatch(/Disqualified: rival.com is on the list \(“Competitor”\)/);
  });

  it('a disqualifier that does not hit passes without points', () => {
    const rivals: CriterionInput = {
      id: 'rivals',
      label: 'Competitor',
      kind: 'domains',
      weight: 0,
      rule: 'disqualifier',
      domains: ['rival.com'],
    };
    const result = scoreCompany(
      { industry: fact('Software'), domain: fact('acme.com') },
      icp([industry, rivals]),
    );
    expect(result.criteria.find((c) => c.id === 'rivals')).toMatchObject({
      status: 'match',
      contribution: 0,
    });
    expect(result.tier).toBe('tier_1');
  });

  it('with nothing known the company is not a fit and the summary says so', () => {
    const result = scoreCompany({}, DEFAULT_ICP);
    expect(result).toMatchObject({ score: 0, tier: 'not_a_fit', coverage: 0 });
    expect(result.summary).toMatch(/Nothing the ICP asks about/);
  });

  it('says which criteria fit, which fit only partly, which miss and which are unknown', () => {
    const result = scoreCompany(
      { industry: fact('Computer Software'), employees: fact({ min: 51, max: 200 }) },
      icp([industry, employees, location]),
    );
    expect(result.summary).toBe('Fits “Software”. Partly fits “200–2,000 employees”. Unknown: “DACH”.');
  });

  it('judges nothing on less than a quarter of the profile: a page that shows only the country is no verdict', () => {
    // The country is 2 of the built-in ICP's 11 points: too little to say the company fits, or does not.
    const onlyCountry = scoreCompany({ hqCountry: fact('US') }, DEFAULT_ICP);
    expect(onlyCountry).toMatchObject({ tier: 'not_a_fit' });
    expect(nothingKnown(onlyCountry)).toBe(true);
    expect(onlyCountry.caps).toEqual([
      'Too little known to judge: 25% of the profile is needed; this page shows 18%',
    ]);
    expect(nothingKnown(scoreCompany({ foundedYear: fact(1985) }, DEFAULT_ICP))).toBe(true);
    // A disqualifier decides on its own.
    const nonprofit = scoreCompany({ companyType: fact('nonprofit') }, DEFAULT_ICP);
    expect(nonprofit.tier).toBe('not_a_fit');
    expect(nothingKnown(nonprofit)).toBe(false);
    // So does a must-have the company misses: the location alone (a quarter of this ICP less a little).
    const mustHave = { ...location, rule: 'must-have' as const };
    const strict = icp([industry, employees, mustHave, { ...industry, id: 'more', weight: 2 }], {
      mustHaveFailTier: 'not_a_fit',
    });
    const brazil = scoreCompany({ hqCountry: fact('BR') }, strict);
    expect(brazil.coverage).toBeLessThan(0.25);
    expect(brazil.tier).toBe('not_a_fit');
    expect(nothingKnown(brazil)).toBe(false);
    expect(brazil.summary).toBe('Misses “DACH”. Unknown: “Software”, “200–2,000 employees” and “Software”.');
    // Met, the must-have alone is still too little to judge.
    expect(nothingKnown(scoreCompany({ hqCountry: fact('DE') }, strict))).toBe(true);
  });

  it('needs 30% of the profile known for Tier 2: a page that shows the country and the founding year is Tier 3 at best', () => {
    const thin = { hqCountry: fact('US'), foundedYear: fact(2015) };
    const result = scoreCompany(thin, DEFAULT_ICP);
    expect(result).toMatchObject({ score: 100, tier: 'tier_3' });
    expect(result.caps).toEqual(['Tier 2 needs 30% of the profile known; this page shows 27%']);
    // The manager can lower the floor, and a company with more known is not held back by it.
    expect(scoreCompany(thin, { ...DEFAULT_ICP, minCoverageForTier2: 0 }).tier).toBe('tier_2');
    expect(scoreCompany({ ...thin, industry: fact('Computer Software') }, DEFAULT_ICP).tier).toBe('tier_2');
  });

  it('never needs more known for Tier 2 than for Tier 1: an ICP with a low Tier 1 floor lowers the Tier 2 one', () => {
    const lowFloor = { ...DEFAULT_ICP, minCoverageForTier1: 0.1 };
    expect(scoreCompany({ hqCountry: fact('US'), foundedYear: fact(2015) }, lowFloor)).toMatchObject({
      score: 100,
      tier: 'tier_1',
    });
  });

  it('tells a verdict that rests on too little from a Not a fit the page shows', () => {
    expect(nothingKnown(scoreCompany({}, DEFAULT_ICP))).toBe(true);
    // Known and missed, or disqualified: a real Not a fit.
    expect(nothingKnown(scoreCompany({ industry: fact('Truck Transportation') }, icp([industry])))).toBe(
      false,
    );
    expect(nothingKnown(scoreCompany({ companyType: fact('nonprofit') }, DEFAULT_ICP))).toBe(false);
    expect(nothingKnown(scoreCompany({ hqCountry: fact('BR'), foundedYear: fact(1985) }, DEFAULT_ICP))).toBe(
      false,
    );
  });

  it('is deterministic', () => {
    expect(scoreCompany(facts, DEFAULT_ICP)).toEqual(scoreCompany(facts, DEFAULT_ICP));
  });
});

describe('the default ICP', () => {
  it('is a valid ICP with scoring criteria and a disqualifier', () => {
    expect(IcpSchema.safeParse(DEFAULT_ICP).success).toBe(true);
    expect(DEFAULT_ICP.criteria.some((c: Criterion) => c.rule === 'disqualifier')).toBe(true);
  });
});

describe('what would change the tier', () => {
  it('names the unknown or missed criteria that would lift the company on their own', () => {
    const result = scoreCompany(
      { industry: fact('Retail'), employees: fact({ min: 300, max: 300 }) },
      icp([industry, employees, location]),
    );
    expect(result.tier).toBe('tier_3');
    expect(result.upgrades).toEqual([
      { id: 'industry', label: 'Software', status: 'miss', tier: 'tier_1' },
      { id: 'location', label: 'DACH', status: 'unknown', tier: 'tier_2' },
    ]);
  });

  it('offers nothing for a Tier 1 company', () => {
    expect(scoreCompany({ industry: fact('Software') }, icp([industry])).upgrades).toEqual([]);
  });
});

describe('where the explanations say the facts come from', () => {
  it('names the page in view by default, and the saved facts for a saved company', () => {
    const facts = {
      name: { value: 'Acme', source: 'text' as const, snippet: 'Acme', confidence: 1, alternatives: [] },
    };
    const onPage = scoreCompany(facts, DEFAULT_ICP);
    const saved = scoreCompany(facts, DEFAULT_ICP, { facts: 'saved' });
    expect(onPage.criteria.find((c) => c.id === 'industry')?.detail).toBe('Industry not stated on this page');
    expect(saved.criteria.find((c) => c.id === 'industry')?.detail).toBe(
      'Industry not stated in the saved facts',
    );
    expect(saved.summary).toContain('Nothing the ICP asks about is shown in the saved facts');
    expect(JSON.stringify(saved)).not.toContain('this page');
    // Only the words differ.
    const figures = (r: typeof saved) => ({
      ...r,
      criteria: r.criteria.map((c) => c.status),
      summary: '',
      caps: [],
    });
    expect(figures(saved)).toEqual(figures(onPage));
  });
});
