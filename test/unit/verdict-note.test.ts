import { describe, expect, it } from 'vitest';
import { moneyText } from '@/components/FactsTable';
import { shortWhen, upgradesText, verdictName, verdictNote } from '@/components/format';
import { DEFAULT_ICP, scoreCompany, tierLabel } from '@/lib/icp';
import { SAMPLE_COMPANIES } from '@/lib/icp/sample-companies';
import { machineryIcp } from '../helpers/icps';

describe('the note on a saved verdict that the saved facts no longer give', () => {
  const lumenfold = SAMPLE_COMPANIES.find((c) => c.name === 'Lumenfold')?.facts;
  if (!lumenfold) throw new Error('the sample companies have no Lumenfold');
  const underDefault = scoreCompany(lumenfold, DEFAULT_ICP);
  const machinery = machineryIcp(7);
  const underMachinery = scoreCompany(lumenfold, machinery);
  const saved = { result: underDefault, icpName: DEFAULT_ICP.name, icpVersion: DEFAULT_ICP.version };

  it('says nothing where the list and the facts agree under the ICP in force', () => {
    expect(verdictNote(saved, underDefault, DEFAULT_ICP)).toBeNull();
  });

  it('names both ICPs and both tiers where the list is still to be re-scored', () => {
    // The two ICPs tier the sample apart, so the note has two different tiers to name.
    expect(underDefault.tier).not.toBe(underMachinery.tier);
    const note = verdictNote(saved, underMachinery, machinery);
    expect(note).toContain(`The list shows Tier 1 from ${DEFAULT_ICP.name} v${DEFAULT_ICP.version}`);
    expect(note).toContain(`under Machinery v7, in force now, it is ${verdictName(underMachinery)}.`);
    expect(note).toContain('re-score');
  });

  it('says so where the same ICP now reads the saved facts otherwise', () => {
    const note = verdictNote(saved, underMachinery, DEFAULT_ICP);
    expect(note).toBe(
      `The list shows Tier 1, as scored when the company was saved; read again now, it is ${verdictName(underMachinery)}.`,
    );
  });
});

describe('shortWhen', () => {
  const now = new Date(2026, 10, 24, 18, 30).getTime();
  it('gives the time alone for today, and the day too for another day', () => {
    expect(shortWhen(new Date(2026, 10, 24, 9, 5).getTime(), now)).toMatch(/^at 0?9:05/);
    const earlier = shortWhen(new Date(2026, 10, 21, 9, 5).getTime(), now);
    expect(earlier).toMatch(/^on .*21.*, 0?9:05/);
    expect(earlier).toContain(new Date(2026, 10, 21).toLocaleDateString([], { month: 'short' }));
  });
});

describe('upgradesText', () => {
  it('names each tier once, highest first, with what was missed and what is unknown', () => {
    expect(
      upgradesText([
        { id: 'a', label: 'HQ in Europe', status: 'miss', tier: 'tier_3' },
        { id: 'b', label: 'Revenue', status: 'unknown', tier: 'tier_3' },
        { id: 'c', label: 'Founded', status: 'unknown', tier: 'tier_3' },
        { id: 'd', label: 'Software', status: 'miss', tier: 'tier_1' },
      ]),
    ).toBe(
      'Would be Tier 1 if “Software” matched; Tier 3 if “HQ in Europe” matched or “Revenue” or “Founded” turns out to match.',
    );
    expect(upgradesText([])).toBe('');
  });

  it('reads the scorer’s own upgrades of a real verdict', () => {
    const company = SAMPLE_COMPANIES[0];
    if (!company) throw new Error('no sample company');
    const result = scoreCompany({ hqCountry: company.facts.hqCountry }, DEFAULT_ICP);
    expect(result.upgrades.length).toBeGreaterThan(1);
    const text = upgradesText(result.upgrades);
    for (const tier of new Set(result.upgrades.map((u) => u.tier)))
      expect(text.split(tierLabel(tier)).length, text).toBe(2);
    for (const u of result.upgrades) expect(text).toContain(`“${u.label}”`);
  });
});

describe('moneyText', () => {
  it('writes amounts as a rep reads them, in the currency they were stated in', () => {
    expect(moneyText({ min: 211_900_000_000, max: 211_900_000_000, currency: 'USD' })).toBe('$211.9B');
    expect(moneyText({ min: 20_000_000, max: 500_000_000, currency: 'USD' })).toBe('$20M–$500M');
    expect(moneyText({ min: 15_000_000, max: null, currency: 'EUR' })).toBe('€15M+');
    expect(moneyText({ min: 950, max: 950, currency: 'CHF' })).toBe('CHF\u00a0950');
  });
});
