import { describe, expect, it } from 'vitest';
import { DEFAULT_ICP, type Icp } from '@/lib/icp';
import { previewIcp } from '@/lib/icp/preview';
import { SAMPLE_COMPANIES } from '@/lib/icp/sample-companies';

/** A manager's first draft: only the technologies the company runs (most sample pages show none). */
const technologiesOnly: Icp = {
  ...DEFAULT_ICP,
  criteria: [
    {
      id: 'crm',
      label: 'Uses HubSpot or Marketo',
      kind: 'technologies',
      match: 'any',
      technologies: ['HubSpot', 'Marketo'],
      weight: 1,
      rule: 'score',
    },
  ],
};

describe('the editor’s preview on the sample companies', () => {
  it('names a company the draft cannot judge "Not enough known", as the panel and the list do, not Not a fit', () => {
    const preview = previewIcp(DEFAULT_ICP, technologiesOnly, SAMPLE_COMPANIES);
    const row = (name: string) => preview.rows.find((r) => r.name === name);
    // Its page shows no technology at all.
    expect(row('Quarry Peak Logistics')).toMatchObject({ before: 'tier_2', after: 'not_enough_known' });
    // Its page shows Salesforce only: a real miss.
    expect(row('Orbital Desk')).toMatchObject({ before: 'tier_1', after: 'not_a_fit' });
    expect(preview.counts.not_enough_known).toEqual({ before: 0, after: 6 });
    expect(preview.counts.not_a_fit.after).toBe(2);
  });

  it('counts every company once under each ICP', () => {
    const preview = previewIcp(DEFAULT_ICP, technologiesOnly, SAMPLE_COMPANIES);
    const sum = (side: 'before' | 'after') =>
      Object.values(preview.counts).reduce((total, count) => total + count[side], 0);
    expect(sum('before')).toBe(SAMPLE_COMPANIES.length);
    expect(sum('after')).toBe(SAMPLE_COMPANIES.length);
  });
});
