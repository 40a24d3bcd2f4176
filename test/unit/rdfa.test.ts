import { describe, expect, it } from 'vitest';
import { readRdfa } from '@/lib/extract/rdfa';
import { extractStructuredData } from '@/lib/extract/structured-data';
import { parseHtml } from '../helpers/dom';

const PAGE = new URL('https://www.acme.com/blog/post');

const doc = (body: string, head = '') =>
  parseHtml(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, PAGE.href);

/** The first RDFa candidate of each field. */
function facts(body: string, ownSite = true): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of extractStructuredData(doc(body), PAGE, ownSite)) {
    expect(c.source).toBe('rdfa');
    out[c.field] ??= c.value;
  }
  return out;
}

/** How deeply objects nest inside a value. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

const ARTICLE = `
  <article vocab="https://schema.org/" typeof="BlogPosting">
    <h1 property="headline">We raised a round</h1>
    <div property="author" typeof="Organization"><span property="name">Ghostwriters Ltd</span></div>
    <footer property="publisher" typeof="Organization">
      <a property="url" href="/"><span property="name">Acme</span></a>
      <meta property="foundingDate" content="2014-03-01">
      <div property="address" typeof="PostalAddress">
        <span property="addressLocality">Leeds</span>, <span property="addressCountry">GB</span>
      </div>
    </footer>
  </article>`;

describe('RDFa', () => {
  it('turns typed resources into JSON-LD-shaped nodes, nested resources as property values', () => {
    expect(readRdfa(doc(ARTICLE))).toEqual([
      {
        '@type': 'BlogPosting',
        headline: 'We raised a round',
        author: { '@type': 'Organization', name: 'Ghostwriters Ltd' },
        publisher: {
          '@type': 'Organization',
          url: 'https://www.acme.com/',
          name: 'Acme',
          foundingDate: '2014-03-01',
          address: { '@type': 'PostalAddress', addressLocality: 'Leeds', addressCountry: 'GB' },
        },
      },
    ]);
  });

  it("reads the organization that publishes an article on the company's own site, but not on a platform", () => {
    expect(facts(ARTICLE)).toEqual({
      name: 'Acme',
      website: 'https://www.acme.com/',
      hqCity: 'Leeds',
      hqCountry: 'GB',
      foundedYear: 2014,
    });
    expect(facts(ARTICLE, false)).toEqual({});
  });

  it('reads content, resource, href, src and datetime before the text', () => {
    const [org] = readRdfa(
      doc(`<div vocab="https://schema.org/" typeof="Organization">
        <span property="legalName" content="Acme GmbH">Acme</span>
        <span property="sameAs" resource="https://x.com/acme">@acme</span>
        <img property="logo" src="/logo.png" alt="">
        <time property="foundingDate" datetime="2014-03-01">March 2014</time>
        <span property="name">Acme</span>
      </div>`),
    );
    expect(org).toEqual({
      '@type': 'Organization',
      legalName: 'Acme GmbH',
      sameAs: 'https://x.com/acme',
      logo: 'https://www.acme.com/logo.png',
      foundingDate: '2014-03-01',
      name: 'Acme',
    });
  });

  it('resolves schema: CURIEs, declared prefixes and full IRIs, and drops other vocabularies', () => {
    const [org] = readRdfa(
      doc(
        `<div prefix="s: https://schema.org/" typeof="schema:Corporation">
          <span property="schema:name">Acme</span>
          <span property="s:legalName">Acme Inc.</span>
          <span property="http://schema.org/tickerSymbol">ACME</span>
          <span property="dc:title og:title">Acme home</span>
          <span property="name">no vocabulary, no term</span>
        </div>`,
        '<meta property="og:title" content="Acme">',
      ),
    );
    expect(org).toEqual({
      '@type': 'Corporation',
      name: 'Acme',
      legalName: 'Acme Inc.',
      tickerSymbol: 'ACME',
    });
  });

  it('reads properties outside any resource as the page, keeping a publisher recognisable', () => {
    const page = `<body vocab="https://schema.org/">
      <div property="publisher" typeof="Organization"><span property="name">Acme</span></div></body>`;
    expect(readRdfa(doc(page))).toEqual([{ publisher: { '@type': 'Organization', name: 'Acme' } }]);
    expect(facts(page, true)).toEqual({ name: 'Acme' });
    expect(facts(page, false)).toEqual({});
  });

  it('follows a resource reference to the node that describes it', () => {
    const page = `<div vocab="https://schema.org/">
      <div typeof="Organization" resource="#org">
        <span property="name">Acme</span><link property="address" href="#hq">
      </div>
      <div typeof="PostalAddress" resource="#hq"><span property="addressLocality">Leeds</span></div>
    </div>`;
    expect(facts(page)).toMatchObject({ name: 'Acme', hqCity: 'Leeds' });
  });

  it('reads rel links, hanging rels over typed children and rdf:type', () => {
    const [place] = readRdfa(
      doc(`<div vocab="https://schema.org/" typeof="Place">
        <div rel="rdf:type" resource="https://schema.org/Winery"></div>
        <span property="name">Acme Wines</span>
        <div rel="sameAs" resource="https://www.facebook.com/acmewines"></div>
        <div rel="address"><div typeof="PostalAddress"><span property="addressLocality">Peñafiel</span></div></div>
      </div>`),
    );
    expect(place).toEqual({
      '@type': ['Place', 'Winery'],
      name: 'Acme Wines',
      sameAs: 'https://www.facebook.com/acmewines',
      address: { '@type': 'PostalAddress', addressLocality: 'Peñafiel' },
    });
  });

  it('copies the properties of an rdfa:Pattern into the resources that name it', () => {
    const page = `<body vocab="https://schema.org/">
      <p typeof="Organization" resource="#org"><span property="name">Acme</span>
        <link property="rdfa:copy" href="#links"></p>
      <ul typeof="rdfa:Pattern" resource="#links">
        <li><a property="sameAs" href="https://x.com/acme">X</a></li>
        <li><a property="sameAs" href="https://github.com/acme">GitHub</a></li>
      </ul></body>`;
    expect(readRdfa(doc(page))).toEqual([
      {
        '@type': 'Organization',
        '@id': 'https://www.acme.com/blog/post#org',
        name: 'Acme',
        sameAs: ['https://x.com/acme', 'https://github.com/acme'],
      },
    ]);
    expect(facts(page).socialProfiles).toEqual(['https://x.com/acme', 'https://github.com/acme']);
  });

  it('leaves HTML rel links outside a vocabulary alone', () => {
    const page = doc('<a rel="author nofollow" href="/me">me</a>', '<link rel="stylesheet" href="/s.css">');
    expect(readRdfa(page)).toEqual([]);
  });

  it('stays bounded on a page with thousands of resources, a thousand of them nested in each other', () => {
    let nested = '<span property="name">Deep</span>';
    for (let i = 0; i < 1000; i++)
      nested = `<div property="subOrganization" typeof="Organization">${nested}</div>`;
    const many = '<div typeof="Thing"><span property="name">x</span></div>'.repeat(2000);
    const page = doc(
      `<div vocab="https://schema.org/"><div typeof="Organization"><span property="name">Top</span>${nested}</div>${many}</div>`,
    );
    const nodes = readRdfa(page);
    expect(nodes.length).toBeLessThanOrEqual(500);
    expect(depthOf(nodes)).toBeLessThanOrEqual(12);
    expect(extractStructuredData(page, PAGE, true).find((c) => c.field === 'name')?.value).toBe('Top');
  });

  it('reads at most a few thousand characters of a huge property', () => {
    const page = doc(
      `<div vocab="https://schema.org/" typeof="Organization"><div property="description">${'<p>word </p>'.repeat(10_000)}</div></div>`,
    );
    const [org] = readRdfa(page);
    expect(String(org?.description).length).toBeLessThanOrEqual(4000);
  });
});
