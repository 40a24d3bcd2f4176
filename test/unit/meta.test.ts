import { describe, expect, it } from 'vitest';
import { extractMeta, nameFromTitle } from '@/lib/extract/meta';
import { readMetaTags } from '@/lib/extract/page';
import { parseHtml } from '../helpers/dom';

describe('names from titles and meta tags', () => {
  it("takes the title segment that matches the site's domain", () => {
    expect(nameFromTitle('Pricing | Acme Analytics', 'www.acme-analytics.com', false)).toBe('Acme Analytics');
  });

  it('matches a subdomain page to the company label', () => {
    expect(nameFromTitle('Twin Peaks insights - Audiense', 'resources.audiense.com', false)).toBe('Audiense');
  });

  it('ignores accents when matching', () => {
    expect(nameFromTitle('Alazán Internet - Páginas web', 'www.alazan.com', false)).toBe('Alazán Internet');
  });

  it('strips the platform suffix on platforms, and needs it', () => {
    expect(nameFromTitle('Acme | LinkedIn', 'www.linkedin.com', true)).toBe('Acme');
    expect(nameFromTitle('Feed | LinkedIn Jobs', 'www.linkedin.com', true)).toBe('');
  });

  it('drops a section suffix from the site name', () => {
    const doc = parseHtml(
      '<head><meta property="og:site_name" content="Acme Blog"></head>',
      'https://acme.com/blog/x',
    );
    const name = extractMeta(readMetaTags(doc), doc.title, new URL('https://acme.com/blog/x'), false).find(
      (c) => c.field === 'name',
    );
    expect(name?.value).toBe('Acme');
  });
});
