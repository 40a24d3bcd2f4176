import { describe, expect, it } from 'vitest';
import { parseSizeBand } from '@/lib/extract/adapters/linkedin';
import { mergeCandidates } from '@/lib/extract/merge';
import { loadFixture, parseHtml, readPage, SAMPLES } from '../helpers/dom';

function read(fixture: string, url: string) {
  const extract = readPage(loadFixture(fixture, url), url);
  return { extract, facts: mergeCandidates(extract) };
}

const sample = (file: string) => {
  const entry = SAMPLES.find((s) => s.file === file);
  if (!entry) throw new Error(`no sample ${file}`);
  return read(`samples/${file}`, entry.url);
};

describe('a real LinkedIn company page (Audiense, logged out)', () => {
  const { extract, facts } = read(
    'corpus/metascraper__linkedin-company-audiense.html',
    'https://uk.linkedin.com/company/audiense',
  );

  it('is a profile', () => expect(extract.pageRole).toBe('profile'));
  it('names the company without the " | LinkedIn" suffix', () => expect(facts.name?.value).toBe('Audiense'));
  it("gives the company's own domain, not linkedin.com", () =>
    expect(facts.domain?.value).toBe('audiense.com'));
  it('reads the About facts from the definition list', () => {
    expect(facts.industry).toMatchObject({ value: 'Advertising Services', source: 'adapter:linkedin' });
    expect(facts.employees?.value).toEqual({ min: 51, max: 200 });
    expect(facts.foundedYear?.value).toBe(2011);
    expect(facts.hqCity?.value).toBe('London');
    expect(facts.hqCountry?.value).toBe('GB');
  });
  it("keeps JSON-LD's member count as an alternative to the size band", () => {
    expect(facts.employees?.alternatives.map((a) => a.value)).toContainEqual({ min: 69, max: 69 });
  });
  it('gives the LinkedIn URL on its /company/ path', () =>
    expect(facts.linkedinUrl?.value).toBe('https://www.linkedin.com/company/audiense'));
  it('carries evidence for every fact', () => {
    for (const fact of Object.values(facts)) {
      expect(fact.snippet.length).toBeGreaterThan(0);
      expect(fact.confidence).toBeGreaterThan(0);
    }
  });
});

describe('pages that are not company profiles', () => {
  it('a real news article lends no facts to anyone', () => {
    const { extract, facts } = read(
      'corpus/metascraper__news-techcrunch-hackerrank.html',
      'https://techcrunch.com/2016/01/12/hackerrank-jobs-takes-the-mystery-out-of-technical-recruiting/',
    );
    expect(extract.pageRole).toBe('negative');
    expect(facts).toEqual({});
  });

  it('an article marked up as NewsArticle on an unknown site is recognised', () => {
    const { extract, facts } = sample('daily-ledger-news.html');
    expect(extract.pageRole).toBe('negative');
    expect(extract.pageRoleReason).toMatch(/News article/);
    expect(facts.employees).toBeUndefined();
  });

  it("a blog post on the company's own site is the company's site, not a profile", () => {
    const { extract, facts } = read(
      'corpus/metascraper__segment-blog-nsq.html',
      'https://segment.com/blog/scaling-nsq/',
    );
    expect(extract.pageRole).toBe('company-site');
    expect(facts.domain?.value).toBe('segment.com');
  });

  it('a page with no company data yields no facts and does not throw', () => {
    const doc = parseHtml('<html><body><p>Hello</p></body></html>', 'https://example.org/x');
    const extract = readPage(doc, 'https://example.org/x');
    expect(extract.candidates.filter((c) => c.field !== 'website')).toEqual([]);
  });
});

describe('sample pages', () => {
  it('reads the Lumenfold homepage from its JSON-LD graph', () => {
    const { facts } = sample('lumenfold-home.html');
    expect(facts).toMatchObject({
      name: { value: 'Lumenfold', source: 'jsonld' },
      legalName: { value: 'Lumenfold GmbH' },
      domain: { value: 'lumenfold.io' },
      hqCountry: { value: 'DE' },
      employees: { value: { min: 201, max: 500 } },
      foundedYear: { value: 2014 },
    });
  });

  it('normalises a German country name to its ISO code', () => {
    expect(sample('fernbridge-impressum.html').facts.hqCountry?.value).toBe('DE');
  });

  it('unwraps LinkedIn redirect links to the company website', () => {
    expect(sample('quarry-peak-linkedin.html').facts.domain?.value).toBe('quarrypeak.com');
  });
});

describe('LinkedIn size bands', () => {
  it.each([
    ['51-200 employees', { min: 51, max: 200 }],
    ['1,001-5,000 employees', { min: 1001, max: 5000 }],
    ['10,001+ employees', { min: 10001, max: null }],
    ['2-10 Mitarbeiter', { min: 2, max: 10 }],
  ])('parses "%s"', (text, band) => expect(parseSizeBand(text)).toEqual(band));

  it('rejects text without a band', () => expect(parseSizeBand('Self-employed')).toBeUndefined());
});
