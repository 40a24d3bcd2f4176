import { describe, expect, it } from 'vitest';
import { extractJsonLd, parseJsonLd, readJsonLdDocuments } from '@/lib/extract/jsonld';
import { parseHtml } from '../helpers/dom';

const URL_ = new URL('https://www.acme.com/about');

function facts(html: string, ownSite = true) {
  const doc = parseHtml(`<html><head>${html}</head><body></body></html>`, URL_.href);
  const out: Record<string, unknown> = {};
  for (const c of extractJsonLd(readJsonLdDocuments(doc), URL_, ownSite)) out[c.field] ??= c.value;
  return out;
}

const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;

describe('JSON-LD', () => {
  it('reads an Organization at the top level', () => {
    expect(
      facts(
        ld(
          '{"@context":"https://schema.org","@type":"Organization","name":"Acme","foundingDate":"2014-05-01","numberOfEmployees":{"@type":"QuantitativeValue","minValue":51,"maxValue":200}}',
        ),
      ),
    ).toMatchObject({ name: 'Acme', foundedYear: 2014, employees: { min: 51, max: 200 } });
  });

  it('finds the organization inside @graph and resolves @id references', () => {
    const graph = ld(`{"@graph":[
      {"@type":"WebSite","publisher":{"@id":"#org"}},
      {"@type":"Organization","@id":"#org","name":"Acme","address":{"@id":"#hq"}},
      {"@type":"PostalAddress","@id":"#hq","addressLocality":"Leeds","addressCountry":"GB"}]}`);
    expect(facts(graph)).toMatchObject({ name: 'Acme', hqCity: 'Leeds', hqCountry: 'GB' });
  });

  it('reads arrays of documents and several types on one node', () => {
    expect(
      facts(ld('[{"@type":"WebPage"},{"@type":["Corporation","LocalBusiness"],"name":"Acme Corp"}]')),
    ).toMatchObject({ name: 'Acme Corp' });
  });

  it('tolerates CDATA wrappers, comments and trailing commas', () => {
    expect(facts(ld('//<![CDATA[\n{"@type":"Organization","name":"Acme",}\n//]]>'))).toMatchObject({
      name: 'Acme',
    });
    expect(parseJsonLd('<!-- {"a":1} -->')).toEqual({ a: 1 });
  });

  it('ignores broken JSON without throwing', () => {
    expect(facts(ld('{"@type":"Organization","name":"Ac'))).toEqual({});
  });

  it('does not take an article author or brand for the company', () => {
    const article = ld(
      '{"@type":"Article","author":{"@type":"Organization","name":"Other Co"},"brand":{"@type":"Organization","name":"Brand Co"}}',
    );
    expect(facts(article)).toEqual({});
  });

  it("takes the site's publisher on the company's own site but not on a platform", () => {
    const page = ld('{"@type":"BlogPosting","publisher":{"@type":"Organization","name":"Acme"}}');
    expect(facts(page, true)).toMatchObject({ name: 'Acme' });
    expect(facts(page, false)).toEqual({});
  });

  it('prefers the organization whose url is this site', () => {
    const two = ld(
      '[{"@type":"Organization","name":"Partner","url":"https://partner.io"},{"@type":"Organization","name":"Acme","url":"https://acme.com"}]',
    );
    expect(facts(two)).toMatchObject({ name: 'Acme' });
  });

  it('keeps markup in names as plain text', () => {
    expect(facts(ld('{"@type":"Organization","name":"<img src=x onerror=alert(1)>Acme"}'))).toMatchObject({
      name: '<img src=x onerror=alert(1)>Acme',
    });
  });

  it('routes LinkedIn sameAs links to the LinkedIn fact, other links to the website', () => {
    const org = ld(
      '{"@type":"Organization","name":"Acme","sameAs":["https://www.linkedin.com/company/acme","https://acme.com"]}',
    );
    const doc = parseHtml(`<head>${org}</head>`, URL_.href);
    const candidates = extractJsonLd(readJsonLdDocuments(doc), URL_, true);
    expect(candidates.filter((c) => c.field === 'linkedinUrl').map((c) => c.value)).toEqual([
      'https://www.linkedin.com/company/acme',
    ]);
    expect(candidates.filter((c) => c.field === 'website').map((c) => c.value)).toEqual(['https://acme.com']);
  });

  it('stays bounded on a deeply nested or very wide document: what lies beyond the bounds is not read', () => {
    const nested = (depth: number) => {
      let doc = '{"@type":"Organization","name":"Deep"}';
      for (let i = 0; i < depth; i++) doc = `{"x":${doc}}`;
      return doc;
    };
    // A few levels down, the organization is read; 5,000 levels down it is beyond the walk's depth.
    expect(facts(ld(nested(3)))).toMatchObject({ name: 'Deep' });
    expect(facts(ld(nested(5000)))).toEqual({});
    // The same beyond the walk's node count: 5,000 empty objects before it.
    const wide = `[${'{},'.repeat(5000)}{"@type":"Organization","name":"Wide"}]`;
    expect(facts(ld(wide))).toEqual({});
    expect(facts(ld(`[${'{},'.repeat(50)}{"@type":"Organization","name":"Wide"}]`))).toMatchObject({
      name: 'Wide',
    });
  });
});
