import { describe, expect, it } from 'vitest';
import { countryCode, countryNames, countryTyped } from '@/lib/extract/countries';
import { mergeCandidates, registrableDomain } from '@/lib/extract/merge';
import { CompanyFactsSchema, type FactCandidate } from '@/lib/extract/schema';

const c = (
  field: FactCandidate['field'],
  value: FactCandidate['value'],
  source: FactCandidate['source'],
  confidence: number,
): FactCandidate => ({
  field,
  value,
  source,
  confidence,
  snippet: String(value),
});

describe('merging candidates', () => {
  it('lets the most confident reading win and keeps the others as alternatives', () => {
    const facts = mergeCandidates({
      url: 'https://acme.com/',
      candidates: [
        c('name', 'Acme Blog', 'title', 0.5),
        c('name', 'Acme', 'jsonld', 0.9),
        c('name', 'ACME', 'meta', 0.7),
      ],
    });
    expect(facts.name?.value).toBe('Acme');
    // "ACME" is the same name as "Acme"; only the differing reading stays.
    expect(facts.name?.alternatives.map((a) => a.value)).toEqual(['Acme Blog']);
  });

  it('breaks confidence ties in favour of the more structured source', () => {
    const facts = mergeCandidates({
      url: 'https://acme.com/',
      candidates: [
        c('industry', 'Software', 'meta', 0.8),
        c('industry', 'Internet', 'adapter:linkedin', 0.8),
      ],
    });
    expect(facts.industry?.value).toBe('Internet');
  });

  it("drops the platform's own address as a website", () => {
    const facts = mergeCandidates({
      url: 'https://uk.linkedin.com/company/acme',
      candidates: [
        c('website', 'https://uk.linkedin.com/company/acme', 'jsonld', 0.9),
        c('website', 'www.acme.co.uk', 'adapter:linkedin', 0.8),
      ],
    });
    expect(facts.domain?.value).toBe('acme.co.uk');
  });

  it('drops values that do not normalise', () => {
    const facts = mergeCandidates({
      url: 'https://acme.com/',
      candidates: [
        c('hqCountry', 'Atlantis', 'jsonld', 0.9),
        c('website', 'javascript:alert(1)', 'jsonld', 0.9),
      ],
    });
    expect(facts).toEqual({});
  });

  it('produces facts that satisfy the facts schema', () => {
    const facts = mergeCandidates({
      url: 'https://acme.com/',
      candidates: [
        c('employees', { min: 10, max: 50 }, 'jsonld', 0.8),
        c('keywords', ['a', 'b'], 'meta', 0.5),
        c('hqCountry', 'Germany', 'jsonld', 0.8),
      ],
    });
    expect(CompanyFactsSchema.safeParse(facts).success).toBe(true);
  });
});

describe('registrable domains', () => {
  it.each([
    ['https://www.acme.co.uk/about', 'acme.co.uk'],
    ['http://www.audiense.com', 'audiense.com'],
    ['shop.acme.com', 'acme.com'],
    ['https://uk.linkedin.com/company/x', 'linkedin.com'],
  ])('%s → %s', (input, domain) => expect(registrableDomain(input)).toBe(domain));

  it.each(['', 'not a url', 'mailto:x@acme.com', 'http://localhost:3000'])('rejects %j', (input) =>
    expect(registrableDomain(input)).toBeUndefined(),
  );
});

describe('country codes', () => {
  it.each([
    ['GB', 'GB'],
    ['uk', 'GB'],
    ['United Kingdom', 'GB'],
    ['Deutschland', 'DE'],
    ['USA', 'US'],
    ['United States', 'US'],
  ])('%s → %s', (input, code) => expect(countryCode(input)).toBe(code));

  // What CRM exports and pages write that is no country's English or German name.
  it.each([
    ['England', 'GB'],
    ['Scotland', 'GB'],
    ['UAE', 'AE'],
    ['U.S.', 'US'],
    ['U.K.', 'GB'],
    ['Republic of Ireland', 'IE'],
    ['Hong Kong SAR', 'HK'],
    ['Viet Nam', 'VN'],
    ['México', 'MX'],
    ['Brasil', 'BR'],
    ['Holland', 'NL'],
    ["Cote d'Ivoire", 'CI'],
  ])('%s → %s (an alias, or a name without its accents)', (input, code) =>
    expect(countryCode(input)).toBe(code),
  );

  it('returns nothing for a non-country', () => {
    for (const place of ['London', 'New England', 'Nowhere', 'EUR'])
      expect(countryCode(place), place).toBeUndefined();
  });

  it('reads the names the side panel writes, and suggests them', () => {
    // Names the panel writes that neither the English nor the German list holds.
    expect(countryCode('Myanmar (Burma)')).toBe('MM');
    expect(countryCode('Hong Kong SAR China')).toBe('HK');
    expect(countryNames()).toEqual(expect.arrayContaining(['Germany', 'Iran', 'South Korea']));
    expect(countryNames()).not.toContain('Islamic Republic of Iran');
  });

  it('takes three letters typed in a filter as a code only in capitals', () => {
    for (const typing of ['Ind', 'Aus', 'Can']) expect(countryTyped(typing), typing).toBeUndefined();
    expect(countryTyped('IND')).toBe('IN');
    expect(countryTyped('Germany')).toBe('DE');
    expect(countryTyped('de')).toBe('DE');
  });
});
