import { describe, expect, it } from 'vitest';
import {
  extractDirectory,
  isDirectoryProfile,
  isYcCompany,
  isYcCompanyUrl,
  profileNameFromTitle,
} from '@/lib/extract/adapters/directory';
import { mergeCandidates } from '@/lib/extract/merge';
import { type FactCandidate, FactCandidateSchema } from '@/lib/extract/schema';
import { loadFixture, parseHtml } from '../helpers/dom';

const valuesOf = (candidates: FactCandidate[], field: FactCandidate['field']) =>
  candidates.filter((c) => c.field === field).map((c) => c.value);

describe('a Y Combinator company page (fictional Quillmate)', () => {
  const url = 'https://www.ycombinator.com/companies/quillmate';
  const doc = loadFixture('adapters/yc-quillmate.html', url);
  const candidates = extractDirectory(doc, new URL(url));
  const facts = mergeCandidates({ url, candidates });

  it('is a YC company profile', () => {
    expect(isYcCompany(doc, new URL(url))).toBe(true);
    expect(isDirectoryProfile(doc, new URL(url))).toBe(true);
  });
  it('names the company from its heading', () =>
    expect(facts.name).toMatchObject({ value: 'Quillmate', source: 'adapter:directory' }));
  it('reads the one-liner as the description', () =>
    expect(facts.description?.value).toBe('Contract review copilot for in-house legal teams'));
  it("gives the company's website, not a founder's site or a news link", () =>
    expect(valuesOf(candidates, 'website')).toEqual(['https://www.quillmate.ai/']));
  it("reads the card's founding year and team size", () => {
    expect(facts.foundedYear?.value).toBe(2019);
    expect(facts.employees?.value).toEqual({ min: 24, max: 24 });
  });
  it("splits the card's location", () => {
    expect(facts.hqCity?.value).toBe('San Francisco');
    expect(facts.hqRegion?.value).toBe('CA');
    expect(facts.hqCountry?.value).toBe('US');
  });
  it('keeps the batch as a keyword', () =>
    expect(facts.keywords?.value).toEqual(['Y Combinator Summer 2021']));
  it('joins the industry tags, in the page wording', () => expect(facts.industry?.value).toBe('B2B, Legal'));
  it("gives the company's LinkedIn page, not YC's or the founders' profiles", () =>
    expect(valuesOf(candidates, 'linkedinUrl')).toEqual(['https://www.linkedin.com/company/quillmate']));
  it("lists the company card's socials, not the founders' or YC's own", () =>
    expect(facts.socialProfiles?.value).toEqual([
      'https://twitter.com/quillmateai',
      'https://www.crunchbase.com/organization/quillmate',
    ]));
  it("never reads figures from the founders' bios, the description or the jobs", () => {
    expect(valuesOf(candidates, 'foundedYear')).toEqual([2019]);
    expect(valuesOf(candidates, 'hqCity')).toEqual(['San Francisco']);
  });
  it('yields candidates that pass the schema the content script reports under', () => {
    for (const candidate of candidates) expect(FactCandidateSchema.safeParse(candidate).success).toBe(true);
  });
});

describe('Y Combinator page identity', () => {
  it.each([
    ['https://www.ycombinator.com/companies/quillmate', true],
    ['https://www.ycombinator.com/companies/quillmate/jobs', true],
    ['https://www.ycombinator.com/companies', false],
    ['https://www.ycombinator.com/companies/industry/b2b', false],
    ['https://www.ycombinator.com/companies/founders', false],
    ['https://www.ycombinator.com/blog/some-post', false],
  ])('%s is a company page: %s', (url, expected) => expect(isYcCompanyUrl(new URL(url))).toBe(expected));

  it('is no company profile when the page lacks the company card', () => {
    const url = 'https://www.ycombinator.com/companies/quillmate';
    expect(isYcCompany(parseHtml('<main><h1>Page not found</h1></main>', url), new URL(url))).toBe(false);
  });
});

describe('an older Y Combinator layout with "Label: value" text', () => {
  const url = 'https://www.ycombinator.com/companies/tinloom';
  const doc = parseHtml(
    `<main><div class="main-box"><h1>Tinloom</h1><p>Inventory planning for craft breweries.</p>
      <div class="facts"><div>Founded: 2012</div><div>Team Size: 7</div><div>Location: Portland, OR</div></div>
      <div class="links"><a href="https://tinloom.com" target="_blank" rel="noopener">tinloom.com</a>
      <a href="https://twitter.com/tinloom">Twitter</a></div></div></main>`,
    url,
  );
  const candidates = extractDirectory(doc, new URL(url));

  it('reads the facts written in one line each', () => {
    expect(valuesOf(candidates, 'foundedYear')).toEqual([2012]);
    expect(valuesOf(candidates, 'employees')).toEqual([{ min: 7, max: 7 }]);
    expect(valuesOf(candidates, 'hqCity')).toEqual(['Portland']);
    expect(valuesOf(candidates, 'hqRegion')).toEqual(['OR']);
  });
  it('finds the website by its link text', () =>
    expect(valuesOf(candidates, 'website')).toEqual(['https://tinloom.com/']));
});

describe('a Dribbble profile (Phenomenon Studio, real page)', () => {
  const url = 'https://dribbble.com/phenomenonstudio';
  const doc = loadFixture('adapters/corpus/metascraper__dribbble-profile-phenomenon-studio.html', url);
  const candidates = extractDirectory(doc, new URL(url));
  const facts = mergeCandidates({ url, candidates });

  it('is a directory profile', () => expect(isDirectoryProfile(doc, new URL(url))).toBe(true));
  it('names the studio from og:title', () => expect(facts.name?.value).toBe('Phenomenon Studio'));
  it("gives the studio's own website, found by its link text and attributes", () =>
    expect(facts.domain?.value).toBe('phenomenonstudio.co'));
  it("never lists Dribbble's own social accounts", () =>
    expect(JSON.stringify(facts.socialProfiles?.value ?? [])).not.toMatch(/dribbble/i));
  it('states no firmographics the profile does not show', () => {
    for (const field of ['employees', 'foundedYear', 'hqCity', 'hqCountry', 'industry'] as const)
      expect(valuesOf(candidates, field)).toEqual([]);
  });
});

describe('directory page identity', () => {
  const probe = (url: string, html = '<main><h1>Acme Studio</h1></main>') =>
    isDirectoryProfile(parseHtml(html, url), new URL(url));

  it.each([
    'https://dribbble.com/acmestudio',
    'https://www.behance.net/acmestudio',
    'https://clutch.co/profile/acme-studio',
    'https://www.g2.com/products/acme-crm/reviews',
  ])('%s is a profile', (url) => expect(probe(url)).toBe(true));

  it.each([
    'https://dribbble.com/shots/123456-Landing-page',
    'https://dribbble.com/search/fintech',
    'https://www.behance.net/search/projects',
    'https://clutch.co/agencies/ui-ux',
    'https://www.g2.com/categories/crm',
  ])('%s is not a profile', (url) => expect(probe(url)).toBe(false));
});

describe('a generic directory profile with labelled facts', () => {
  const url = 'https://clutch.co/profile/harbor-pixel';
  const doc = parseHtml(
    `<html><head><title>Harbor Pixel | Clutch.co</title><meta property="og:title" content="Harbor Pixel Reviews | Clutch.co"></head>
     <body><header><nav><a href="https://twitter.com/clutch_co">Clutch on X</a></nav></header>
     <main><h1>Harbor Pixel</h1>
      <ul><li><span>Founded</span><span>2015</span></li><li><span>Employees</span><span>10 - 49</span></li>
      <li><span>Headquarters</span><span>Lisbon, Portugal</span></li></ul>
      <a href="https://harborpixel.pt/?utm_source=clutch" data-link-type="website" rel="nofollow noopener" target="_blank">Visit Website</a>
      <section><h2>Similar companies</h2><ul><li><span>Founded</span><span>1999</span>
        <a href="https://otherstudio.example" data-link-type="website">Visit Website</a></li></ul></section>
     </main><footer><a href="https://www.linkedin.com/company/clutch-co">LinkedIn</a></footer></body></html>`,
    url,
  );
  const candidates = extractDirectory(doc, new URL(url));

  it('names the profile from og:title without the site name or "Reviews"', () =>
    expect(valuesOf(candidates, 'name')).toEqual(['Harbor Pixel']));
  it('reads the labelled founding year, size and headquarters', () => {
    expect(valuesOf(candidates, 'foundedYear')).toEqual([2015]);
    expect(valuesOf(candidates, 'employees')).toEqual([{ min: 10, max: 49 }]);
    expect(valuesOf(candidates, 'hqCity')).toEqual(['Lisbon']);
    expect(valuesOf(candidates, 'hqCountry')).toEqual(['Portugal']);
  });
  it('gives the profile\u2019s website, not a similar company\u2019s', () =>
    expect(valuesOf(candidates, 'website')).toEqual(['https://harborpixel.pt/?utm_source=clutch']));
  it("takes no LinkedIn page or social account of the directory's own", () => {
    expect(valuesOf(candidates, 'linkedinUrl')).toEqual([]);
    expect(valuesOf(candidates, 'socialProfiles')).toEqual([]);
  });
});

describe('profile names from titles', () => {
  const at = (host: string) => new URL(`https://${host}/x`);
  it.each([
    ['Phenomenon Studio | Dribbble', 'dribbble.com', 'Phenomenon Studio'],
    ['Harbor Pixel Reviews | Clutch.co', 'clutch.co', 'Harbor Pixel'],
    ['Acme CRM Reviews 2025: Details, Pricing, & Features | G2', 'www.g2.com', 'Acme CRM'],
    ['Behance :: Acme Studio', 'www.behance.net', 'Acme Studio'],
    ['Acme Studio on Behance', 'www.behance.net', 'Acme Studio'],
  ])('"%s" on %s gives "%s"', (title, host, name) =>
    expect(profileNameFromTitle(title, at(host))).toBe(name),
  );
});
