import { describe, expect, it } from 'vitest';
import { readersFor } from '@/lib/extract/all-readers';
import { readJsonLdDocuments } from '@/lib/extract/jsonld';
import { readMetaTags } from '@/lib/extract/page';
import { classifyPage } from '@/lib/extract/page-role';
import { parseHtml } from '../helpers/dom';

function role(head: string, url: string, body = '<p>Text</p>') {
  const doc = parseHtml(`<html><head>${head}</head><body>${body}</body></html>`, url);
  const page = new URL(url);
  const profile = readersFor(page.hostname).adapter?.isProfile(doc, page);
  return classifyPage(page, readJsonLdDocuments(doc), readMetaTags(doc), profile);
}

const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;

describe('page roles', () => {
  it("a company's homepage and about, imprint and careers pages are profiles of it", () => {
    for (const path of [
      '/',
      '/about',
      '/about-us/',
      '/de/impressum',
      '/ueber-uns',
      '/company',
      '/careers',
      '/contact.html',
    ]) {
      expect(role('', `https://acme.com${path}`)).toMatchObject({ role: 'profile', ownSite: true });
    }
  });

  it("other pages of the company's site are company-site pages", () => {
    expect(role('<meta property="og:type" content="article">', 'https://acme.com/blog/launch')).toMatchObject(
      { role: 'company-site' },
    );
  });

  it('an article on a site that names itself a news outlet is negative', () => {
    const head =
      '<meta property="og:type" content="article"><meta property="og:site_name" content="Valley Business News">';
    expect(role(head, 'https://valleybiz.example/2024/01/acme-raises').role).toBe('negative');
  });

  it('an article whose publisher is a news organization is negative', () => {
    const head = ld('{"@type":"Article","publisher":{"@type":"NewsMediaOrganization","name":"The Ledger"}}');
    expect(role(head, 'https://ledger.example/story').role).toBe('negative');
  });

  it('a NewsArticle is negative on any site', () => {
    expect(role(ld('{"@type":"NewsArticle","headline":"x"}'), 'https://acme.com/press/x').role).toBe(
      'negative',
    );
  });

  it('search result pages are negative', () => {
    expect(role('', 'https://acme.com/search?q=widgets').role).toBe('negative');
  });

  it("a person's page is negative", () => {
    expect(
      role(ld('{"@type":"ProfilePage","mainEntity":{"@type":"Person","name":"Jo"}}'), 'https://jo.example/')
        .role,
    ).toBe('negative');
  });

  it('platform pages are profiles only where they show one company', () => {
    expect(role('', 'https://www.linkedin.com/company/acme/about/').role).toBe('profile');
    expect(role('', 'https://www.linkedin.com/in/someone').role).toBe('negative');
    expect(role('', 'https://www.crunchbase.com/organization/acme', '<main><h1>Acme</h1></main>').role).toBe(
      'profile',
    );
    // A bot check on an organization's address shows no profile.
    expect(
      role('', 'https://www.crunchbase.com/organization/acme', '<p>Checking your browser…</p>').role,
    ).toBe('negative');
    expect(role('', 'https://github.com/acme/widgets')).toMatchObject({ role: 'negative', ownSite: false });
  });
});
