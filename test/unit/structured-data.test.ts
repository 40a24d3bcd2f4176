import { describe, expect, it } from 'vitest';
import { mergeCandidates } from '@/lib/extract/merge';
import type { FactCandidate } from '@/lib/extract/schema';
import { extractStructuredData } from '@/lib/extract/structured-data';
import { parseHtml } from '../helpers/dom';

const PAGE = new URL('https://www.acme.com/about');

function candidates(body: string, ownSite = true): FactCandidate[] {
  return extractStructuredData(parseHtml(`<html><body>${body}</body></html>`, PAGE.href), PAGE, ownSite);
}

/** The first candidate of each field: value and snippet. */
function read(json: object, ownSite = true): Record<string, { value: unknown; snippet: string }> {
  const out: Record<string, { value: unknown; snippet: string }> = {};
  const script = `<script type="application/ld+json">${JSON.stringify(json)}</script>`;
  for (const c of candidates(script, ownSite)) out[c.field] ??= { value: c.value, snippet: c.snippet };
  return out;
}

const org = (props: object) => ({
  '@context': 'https://schema.org',
  '@type': 'Organization',
  name: 'Acme',
  ...props,
});

describe('the organization reader', () => {
  it('collects sameAs links to social networks into one socialProfiles fact', () => {
    const found = candidates(
      `<script type="application/ld+json">${JSON.stringify(
        org({
          url: 'https://acme.com',
          sameAs: [
            'https://x.com/acme',
            'https://www.facebook.com/acme',
            'https://github.com/acme',
            'https://www.crunchbase.com/organization/acme',
            'https://de.wikipedia.org/wiki/Acme',
            'https://mstdn.social/@acme',
            'https://www.linkedin.com/company/acme',
            'https://acme.de',
          ],
        }),
      )}</script>`,
    );
    expect(found.filter((c) => c.field === 'socialProfiles')).toEqual([
      expect.objectContaining({
        value: [
          'https://x.com/acme',
          'https://www.facebook.com/acme',
          'https://github.com/acme',
          'https://www.crunchbase.com/organization/acme',
          'https://de.wikipedia.org/wiki/Acme',
          'https://mstdn.social/@acme',
        ],
      }),
    ]);
    expect(found.filter((c) => c.field === 'linkedinUrl').map((c) => c.value)).toEqual([
      'https://www.linkedin.com/company/acme',
    ]);
    expect(found.filter((c) => c.field === 'website').map((c) => c.value)).toEqual([
      'https://acme.com',
      'https://acme.de',
    ]);
  });

  it('writes evidence as a short line, not JSON', () => {
    const facts = read(
      org({ foundingDate: '2014-03-01', numberOfEmployees: { '@type': 'QuantitativeValue', value: 120 } }),
    );
    expect(facts.foundedYear).toEqual({ value: 2014, snippet: 'foundingDate: 2014-03-01' });
    expect(facts.employees?.snippet).toBe('numberOfEmployees: 120');
  });

  it('never takes a link for a name', () => {
    expect(read(org({ name: ['https://acme.com/', 'Acme'] })).name?.value).toBe('Acme');
    const link =
      '<div itemscope itemtype="https://schema.org/Organization"><a itemprop="name" href="/">Acme</a></div>';
    expect(candidates(link).filter((c) => c.field === 'name')).toEqual([]);
  });

  it('resolves a relative url against the page', () => {
    expect(read(org({ url: '/' })).website?.value).toBe('https://www.acme.com/');
  });

  it('reads a url given as an {"@id"} object', () => {
    expect(read(org({ url: { '@id': 'https://acme.com' } })).website?.value).toBe('https://acme.com');
  });

  it.each([
    [
      'a list of addresses',
      { address: [{ '@type': 'PostalAddress', addressLocality: 'Leeds', addressCountry: 'GB' }] },
    ],
    [
      'a location with an address',
      { location: { '@type': 'Place', address: { addressLocality: 'Leeds', addressCountry: 'GB' } } },
    ],
    [
      'a location that is an address',
      { location: { '@type': 'PostalAddress', addressLocality: 'Leeds', addressCountry: 'GB' } },
    ],
  ])('reads the headquarters from %s', (_, props) => {
    const facts = read(org(props));
    expect(facts.hqCity?.value).toBe('Leeds');
    expect(facts.hqCountry?.value).toBe('GB');
  });

  it.each([
    ['Musterstraße 1, 10115 Berlin, Germany', 'Berlin', '', 'Germany'],
    ['1600 Amphitheatre Parkway, Mountain View, CA 94043, USA', 'Mountain View', 'CA', 'USA'],
    ['10 Downing Street, London SW1A 2AA, United Kingdom', 'London', '', 'United Kingdom'],
  ])('reads city, region and country from the one-line address "%s"', (address, city, region, country) => {
    const facts = read(org({ address }));
    expect(facts.hqCity?.value).toBe(city);
    expect(facts.hqRegion?.value).toBe(region || undefined);
    expect(facts.hqCountry?.value).toBe(country);
    expect(facts.hqCity?.snippet).toBe(`address: ${address}`);
  });

  it('reads nothing from a one-line address without a postcode', () => {
    expect(read(org({ address: '1600 Amphitheatre Parkway, Springfield' })).hqCity).toBeUndefined();
  });

  it.each([
    ['an ISO date', '2014-03-01', 2014],
    ['a year', '2014', 2014],
    ['a number', 2014, 2014],
    ['a typed value', { '@type': 'Date', '@value': '2014-03' }, 2014],
    ['a list', ['2014', '2015'], 2014],
  ])('reads the founding year from %s', (_, foundingDate, year) => {
    expect(read(org({ foundingDate })).foundedYear?.value).toBe(year);
  });

  it.each([
    ['a number', 250, { min: 250, max: 250 }],
    ['a string', '1,200', { min: 1200, max: 1200 }],
    ['a band', '51-200', { min: 51, max: 200 }],
    ['an open band', '10,001+', { min: 10001, max: null }],
    [
      'a QuantitativeValue range',
      { '@type': 'QuantitativeValue', minValue: '11', maxValue: '50' },
      { min: 11, max: 50 },
    ],
    ['a QuantitativeValue with a value', { '@type': 'QuantitativeValue', value: 42 }, { min: 42, max: 42 }],
    [
      'a QuantitativeValue with a lower bound only',
      { '@type': 'QuantitativeValue', minValue: 500 },
      { min: 500, max: null },
    ],
    [
      'a QuantitativeValue with an upper bound only',
      { '@type': 'QuantitativeValue', maxValue: 10 },
      { min: 1, max: 10 },
    ],
  ])('reads the employee count from %s', (_, numberOfEmployees, range) => {
    expect(read(org({ numberOfEmployees })).employees?.value).toEqual(range);
  });

  it('recognises organization subtypes the type pattern cannot guess, and additionalType', () => {
    expect(read({ '@type': 'Pharmacy', name: 'Acme Pharmacy' }).name?.value).toBe('Acme Pharmacy');
    expect(
      read({ '@type': 'Place', additionalType: 'https://schema.org/Winery', name: 'Acme Wines' }).name?.value,
    ).toBe('Acme Wines');
  });

  it('does not take an organization below a related entity, such as the seller of an offer', () => {
    expect(
      read({
        '@type': 'Product',
        name: 'Widget',
        offers: { '@type': 'Offer', offeredBy: { '@type': 'Corporation', name: 'Shop Co' } },
      }),
    ).toEqual({});
  });

  it("does not take a flattened graph's organization that is only referenced as a seller", () => {
    const graph = {
      '@graph': [
        { '@type': 'Organization', '@id': '#shop', name: 'Shop Co' },
        { '@type': 'Product', offers: { '@type': 'Offer', seller: { '@id': '#shop' } } },
      ],
    };
    expect(read(graph)).toEqual({});
  });

  it("takes a flattened graph's publisher on the company's own site but not on a platform", () => {
    const graph = {
      '@graph': [
        { '@type': 'WebSite', publisher: { '@id': '#org' } },
        { '@type': 'Organization', '@id': '#org', name: 'Acme' },
      ],
    };
    expect(read(graph, true).name?.value).toBe('Acme');
    expect(read(graph, false)).toEqual({});
  });

  it('takes the first of two equally placed organizations', () => {
    const list = {
      '@type': 'WebPage',
      mentions: [
        { '@type': 'Winery', name: 'First' },
        { '@type': 'Winery', name: 'Second' },
      ],
    };
    expect(read(list).name?.value).toBe('First');
  });
});

describe('extractStructuredData', () => {
  const page = `
    <script type="application/ld+json">{"@type":"Organization","name":"Acme JSON","foundingDate":"2010"}</script>
    <div itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Acme Microdata</span></div>
    <div vocab="https://schema.org/" typeof="Organization"><span property="name">Acme RDFa</span></div>`;

  it('reads every encoding on the page, each under its own source', () => {
    const names = candidates(page)
      .filter((c) => c.field === 'name')
      .map((c) => [c.source, c.value]);
    expect(names).toEqual([
      ['jsonld', 'Acme JSON'],
      ['microdata', 'Acme Microdata'],
      ['rdfa', 'Acme RDFa'],
    ]);
  });

  it('lets the merge prefer JSON-LD on a tie and keep the other encodings as alternatives', () => {
    const facts = mergeCandidates({ url: PAGE.href, candidates: candidates(page) });
    expect(facts.name?.source).toBe('jsonld');
    expect(facts.name?.alternatives.map((a) => a.source)).toEqual(['microdata', 'rdfa']);
  });

  it('reuses JSON-LD the caller has already parsed', () => {
    const doc = parseHtml('<html><body></body></html>', PAGE.href);
    const found = extractStructuredData(doc, PAGE, true, [{ '@type': 'Organization', name: 'Given' }]);
    expect(found.map((c) => c.value)).toEqual(['Given']);
  });

  it('finds nothing on a page without structured data', () => {
    expect(candidates('<h1>Acme</h1><p>We make things.</p>')).toEqual([]);
  });
});
