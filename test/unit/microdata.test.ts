import { describe, expect, it } from 'vitest';
import { readMicrodata } from '@/lib/extract/microdata';
import { extractStructuredData } from '@/lib/extract/structured-data';
import { parseHtml } from '../helpers/dom';

const PAGE = new URL('https://www.acme.com/blog/post');

const doc = (body: string) => parseHtml(`<!doctype html><html><body>${body}</body></html>`, PAGE.href);

/** How deeply objects nest inside a value. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

/** The first microdata candidate of each field. */
function facts(body: string, ownSite = true): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of extractStructuredData(doc(body), PAGE, ownSite)) {
    expect(c.source).toBe('microdata');
    out[c.field] ??= c.value;
  }
  return out;
}

const ARTICLE = `
  <article itemscope itemtype="https://schema.org/Article">
    <h1 itemprop="headline">We raised a round</h1>
    <div itemprop="author" itemscope itemtype="https://schema.org/Organization">
      <span itemprop="name">Ghostwriters Ltd</span>
    </div>
    <footer itemprop="publisher" itemscope itemtype="https://schema.org/Organization">
      <a itemprop="url" href="/"><span itemprop="name">Acme</span></a>
      <meta itemprop="foundingDate" content="2014-03-01">
      <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
        <span itemprop="addressLocality">Leeds</span>, <span itemprop="addressCountry">GB</span>
      </div>
    </footer>
  </article>`;

describe('microdata', () => {
  it('turns items into JSON-LD-shaped nodes, nested items as property values', () => {
    const [article] = readMicrodata(doc(ARTICLE));
    expect(article).toMatchObject({
      '@type': 'Article',
      headline: 'We raised a round',
      publisher: {
        '@type': 'Organization',
        url: 'https://www.acme.com/',
        foundingDate: '2014-03-01',
        address: { '@type': 'PostalAddress', addressLocality: 'Leeds', addressCountry: 'GB' },
      },
    });
  });

  it("reads the organization that publishes an article on the company's own site", () => {
    expect(facts(ARTICLE)).toEqual({
      name: 'Acme',
      website: 'https://www.acme.com/',
      hqCity: 'Leeds',
      hqCountry: 'GB',
      foundedYear: 2014,
    });
  });

  it("takes neither the article's author nor, on a platform, its publisher", () => {
    expect(facts(ARTICLE, false)).toEqual({});
  });

  it('reads each element kind as the microdata spec says', () => {
    const [item] = readMicrodata(
      doc(`<div itemscope itemtype="https://schema.org/Organization">
        <meta itemprop="legalName" content="Acme GmbH">
        <link itemprop="sameAs" href="https://x.com/acme">
        <a itemprop="url" href="../">Home</a>
        <img itemprop="logo" src="/logo.png" alt="">
        <time itemprop="foundingDate" datetime="2014-03-01">March 2014</time>
        <data itemprop="numberOfEmployees" value="120">about a hundred</data>
        <span itemprop="telephone" content="+49301234">030 1234</span>
        <p itemprop="description">  We make
          <b>things</b>. </p>
      </div>`),
    );
    expect(item).toEqual({
      '@type': 'Organization',
      legalName: 'Acme GmbH',
      sameAs: 'https://x.com/acme',
      url: 'https://www.acme.com/',
      logo: 'https://www.acme.com/logo.png',
      foundingDate: '2014-03-01',
      numberOfEmployees: '120',
      telephone: '+49301234',
      description: expect.stringMatching(/^\s+We make\s+things\. $/),
    });
  });

  it('collects repeated properties into a list and keeps itemid as @id', () => {
    const [item] = readMicrodata(
      doc(`<div itemscope itemtype="https://schema.org/Organization" itemid="https://acme.com/#org">
        <link itemprop="sameAs" href="https://x.com/acme"><link itemprop="sameAs" href="https://github.com/acme">
      </div>`),
    );
    expect(item).toEqual({
      '@type': 'Organization',
      '@id': 'https://acme.com/#org',
      sameAs: ['https://x.com/acme', 'https://github.com/acme'],
    });
  });

  it('follows itemref to properties outside the item, in document order', () => {
    const page = `
      <p id="founded">Founded <time itemprop="foundingDate" datetime="1999">1999</time></p>
      <div itemscope itemtype="https://schema.org/Organization" itemref="founded staff">
        <span itemprop="name">Acme</span>
      </div>
      <p id="staff"><span itemprop="numberOfEmployees">51-200</span> people</p>`;
    expect(readMicrodata(doc(page))).toEqual([
      { '@type': 'Organization', foundingDate: '1999', name: 'Acme', numberOfEmployees: '51-200' },
    ]);
    expect(facts(page)).toMatchObject({ name: 'Acme', foundedYear: 1999, employees: { min: 51, max: 200 } });
  });

  it('survives an itemref cycle', () => {
    const page = `
      <div id="a" itemscope itemtype="https://schema.org/Organization" itemref="b"><span itemprop="name">A</span></div>
      <div id="b" itemprop="subOrganization" itemscope itemtype="https://schema.org/Organization" itemref="a">
        <span itemprop="name">B</span>
      </div>`;
    expect(() => JSON.stringify(readMicrodata(doc(page)))).not.toThrow();
    expect(facts(page).name).toBe('A');
  });

  it('keeps an item marked as a property of nothing under its property name', () => {
    const page = `<div itemprop="publisher" itemscope itemtype="https://schema.org/Organization">
      <span itemprop="name">Acme</span></div>`;
    expect(readMicrodata(doc(page))).toEqual([{ publisher: { '@type': 'Organization', name: 'Acme' } }]);
    expect(facts(page, false)).toEqual({});
  });

  it('ignores property names that are not names', () => {
    const [item] = readMicrodata(
      doc(`<div itemscope itemtype="https://schema.org/Organization">
        <span itemprop="__proto__">x</span><span itemprop="@type">Person</span><span itemprop="name">Acme</span>
      </div>`),
    );
    expect(item).toEqual({ '@type': 'Organization', name: 'Acme' });
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
  });

  it('stays bounded on a page with thousands of items, a thousand of them nested in each other', () => {
    let nested = '<span itemprop="name">Deep</span>';
    for (let i = 0; i < 1000; i++)
      nested = `<div itemprop="subOrganization" itemscope itemtype="https://schema.org/Organization">${nested}</div>`;
    const many =
      '<div itemscope itemtype="https://schema.org/Thing"><span itemprop="name">x</span></div>'.repeat(2000);
    const page = doc(
      `<div itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Top</span>${nested}</div>${many}`,
    );
    const items = readMicrodata(page);
    expect(items.length).toBeLessThanOrEqual(500);
    expect(depthOf(items)).toBeLessThanOrEqual(12);
    expect(extractStructuredData(page, PAGE, true).find((c) => c.field === 'name')?.value).toBe('Top');
  });

  it('reads at most a few thousand characters of a huge property', () => {
    const page = doc(
      `<div itemscope itemtype="https://schema.org/Organization"><div itemprop="description">${'<p>word </p>'.repeat(10_000)}</div></div>`,
    );
    const [item] = readMicrodata(page);
    expect(String(item?.description).length).toBeLessThanOrEqual(4000);
  });
});
