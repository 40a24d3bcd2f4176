import { describe, expect, it } from 'vitest';
import { CriterionKindSchema, CriterionSchema, DEFAULT_ICP, parseIcp } from '@/lib/icp';
import { unknownCountries } from '@/lib/icp/countries';

const withCriteria = (criteria: unknown[]) => ({ ...DEFAULT_ICP, criteria });

describe('ICP validation', () => {
  it('accepts the default ICP', () => expect(parseIcp(DEFAULT_ICP).ok).toBe(true));

  it('names the path of every problem', () => {
    const result = parseIcp(
      withCriteria([
        { id: 'a', label: 'A', kind: 'employees', weight: 11, ideal: { min: 500, max: 100 } },
        { id: 'a', label: 'B', kind: 'location', weight: 1, countries: ['Germany'] },
      ]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^criteria\[0\]\.weight: /),
        expect.stringMatching(/^criteria\[0\]\.ideal\.min: min must be ≤ max/),
        expect.stringMatching(/^criteria\[1\]\.countries\[0\]: must be an ISO 3166-1 alpha-2 code/),
        expect.stringMatching(/^criteria\[1\]\.id: duplicate criterion id "a"/),
      ]),
    );
  });

  it('reads "UK" as GB, and names two capitals that are no country (EU, XX) without refusing a saved ICP', () => {
    const location = (countries: string[]) =>
      parseIcp(withCriteria([{ id: 'hq', label: 'HQ', kind: 'location', weight: 1, countries }]));
    const uk = location(['UK', 'IE']);
    expect(uk.ok && uk.icp.criteria[0]).toMatchObject({ countries: ['GB', 'IE'] });
    expect(uk.ok && unknownCountries(uk.icp)).toEqual([]);
    const wrong = location(['EU', 'DE', 'XX']);
    expect(wrong.ok).toBe(true);
    if (!wrong.ok) return;
    expect(unknownCountries(wrong.icp)).toEqual([
      { label: 'HQ', code: 'EU' },
      { label: 'HQ', code: 'XX' },
    ]);
  });

  it('keeps a country once when it is named as both UK and GB', () => {
    // The editor's tags "UK" and "GB" were saved as ["GB", "GB"]: the view named the United Kingdom twice, and
    // the × of one tag removed both.
    const result = parseIcp(
      withCriteria([{ id: 'hq', label: 'HQ', kind: 'location', weight: 1, countries: ['UK', 'DE', 'GB'] }]),
    );
    expect(result.ok && result.icp.criteria[0]).toMatchObject({ countries: ['GB', 'DE'] });
  });

  it('rejects unknown fields', () => {
    const result = parseIcp({ ...DEFAULT_ICP, colour: 'blue' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(/colour/);
  });

  it('rejects thresholds that do not fall', () => {
    const result = parseIcp({ ...DEFAULT_ICP, tiers: { tier1: 50, tier2: 60, tier3: 40 } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(/^tiers: thresholds must fall/m);
  });

  it('rejects input that is not an object without throwing', () => {
    for (const input of [null, 42, 'icp', [], undefined]) expect(parseIcp(input).ok).toBe(false);
  });

  it('lists every criterion kind in the kind enum', () => {
    const kinds = CriterionSchema.options.map((o) => o.shape.kind.value);
    expect(kinds.sort()).toEqual([...CriterionKindSchema.options].sort());
  });
});
