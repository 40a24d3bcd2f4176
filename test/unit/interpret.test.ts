/**
 * The two halves of a page's extraction: what the content script gathers (`readPageInputs`, page.ts, plus the
 * markup trees of markup.ts) and what the background reads out of it (`interpretPage`, interpret.ts), on real
 * corpus pages and on small pages written for the edge cases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readersFor } from '@/lib/extract/all-readers';
import { mayShowCompany } from '@/lib/extract/gate';
import { interpretPage } from '@/lib/extract/interpret';
import { plainTrees, readMarkup } from '@/lib/extract/markup';
import { MAX_JSONLD_CHARS, MAX_SCRIPT_CHARS, readMetaTags, readPageInputs } from '@/lib/extract/page';
import { readRdfa } from '@/lib/extract/rdfa';
import { type FactCandidate, type PageInputs, PageInputsSchema } from '@/lib/extract/schema';
import { extractStructuredData } from '@/lib/extract/structured-data';
import { MAX_VISIBLE_CHARS, ownSiteTextOf } from '@/lib/extract/text-visible';
import { MAX_TREE_DEPTH, MAX_TREE_VALUES } from '@/lib/extract/tree-limits';
import { fixturePath, loadFixture, pageInputs, parseHtml } from '../helpers/dom';

const CORPUS: Array<{ file: string; url: string }> = readFileSync(fixturePath('corpus/pages.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));

function corpusPage(name: string) {
  const entry = CORPUS.find((p) => p.file.includes(name));
  if (!entry) throw new Error(`no corpus page ${name}`);
  const inputs = pageInputs(loadFixture(`corpus/${entry.file}`, entry.url), entry.url);
  return { inputs, extract: interpretPage(inputs) };
}

const candidate = (candidates: FactCandidate[], field: string, source: string) =>
  candidates.find((c) => c.field === field && c.source === source);

/** The inputs of a small page, read with the readers its host gets. */
function inputsOf(html: string, url: string): PageInputs {
  return readPageInputs(parseHtml(html, url), url, readersFor(new URL(url).hostname));
}

describe('what a content script sends (readPageInputs)', () => {
  it('keeps the JSON-LD as the scripts’ text, unparsed', () => {
    const { inputs } = corpusPage('caktusgroup');
    expect(inputs.jsonLd).toHaveLength(1);
    expect(typeof inputs.jsonLd[0]).toBe('string');
    expect(inputs.jsonLd[0]).toContain('"Caktus Group"');
  });

  it('keeps at most MAX_JSONLD_CHARS of JSON-LD in all, so a page cannot make its report too large to send', () => {
    const script = `<script type="application/ld+json">${'x'.repeat(MAX_SCRIPT_CHARS)}</script>`;
    const url = 'https://www.acme.example/';
    const { jsonLd } = inputsOf(`<html><head>${script.repeat(8)}</head><body><p>Hi</p></body></html>`, url);
    expect(jsonLd.join('')).toHaveLength(MAX_JSONLD_CHARS);
    expect(jsonLd.every((text) => text.length <= MAX_SCRIPT_CHARS)).toBe(true);
  });

  it('sends only the meta tags the background reads: the first of each, by property or name, in any case', () => {
    const doc = parseHtml(
      `<head><meta name="generator" content="WordPress"><meta NAME="Description" content="First">
       <meta property="description" content="Second"><meta property="OG:Site_Name" content="Acme">
       <meta name="keywords"></head>`,
      'https://acme.com/',
    );
    expect(readMetaTags(doc)).toEqual({ description: 'First', 'og:site_name': 'Acme', keywords: '' });
  });

  it('reads no body on a page its address shows to be about others (a news site), but still its head', () => {
    const { inputs } = corpusPage('news-techcrunch');
    expect(inputs.body).toBeUndefined();
    expect(inputs.jsonLd.length).toBeGreaterThan(0);
    expect(inputs.meta['og:type']).toBe('article');
  });

  it('sends the LinkedIn adapter’s verdict and facts on a company page', () => {
    const { inputs } = corpusPage('linkedin-company-audiense');
    expect(inputs.profile).toBe(true);
    expect(inputs.body?.candidates.length).toBeGreaterThan(0);
    expect(inputs.body?.candidates.every((c) => c.source === 'adapter:linkedin')).toBe(true);
    expect(inputs.body?.ownSiteText).toBeUndefined();
  });

  it('sends a company site’s profile links and visible text, and no adapter verdict', () => {
    const { inputs } = corpusPage('caktusgroup');
    expect(inputs.profile).toBeUndefined();
    expect(inputs.body?.candidates.map((c) => c.field)).toContain('linkedinUrl');
    expect(inputs.body?.ownSiteText?.lines?.some((l) => l.region && /Durham/.test(l.text))).toBe(true);
  });

  it('fits the message schema after a trip through JSON, and reads the same there, on every corpus page', () => {
    for (const { file, url } of CORPUS) {
      const inputs = readPageInputs(
        loadFixture(`corpus/${file}`, url),
        url,
        readersFor(new URL(url).hostname),
      );
      const checked = PageInputsSchema.safeParse(JSON.parse(JSON.stringify(inputs)));
      expect(checked.success ? [] : checked.error.issues.slice(0, 3), file).toEqual([]);
      if (checked.success) expect(interpretPage(checked.data), file).toEqual(interpretPage(inputs));
    }
  });
});

describe('what the background reads from them (interpretPage)', () => {
  it('reads the organization out of the JSON-LD text, with its evidence', () => {
    const { extract } = corpusPage('caktusgroup');
    expect(candidate(extract.candidates, 'name', 'jsonld')).toEqual({
      field: 'name',
      value: 'Caktus Group',
      source: 'jsonld',
      snippet: 'name: Caktus Group',
      confidence: 0.9,
    });
    expect(extract.pageRole).toBe('company-site');
  });

  it('reads a LinkedIn page’s JSON-LD address and member count beside the adapter’s facts and the title', () => {
    const { extract } = corpusPage('linkedin-company-audiense');
    expect(extract).toMatchObject({ pageRole: 'profile', pageRoleReason: 'LinkedIn company page' });
    expect(candidate(extract.candidates, 'hqCity', 'jsonld')).toMatchObject({
      value: 'London',
      snippet: 'addressLocality: London',
      confidence: 0.85,
    });
    expect(candidate(extract.candidates, 'employees', 'jsonld')).toMatchObject({
      value: { min: 69, max: 69 },
      snippet: 'numberOfEmployees: 69',
    });
    expect(candidate(extract.candidates, 'name', 'title')).toMatchObject({
      value: 'Audiense',
      confidence: 0.75,
    });
    expect(candidate(extract.candidates, 'industry', 'adapter:linkedin')?.value).toBe('Advertising Services');
  });

  it('reads the site name from og:site_name and a German site’s JSON-LD among several scripts', () => {
    const { extract } = corpusPage('von-der-see');
    expect(candidate(extract.candidates, 'name', 'meta')).toMatchObject({
      value: 'VON DER SEE',
      snippet: 'og:site_name: VON DER SEE',
    });
    expect(candidate(extract.candidates, 'name', 'jsonld')?.value).toBe('VON DER SEE Werbeagentur');
    const lavazza = corpusPage('lavazza').extract;
    expect(candidate(lavazza.candidates, 'name', 'jsonld')?.value).toBe('Lavazza DE');
  });

  it('claims nothing for a news site’s page, and says why', () => {
    const { extract } = corpusPage('news-techcrunch');
    expect(extract).toMatchObject({
      pageRole: 'negative',
      pageRoleReason: 'A news site: its pages are about other companies',
      candidates: [],
    });
  });

  it('drops what an unlisted site’s news article sent: its JSON-LD shows it is about others', () => {
    const url = 'https://valley-biz.example/2024/01/acme-raises';
    const inputs = inputsOf(
      `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Acme raises",
       "about":{"@type":"Organization","name":"Acme","foundingDate":"2015"}}</script></head>
       <body><p>Acme, founded in 2015, employs 200 people.</p></body></html>`,
      url,
    );
    // The page cannot tell without parsing, so it read the body; the background drops it.
    expect(inputs.body).toBeDefined();
    const extract = interpretPage(inputs);
    expect(extract).toMatchObject({ pageRole: 'negative', candidates: [] });
    expect(extract.ownSiteText).toBeUndefined();
  });
});

describe('the markup trees a page sends', () => {
  it('converts no RDFa when none of it can be typed: a vocab with only untyped properties', () => {
    const doc = parseHtml(
      `<html><head><meta property="og:type" content="website"><meta property="og:title" content="Acme"></head>
       <body><div vocab="https://schema.org/"><span property="name">Acme</span></div></body></html>`,
      'https://acme.com/',
    );
    // The converter would find an untyped node, which can never be the organization.
    expect(readRdfa(doc)).toEqual([{ name: 'Acme' }]);
    expect(readMarkup(doc).rdfa).toEqual([]);
    expect(extractStructuredData(doc, new URL('https://acme.com/'), true)).toEqual([]);
  });

  it('still converts RDFa when a prefix maps og: to schema.org, so og:type types a node', () => {
    const doc = parseHtml(
      `<html prefix="og: http://schema.org/"><head><meta property="og:type" content="Organization">
       <meta property="og:name" content="Remapped Inc"></head><body></body></html>`,
      'https://remapped.example/',
    );
    const found = extractStructuredData(doc, new URL('https://remapped.example/'), true);
    expect(found).toContainEqual(
      expect.objectContaining({ field: 'name', value: 'Remapped Inc', source: 'rdfa' }),
    );
  });

  it('copies a node that two properties share into each place', () => {
    const address = { '@type': 'PostalAddress', addressLocality: 'Berlin' };
    const [copy] = plainTrees([{ '@type': 'Organization', address, location: { address } }]);
    expect(copy).toEqual({
      '@type': 'Organization',
      address: { '@type': 'PostalAddress', addressLocality: 'Berlin' },
      location: { address: { '@type': 'PostalAddress', addressLocality: 'Berlin' } },
    });
    expect(copy?.address).not.toBe(address);
  });

  it('cuts a cycle (RDFa property copying can make one) at the depth cap, and the message schema accepts it', () => {
    const node: Record<string, unknown> = { '@type': 'Organization', name: 'Loop' };
    node.member = node;
    const trees = plainTrees([node]);
    let depth = 0;
    for (let n: unknown = trees[0]; n && typeof n === 'object'; n = (n as Record<string, unknown>).member)
      depth++;
    expect(depth).toBeGreaterThan(5);
    expect(depth).toBeLessThanOrEqual(MAX_TREE_DEPTH);
    expect(() => JSON.stringify(trees)).not.toThrow();
    const inputs = { url: 'https://loop.example/', title: '', jsonLd: [], meta: {}, ms: 1 };
    const body = { microdata: trees, rdfa: [], candidates: [] };
    expect(PageInputsSchema.safeParse({ ...inputs, body }).success).toBe(true);
  });

  it('stops copying at the value budget', () => {
    const many = Array.from({ length: MAX_TREE_VALUES }, (_, i) => ({ '@type': 'Thing', name: `n${i}` }));
    const copied = plainTrees(many);
    expect(copied.length).toBeLessThan(many.length);
    expect(copied.length).toBeGreaterThan(MAX_TREE_VALUES / 4);
  });
});

describe('the message schema for page inputs', () => {
  const base = { url: 'https://acme.com/', title: 'Acme', jsonLd: [], meta: {}, ms: 2 };
  const withTrees = (microdata: unknown) => ({ ...base, body: { microdata, rdfa: [], candidates: [] } });

  it('refuses trees nested deeper than the cap', () => {
    let deep: Record<string, unknown> = { name: 'bottom' };
    for (let i = 0; i < MAX_TREE_DEPTH + 5; i++) deep = { child: deep };
    expect(PageInputsSchema.safeParse(withTrees([deep])).success).toBe(false);
  });

  it('refuses trees with more values than the cap', () => {
    const wide = { list: Array.from({ length: MAX_TREE_VALUES + 1 }, (_, i) => i) };
    expect(PageInputsSchema.safeParse(withTrees([wide])).success).toBe(false);
  });

  it('refuses meta tags it does not know and more JSON-LD scripts than a page may send', () => {
    expect(PageInputsSchema.safeParse({ ...base, meta: { 'og:image': 'x' } }).success).toBe(false);
    expect(PageInputsSchema.safeParse({ ...base, jsonLd: Array(41).fill('{}') }).success).toBe(false);
  });
});

describe('the rendered text a browser page sends (ownSiteTextOf, in the background)', () => {
  const head = { siteName: 'Acme', title: 'Acme GmbH', lang: 'de' };

  it('splits it into lines, whitespace collapsed, and marks the lines of its region blocks', () => {
    const text = ownSiteTextOf({
      ...head,
      rendered: {
        text: 'Acme GmbH\n\n  Produkte \t und  Preise \nImpressum\nMusterstraße 1,\u00a010115 Berlin\n',
        regions: ['Impressum\nMusterstraße 1, 10115 Berlin'],
      },
    });
    expect(text).toEqual({
      ...head,
      lines: [
        { text: 'Acme GmbH', region: false },
        { text: 'Produkte und Preise', region: false },
        { text: 'Impressum', region: true },
        { text: 'Musterstraße 1, 10115 Berlin', region: true },
      ],
    });
  });

  it('keeps to the readers’ text budget', () => {
    const line = 'x'.repeat(999);
    const text = ownSiteTextOf({
      ...head,
      rendered: { text: Array(1000).fill(line).join('\n'), regions: [] },
    });
    const kept = text.lines.reduce((n, l) => n + l.text.length + 1, 0);
    expect(kept).toBeGreaterThan(MAX_VISIBLE_CHARS);
    expect(kept).toBeLessThanOrEqual(MAX_VISIBLE_CHARS + 1000);
  });

  it('takes the lines a page without layout sent as they are', () => {
    const lines = [{ text: 'Acme GmbH', region: true }];
    expect(ownSiteTextOf({ ...head, lines })).toEqual({ ...head, lines });
  });
});

describe('which pages the content script reads in full (mayShowCompany)', () => {
  const at = (url: string) => new URL(url);

  it('skips news, search, social and code platforms', () => {
    for (const url of [
      'https://techcrunch.com/2024/01/01/x',
      'https://www.google.com/search?q=acme',
      'https://github.com/acme/repo',
      'https://www.youtube.com/@acme',
    ]) {
      expect(mayShowCompany(at(url), undefined), url).toBe(false);
    }
  });

  it('follows the adapter on platforms that have one', () => {
    expect(mayShowCompany(at('https://www.linkedin.com/company/acme'), true)).toBe(true);
    expect(mayShowCompany(at('https://www.linkedin.com/feed/'), false)).toBe(false);
    expect(mayShowCompany(at('https://en.wikipedia.org/wiki/Acme'), undefined)).toBe(false);
  });

  it('reads a company site’s pages, but not its search results', () => {
    expect(mayShowCompany(at('https://acme.com/about'), undefined)).toBe(true);
    expect(mayShowCompany(at('https://acme.com/blog/launch'), undefined)).toBe(true);
    expect(mayShowCompany(at('https://acme.com/search?q=pricing'), undefined)).toBe(false);
    // An about page reached with a query is still the about page.
    expect(mayShowCompany(at('https://acme.com/about?q=team'), undefined)).toBe(true);
  });
});
