import { describe, expect, it } from 'vitest';
import {
  extractLinkedIn,
  isLinkedInCompany,
  parseSizeBand,
  readTopCard,
} from '@/lib/extract/adapters/linkedin';
import { mergeCandidates } from '@/lib/extract/merge';
import { type FactCandidate, FactCandidateSchema } from '@/lib/extract/schema';
import { loadFixture, parseHtml } from '../helpers/dom';

const valuesOf = (candidates: FactCandidate[], field: FactCandidate['field']) =>
  candidates.filter((c) => c.field === field).map((c) => c.value);
const read = (fixture: string, url: string) => {
  const candidates = extractLinkedIn(loadFixture(fixture, url), new URL(url));
  return { candidates, facts: mergeCandidates({ url, candidates }) };
};

describe('a LinkedIn company page, logged out (Audiense, real page)', () => {
  const { candidates, facts } = read(
    'corpus/metascraper__linkedin-company-audiense.html',
    'https://uk.linkedin.com/company/audiense',
  );

  it('reads the About list', () => {
    expect(facts.industry?.value).toBe('Advertising Services');
    expect(facts.employees?.value).toEqual({ min: 51, max: 200 });
    expect(facts.hqCity?.value).toBe('London');
    expect(facts.hqRegion?.value).toBe('London');
    expect(facts.foundedYear?.value).toBe(2011);
    expect(facts.companyType?.value).toBe('private');
    expect(facts.domain?.value).toBe('audiense.com');
  });
  it('names the company from the page heading', () => expect(facts.name?.value).toBe('Audiense'));
  it("reads the country closing the primary location's address", () =>
    expect(facts.hqCountry?.value).toBe('GB'));
  it('reads the About description', () =>
    expect(facts.description?.value).toMatch(/^The Audiense platform combines/));
  it('never takes a fact from the "Similar pages" companies', () => {
    const text = JSON.stringify(candidates);
    for (const other of [
      'Appwrite',
      'Arkency',
      'Brandwatch',
      'Technology, Information and Internet',
      'San Francisco',
    ])
      expect(text).not.toContain(other);
  });
  it('gives no social profiles: LinkedIn links are its own or other companies', () =>
    expect(valuesOf(candidates, 'socialProfiles')).toEqual([]));
});

describe('a LinkedIn company page, logged in, About tab (fictional Fernwick Analytics)', () => {
  const url = 'https://www.linkedin.com/company/fernwick-analytics/about/';
  const { candidates, facts } = read('adapters/linkedin-fernwick-about-logged-in.html', url);

  it('reads the About list of the logged-in layout', () => {
    expect(facts.industry).toMatchObject({ value: 'Software Development', source: 'adapter:linkedin' });
    expect(facts.employees?.value).toEqual({ min: 201, max: 500 });
    expect(facts.hqCity?.value).toBe('Leeds');
    expect(facts.hqRegion?.value).toBe('England');
    expect(facts.foundedYear?.value).toBe(2014);
    expect(facts.domain?.value).toBe('fernwick.io');
  });
  it('takes the size band, not the count of associated members', () =>
    expect(valuesOf(candidates, 'employees')).toEqual([{ min: 201, max: 500 }]));
  it('splits the specialties into keywords', () =>
    expect(facts.keywords?.value).toEqual([
      'demand forecasting',
      'retail analytics',
      'fresh food',
      'machine learning',
      'supply chain planning',
    ]));
  it('names the company from the heading, not the notification-counted title', () =>
    expect(facts.name?.value).toBe('Fernwick Analytics'));
  it('reads the overview text as the description', () =>
    expect(facts.description?.value).toMatch(/^Fernwick Analytics helps regional grocery chains/));
  it("takes the primary location's country, not a second office's", () =>
    expect(valuesOf(candidates, 'hqCountry')).toEqual(['GB']));
  it('gives the LinkedIn URL on its /company/ path, whatever the tab', () =>
    expect(facts.linkedinUrl?.value).toBe('https://www.linkedin.com/company/fernwick-analytics'));
  it('never takes a fact from "Pages people also viewed" or affiliated pages', () => {
    const text = JSON.stringify(candidates);
    for (const other of [
      'Retail',
      'Manchester',
      '5,001',
      'Cratewise',
      'Orchard',
      'Research Services',
      '2020',
    ])
      expect(text).not.toContain(other);
  });
  it('yields candidates that pass the schema the content script reports under', () => {
    for (const candidate of candidates) expect(FactCandidateSchema.safeParse(candidate).success).toBe(true);
  });
});

describe('a LinkedIn company page, logged in, Home tab without an About list (fictional Fernwick Analytics)', () => {
  const url = 'https://www.linkedin.com/company/fernwick-analytics/';
  const { candidates, facts } = read('adapters/linkedin-fernwick-home-logged-in.html', url);

  it("reads industry, location and size from the top card's item line", () => {
    expect(facts.industry?.value).toBe('Software Development');
    expect(facts.hqCity?.value).toBe('Leeds');
    expect(facts.hqRegion?.value).toBe('England');
    expect(facts.employees?.value).toEqual({ min: 201, max: 500 });
  });
  it('trusts the top card less than an About list', () =>
    expect(candidates.find((c) => c.field === 'industry')?.confidence).toBeLessThan(0.9));
  it('never takes the definition list of a page people also viewed', () => {
    expect(valuesOf(candidates, 'industry')).toEqual(['Software Development']);
    expect(JSON.stringify(candidates)).not.toMatch(/Retail|Manchester|5,001/);
  });
  it("reads the About card's description", () =>
    expect(facts.description?.value).toMatch(/^Fernwick Analytics helps regional grocery chains/));
});

describe('LinkedIn About label variants', () => {
  const url = 'https://www.linkedin.com/company/acme/about/';
  const about = (pairs: string) =>
    extractLinkedIn(
      parseHtml(`<main><h1>Acme</h1><section><dl>${pairs}</dl></section></main>`, url),
      new URL(url),
    );

  it.each([
    ['Industry', 'industry', 'Machinery Manufacturing'],
    ['Industries', 'industry', 'Machinery Manufacturing'],
    ['Headquarters', 'hqCity', 'Ulm'],
    ['Founded', 'foundedYear', 1961],
    ['Type', 'companyType', 'private'],
    ['Website', 'website', 'https://acme.example/'],
  ] as const)('reads the "%s" label', (label, field, expected) => {
    const value = {
      Industry: 'Machinery Manufacturing',
      Industries: 'Machinery Manufacturing',
      Headquarters: 'Ulm, Baden-Württemberg',
      Founded: '1961',
      Type: 'Privately Held',
      Website: '<a href="https://acme.example/">https://acme.example/</a>',
    }[label];
    expect(valuesOf(about(`<dt>${label}</dt><dd>${value}</dd>`), field)).toEqual([expected]);
  });

  it.each(['Company size', 'Company Size'])('reads the "%s" label', (label) =>
    expect(valuesOf(about(`<dt>${label}</dt><dd>1,001-5,000 employees</dd>`), 'employees')).toEqual([
      { min: 1001, max: 5000 },
    ]),
  );

  it.each(['Specialties', 'Specialities'])('reads the "%s" label as keywords', (label) =>
    expect(valuesOf(about(`<dt>${label}</dt><dd>pumps and valves</dd>`), 'keywords')).toEqual([
      ['pumps', 'valves'],
    ]),
  );

  it('reads labels laid out without a definition list', () => {
    const doc = parseHtml(
      `<main><h1>Acme</h1><section><h2>Overview</h2>
        <div><h3>Industry</h3><p>Machinery Manufacturing</p></div>
        <div><h3>Company size</h3><p>51-200 employees</p></div></section></main>`,
      url,
    );
    const candidates = extractLinkedIn(doc, new URL(url));
    expect(valuesOf(candidates, 'industry')).toEqual(['Machinery Manufacturing']);
    expect(valuesOf(candidates, 'employees')).toEqual([{ min: 51, max: 200 }]);
  });
});

describe('the LinkedIn top card', () => {
  const card = (html: string) => {
    const doc = parseHtml(
      `<main><section class="top-card">${html}</section></main>`,
      'https://www.linkedin.com/company/a',
    );
    return readTopCard(doc.querySelector('section') as Element, 'Acme');
  };

  it('reads the guest layout\'s "City, Region · N followers" line', () =>
    expect(
      card(
        '<h1>Acme</h1><h2>Advertising Services</h2><h3>London, London <span class="before:middot"></span> 5,750 followers</h3>',
      ),
    ).toMatchObject({ industry: 'Advertising Services', location: 'London, London' }));

  it('reads a single "industry · location · followers · employees" line', () =>
    expect(
      card('<h1>Acme</h1><div>Retail · Leeds, England · 12K followers · 1K-5K employees</div>'),
    ).toMatchObject({
      industry: 'Retail',
      location: 'Leeds, England',
      employees: { min: 1000, max: 5000 },
    }));

  it('skips an empty item between two dots (a location the card leaves out)', () =>
    expect(
      card('<h1>Acme</h1><div>Software Development · · 5,750 followers · 51-200 employees</div>'),
    ).toMatchObject({ industry: 'Software Development', employees: { min: 51, max: 200 } }));

  it('does not take a tagline for the industry', () =>
    expect(
      card('<h1>Acme</h1><p>We make the best pumps in the world.</p><div>12K followers</div>').industry,
    ).toBeUndefined());
});

describe('LinkedIn size bands and addresses', () => {
  it.each([
    ['1K-5K employees', { min: 1000, max: 5000 }],
    ['10K+ employees', { min: 10000, max: null }],
    ['2-10 Mitarbeiter', { min: 2, max: 10 }],
  ])('parses "%s"', (text, band) => expect(parseSizeBand(text)).toEqual(band));

  it.each([
    ['https://www.linkedin.com/company/acme/', true],
    ['https://uk.linkedin.com/company/acme/about/', true],
    ['https://www.linkedin.com/in/jane-doe/', false],
    ['https://www.linkedin.com/jobs/view/123/', false],
  ])('%s is a company page: %s', (url, expected) => expect(isLinkedInCompany(new URL(url))).toBe(expected));
});
