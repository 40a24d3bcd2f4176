import { describe, expect, it } from 'vitest';
import { forgetAllPages, forgetPagesBefore, pagesForCompany, rememberPage } from '@/lib/db/company-memory';
import { IcpLensDb, type SeenPage } from '@/lib/db/index';
import { firstHand, mergeProfile } from '@/lib/extract/profile';

const fact = <T>(
  value: T,
  confidence: number,
  source: 'jsonld' | 'adapter:linkedin' | 'text' = 'jsonld',
) => ({
  value,
  source,
  snippet: String(value),
  confidence,
  alternatives: [],
});

const page = (
  url: string,
  facts: SeenPage['facts'],
  seenAt: number,
  domain: string | null,
  linkedinSlug: string | null = null,
): SeenPage => ({
  url,
  title: url,
  pageRole: 'profile',
  facts,
  seenAt,
  domain,
  linkedinSlug,
});

describe('merging pages into one profile', () => {
  it('takes each field from the most confident page and says which page it was', () => {
    const merged = mergeProfile([
      page(
        'https://acme.com/',
        { name: fact('Acme', 0.7), employees: fact({ min: 180, max: null }, 0.5, 'text') },
        2,
        'acme.com',
      ),
      page(
        'https://www.linkedin.com/company/acme',
        { employees: fact({ min: 51, max: 200 }, 0.9, 'adapter:linkedin') },
        1,
        'acme.com',
      ),
    ]);
    expect(merged.name).toMatchObject({ value: 'Acme', url: 'https://acme.com/' });
    expect(merged.employees).toMatchObject({
      value: { min: 51, max: 200 },
      url: 'https://www.linkedin.com/company/acme',
      seenAt: 1,
    });
    expect(merged.employees?.alternatives).toEqual([
      expect.objectContaining({ value: { min: 180, max: null }, url: 'https://acme.com/' }),
    ]);
  });

  it('takes the headquarters from one page, filled in only by pages whose address agrees', () => {
    const linkedin = 'https://www.linkedin.com/company/acme';
    const imprint = 'https://acme.com/impressum';
    // The imprint's country is the most confident reading; LinkedIn's Lisbon is in another country.
    const merged = mergeProfile([
      page(linkedin, { hqCity: fact('Lisbon', 0.9), hqCountry: fact('PT', 0.9) }, 2, null, 'acme'),
      page(imprint, { hqCountry: fact('DE', 0.95) }, 1, 'acme.com'),
    ]);
    expect(merged.hqCountry).toMatchObject({ value: 'DE', url: imprint });
    expect(merged.hqCity).toBeUndefined();
    expect(merged.hqCountry?.alternatives).toEqual([expect.objectContaining({ value: 'PT', url: linkedin })]);
    // Where the addresses agree, the city joins the country.
    const agreeing = mergeProfile([
      page(linkedin, { hqCity: fact('Munich', 0.9), hqCountry: fact('DE', 0.9) }, 2, null, 'acme'),
      page(imprint, { hqCountry: fact('DE', 0.95), hqRegion: fact('Bavaria', 0.95) }, 1, 'acme.com'),
    ]);
    expect(agreeing).toMatchObject({
      hqCity: { value: 'Munich', url: linkedin },
      hqRegion: { value: 'Bavaria', url: imprint },
      hqCountry: { value: 'DE', url: imprint },
    });
    // A page that shares no part with the address says nothing of whether it agrees: a city alone does not
    // join a country alone, nor do two pages' parts join a third's unless each agrees with what was taken.
    const apart = mergeProfile([
      page(imprint, { hqCountry: fact('DE', 0.95) }, 1, 'acme.com'),
      page('https://acme.com/careers', { hqCity: fact('Lisbon', 0.8) }, 2, 'acme.com'),
    ]);
    expect(apart.hqCountry?.value).toBe('DE');
    expect(apart.hqCity).toBeUndefined();
    const chained = mergeProfile([
      page('https://a.example/', { hqCountry: fact('US', 0.95) }, 1, 'a.example'),
      page(
        'https://a.example/contact',
        { hqCountry: fact('US', 0.8), hqRegion: fact('Texas', 0.8) },
        2,
        'a.example',
      ),
      page(
        'https://a.example/jobs',
        { hqRegion: fact('California', 0.7), hqCity: fact('San Jose', 0.7) },
        3,
        'a.example',
      ),
      page(
        'https://a.example/about',
        { hqRegion: fact('Texas', 0.6), hqCity: fact('Austin', 0.6) },
        4,
        'a.example',
      ),
    ]);
    expect([chained.hqCity?.value, chained.hqRegion?.value, chained.hqCountry?.value]).toEqual([
      'Austin',
      'Texas',
      'US',
    ]);
  });

  it('scores the industry it shows: a derived fact comes from the page of the fact it was derived from', () => {
    const merged = mergeProfile([
      page(
        'https://a.example/',
        { industry: fact('Banking', 0.8), industryId: fact('banking', 0.8) },
        1,
        'a.example',
      ),
      page('https://a.example/about', { industry: fact('Widgets and gizmos', 0.9) }, 2, 'a.example'),
    ]);
    expect(merged.industry?.value).toBe('Widgets and gizmos');
    expect(merged.industryId).toBeUndefined();
    const classified = mergeProfile([
      page(
        'https://a.example/',
        { industry: fact('Banking', 0.95), industryId: fact('banking', 0.95) },
        1,
        'a.example',
      ),
      page(
        'https://a.example/about',
        { industry: fact('Software', 0.9), industryId: fact('software', 0.9) },
        2,
        'a.example',
      ),
    ]);
    expect(classified).toMatchObject({ industry: { value: 'Banking' }, industryId: { value: 'banking' } });
  });

  it('prefers the newer page when two are equally confident', () => {
    const merged = mergeProfile([
      page('https://a.com/old', { foundedYear: fact(2010, 0.9) }, 1, 'a.com'),
      page('https://a.com/new', { foundedYear: fact(2011, 0.9) }, 5, 'a.com'),
    ]);
    expect(merged.foundedYear?.value).toBe(2011);
  });

  it("puts the company's own pages and profiles before what another site says of it", () => {
    // Another site names acme.com as the company it is about, later and as confidently as acme.com's own
    // markup: its readings fill in only what no first-hand page has, and stay visible as alternatives.
    const reviews = 'https://reviews.example/acme';
    const merged = mergeProfile([
      page('https://acme.com/', { hqCountry: fact('DE', 0.9), foundedYear: fact(2011, 0.9) }, 1, 'acme.com'),
      page(
        reviews,
        { hqCountry: fact('KP', 0.95), foundedYear: fact(2024, 0.9), industry: fact('Gambling', 0.9) },
        2,
        'acme.com',
      ),
      page('https://de.linkedin.com/company/acme', { employees: fact({ min: 51, max: 200 }, 0.7) }, 3, null),
    ]);
    expect(merged.hqCountry).toMatchObject({ value: 'DE', url: 'https://acme.com/' });
    expect(merged.hqCountry?.alternatives).toEqual([expect.objectContaining({ value: 'KP', url: reviews })]);
    expect(merged.foundedYear?.value).toBe(2011);
    expect(merged.industry).toMatchObject({ value: 'Gambling', url: reviews });
    expect(merged.employees?.url).toBe('https://de.linkedin.com/company/acme');
    expect(JSON.stringify(merged)).not.toContain('trusted');
  });

  it('tells first-hand pages from second-hand ones', () => {
    expect(firstHand(page('https://www.acme.com/about', {}, 1, 'acme.com'))).toBe(true);
    expect(firstHand(page('https://www.linkedin.com/company/acme', {}, 1, 'acme.com'))).toBe(true);
    expect(firstHand(page('https://en.wikipedia.org/wiki/Acme', {}, 1, 'acme.com'))).toBe(true);
    expect(firstHand(page('https://www.g2.com/products/acme', {}, 1, 'acme.com'))).toBe(true);
    expect(firstHand(page('https://reviews.example/acme', {}, 1, 'acme.com'))).toBe(false);
    // A site that names only a LinkedIn page, and news about the company, speak for nobody.
    expect(firstHand(page('https://reviews.example/acme', {}, 1, null, 'acme'))).toBe(false);
    expect(firstHand(page('https://techcrunch.com/2024/acme', {}, 1, 'acme.com'))).toBe(false);
  });
});

describe('the company memory (IndexedDB)', () => {
  it("lists the technologies of all the company's pages, the newest page's first", () => {
    const merged = mergeProfile([
      page('https://acme.com/pricing', { technologies: fact(['HubSpot', 'Intercom'], 0.9) }, 5, 'acme.com'),
      page(
        'https://acme.com/',
        { technologies: fact(['Google Tag Manager', 'hubspot'], 0.9) },
        2,
        'acme.com',
      ),
    ]);
    expect(merged.technologies?.value).toEqual(['HubSpot', 'Intercom', 'Google Tag Manager']);
    expect(merged.technologies?.url).toBe('https://acme.com/pricing');
  });

  it('finds pages by domain, by LinkedIn slug, and through one link between them', async () => {
    const db = new IcpLensDb(`test-${Math.random()}`);
    await rememberPage(db, page('https://acme.com/', {}, 1, 'acme.com', 'acme-inc'));
    await rememberPage(db, page('https://www.linkedin.com/company/acme-inc', {}, 2, null, 'acme-inc'));
    await rememberPage(db, page('https://other.com/', {}, 3, 'other.com'));
    const found = await pagesForCompany(db, { domain: 'acme.com', linkedinSlug: null });
    expect(found.map((p) => p.url).sort()).toEqual([
      'https://acme.com/',
      'https://www.linkedin.com/company/acme-inc',
    ]);
  });

  it("leaves out pages of other sites that name the company's domain or LinkedIn page", async () => {
    const db = new IcpLensDb(`test-${Math.random()}`);
    await rememberPage(db, page('https://acme.com/', {}, 1, 'acme.com'));
    // Names acme.com, and links it to another company's LinkedIn page.
    await rememberPage(db, page('https://reviews.example/acme', {}, 2, 'acme.com', 'rival'));
    await rememberPage(db, page('https://www.linkedin.com/company/rival', {}, 3, 'rival.com', 'rival'));
    const found = await pagesForCompany(db, { domain: 'acme.com', linkedinSlug: null });
    expect(found.map((p) => p.url)).toEqual(['https://acme.com/']);
  });

  it('refreshes a page seen again instead of keeping two', async () => {
    const db = new IcpLensDb(`test-${Math.random()}`);
    await rememberPage(db, page('https://acme.com/', {}, 1, 'acme.com'));
    await rememberPage(db, page('https://acme.com/', {}, 9, 'acme.com'));
    expect(await db.pages.count()).toBe(1);
    expect((await db.pages.get('https://acme.com/'))?.seenAt).toBe(9);
  });

  it('forgets expired pages, and everything on request', async () => {
    const db = new IcpLensDb(`test-${Math.random()}`);
    await rememberPage(db, page('https://a.com/', {}, 10, 'a.com'));
    await rememberPage(db, page('https://b.com/', {}, 100, 'b.com'));
    expect(await forgetPagesBefore(db, 50)).toBe(1);
    expect(await forgetAllPages(db)).toBe(1);
    expect(await db.pages.count()).toBe(0);
  });
});
