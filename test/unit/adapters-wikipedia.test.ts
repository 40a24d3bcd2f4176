import { describe, expect, it } from 'vitest';
import { extractWikipedia, isWikipediaCompany, wikipediaCompanyType } from '@/lib/extract/adapters/wikipedia';
import { mergeCandidates } from '@/lib/extract/merge';
import { type FactCandidate, FactCandidateSchema } from '@/lib/extract/schema';
import { loadFixture, parseHtml } from '../helpers/dom';

const read = (fixture: string, url: string) => {
  const doc = loadFixture(fixture, url);
  const candidates = extractWikipedia(doc, new URL(url));
  return { doc, candidates, facts: mergeCandidates({ url, candidates }) };
};
const valuesOf = (candidates: FactCandidate[], field: FactCandidate['field']) =>
  candidates.filter((c) => c.field === field).map((c) => c.value);

/** A minimal article around one infobox, in the current markup. */
const article = (rows: Array<[string, string]>, infoboxClass = 'infobox vcard') =>
  parseHtml(
    `<html><head><title>Acme - Wikipedia</title></head><body><main>
      <h1 id="firstHeading" class="firstHeading"><span class="mw-page-title-main">Acme (company)</span></h1>
      <table class="${infoboxClass}"><caption class="infobox-title fn org">Acme</caption><tbody>
      ${rows.map(([th, td]) => `<tr><th scope="row" class="infobox-label">${th}</th><td class="infobox-data">${td}</td></tr>`).join('')}
      </tbody></table></main></body></html>`,
    'https://en.wikipedia.org/wiki/Acme_(company)',
  );
const extract = (doc: Document) => extractWikipedia(doc, new URL(doc.URL));

describe('a Wikipedia company article in 2016 markup (Mozilla, real page)', () => {
  const { doc, candidates, facts } = read(
    'corpus/readability__wikipedia-mozilla.html',
    'https://en.wikipedia.org/wiki/Mozilla',
  );

  it('is recognised as a company article', () => expect(isWikipediaCompany(doc)).toBe(true));
  it('names the company from the article heading', () => expect(facts.name?.value).toBe('Mozilla'));
  it('reads the industry as the page words it', () =>
    expect(facts.industry).toMatchObject({ value: 'Open-source software', source: 'adapter:wikipedia' }));
  it('reads the founding year from the full founding date', () =>
    expect(facts.foundedYear?.value).toBe(1998));
  it("takes the website row's link, which merges to the registrable domain", () =>
    expect(facts.domain?.value).toBe('mozilla.org'));
  it('does not read the 40,000 contributors in the text as employees', () =>
    expect(valuesOf(candidates, 'employees')).toEqual([]));
  it('states no headquarters, revenue or company type that the infobox lacks', () => {
    expect(facts.hqCity).toBeUndefined();
    expect(facts.hqCountry).toBeUndefined();
    expect(facts.revenue).toBeUndefined();
    expect(facts.companyType).toBeUndefined();
  });
});

describe('a Wikipedia company article in current markup (fictional Brightwater Instruments)', () => {
  const url = 'https://en.wikipedia.org/wiki/Brightwater_Instruments';
  const { doc, candidates, facts } = read('adapters/wikipedia-brightwater-instruments.html', url);

  it('is recognised as a company article', () => expect(isWikipediaCompany(doc)).toBe(true));
  it('names the company from the heading and keeps the infobox title as the legal name', () => {
    expect(facts.name?.value).toBe('Brightwater Instruments');
    expect(facts.legalName?.value).toBe('Brightwater Instruments N.V.');
  });
  it('joins a list of industries with commas, in the page wording', () =>
    expect(facts.industry?.value).toBe('Scientific instruments, Marine technology'));
  it('reads the founding year', () => expect(facts.foundedYear?.value).toBe(1987));
  it('splits the headquarters into city, region and country, without the footnote marker', () => {
    expect(facts.hqCity?.value).toBe('Eindhoven');
    expect(facts.hqRegion?.value).toBe('North Brabant');
    expect(facts.hqCountry?.value).toBe('NL');
  });
  it('reads a single employee figure as a one-point range, ignoring the year', () =>
    expect(facts.employees?.value).toEqual({ min: 4812, max: 4812 }));
  it('reads the revenue with its decimal and scale word as money', () =>
    expect(facts.revenue?.value).toEqual({ min: 1_245_000_000, max: 1_245_000_000, currency: 'EUR' }));
  it('reads "Company type: Public" as a public company, once', () =>
    expect(valuesOf(candidates, 'companyType')).toEqual(['public']));
  it("gives the company's website", () => expect(facts.domain?.value).toBe('brightwater-instruments.com'));
  it('never reads figures from the article text or the second (product) infobox', () => {
    expect(valuesOf(candidates, 'employees')).toEqual([{ min: 4812, max: 4812 }]);
    expect(valuesOf(candidates, 'foundedYear')).toEqual([1987]);
  });
  it('yields candidates that pass the schema the content script reports under', () => {
    for (const candidate of candidates) expect(FactCandidateSchema.safeParse(candidate).success).toBe(true);
  });
});

describe("a person's Wikipedia article (Bob Dylan, real page)", () => {
  const { doc, candidates } = read(
    'adapters/corpus/metascraper__wikipedia-bob-dylan.html',
    'https://en.wikipedia.org/wiki/Bob_Dylan',
  );

  it('is not a company article', () => expect(isWikipediaCompany(doc)).toBe(false));
  it('yields no facts, not even the website of the infobox', () => expect(candidates).toEqual([]));
});

describe('Wikipedia infobox variations', () => {
  it('drops a disambiguation from the heading', () =>
    expect(
      valuesOf(
        extract(
          article([
            ['Industry', 'Retail'],
            ['Founded', '1990'],
          ]),
        ),
        'name',
      ),
    ).toEqual(['Acme']));

  it('reads an infobox title with a legal suffix as the legal name, even when the heading is the same', () => {
    const doc = parseHtml(
      `<h1 id="firstHeading">Acme Inc.</h1><table class="infobox vcard"><caption>Acme Inc.</caption>
        <tr><th>Industry</th><td>Retail</td></tr><tr><th>Founded</th><td>1990</td></tr></table>`,
      'https://en.wikipedia.org/wiki/Acme_Inc.',
    );
    expect(valuesOf(extract(doc), 'legalName')).toEqual(['Acme Inc.']);
  });

  it('reads "Traded as" as a public company when there is no type row', () => {
    const doc = article([
      ['Industry', 'Retail'],
      ['Traded as', 'NYSE: ACME'],
    ]);
    expect(valuesOf(extract(doc), 'companyType')).toEqual(['public']);
  });

  it('splits a US headquarters written with "U.S."', () => {
    const candidates = extract(
      article([
        ['Industry', 'Software'],
        ['Headquarters', 'One Acme Way, Redmond, Washington, U.S.'],
      ]),
    );
    expect(valuesOf(candidates, 'hqCity')).toEqual(['Redmond']);
    expect(valuesOf(candidates, 'hqRegion')).toEqual(['Washington']);
    expect(valuesOf(candidates, 'hqCountry')).toEqual(['US']);
  });

  it('reads an employee band, and a year range in brackets is not one', () => {
    const band = extract(
      article([
        ['Industry', 'Retail'],
        ['Number of employees', 'c. 1,500–2,000 (2020)'],
      ]),
    );
    expect(valuesOf(band, 'employees')).toEqual([{ min: 1500, max: 2000 }]);
    const single = extract(
      article([
        ['Industry', 'Retail'],
        ['Number of employees', '5,000 (2019–2020)'],
      ]),
    );
    expect(valuesOf(single, 'employees')).toEqual([{ min: 5000, max: 5000 }]);
  });

  it('takes the first of several headquarters', () => {
    const doc = article([
      ['Industry', 'E-commerce'],
      ['Headquarters', 'Seattle, Washington, U.S. (HQ1)<br>Arlington, Virginia, U.S. (HQ2)'],
    ]);
    expect(valuesOf(extract(doc), 'hqCity')).toEqual(['Seattle']);
  });

  it('recognises the company infobox by its class even with few rows', () =>
    expect(isWikipediaCompany(article([['Founded', '2001']], 'infobox ib-company vcard'))).toBe(true));

  it('does not take a town for a company', () => {
    const town = article([
      ['Country', 'Netherlands'],
      ['Founded', '1232'],
      ['Population', '12,400'],
      ['Website', '<a class="external text" href="https://www.town.example">town.example</a>'],
    ]);
    expect(isWikipediaCompany(town)).toBe(false);
    expect(extract(town)).toEqual([]);
  });

  it('yields nothing on an article without an infobox', () =>
    expect(
      extract(parseHtml('<h1 id="firstHeading">Acme</h1><p>Text.</p>', 'https://en.wikipedia.org/wiki/Acme')),
    ).toEqual([]));
});

describe('Wikipedia company types', () => {
  it.each([
    ['Public', 'public'],
    ['Public company', 'public'],
    ['Privately held company', 'private'],
    ['Private', 'private'],
    ['Nonprofit organization', 'nonprofit'],
    ['Not-for-profit', 'nonprofit'],
    ['State-owned enterprise', 'government'],
    ['Public research university', 'educational'],
  ])('reads "%s" as %s', (text, type) => expect(wikipediaCompanyType(text)?.type).toBe(type));

  it('reads a subsidiary as private, with less confidence', () =>
    expect(wikipediaCompanyType('Subsidiary')).toEqual({ type: 'private', confidence: 0.6 }));

  it('leaves an unknown type unread', () => expect(wikipediaCompanyType('Web browser')).toBeUndefined());
});
