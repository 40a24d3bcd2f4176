import { describe, expect, it } from 'vitest';
import { type Criterion, DEFAULT_ICP } from '@/lib/icp';
import { numbersIn, staleLabel } from '@/lib/icp/label-check';

const criterion = (id: string) => DEFAULT_ICP.criteria.find((c) => c.id === id) as Criterion;

describe('a range criterion’s label against its ideal range', () => {
  it('reads the numbers labels write', () => {
    expect(numbersIn('200–2,000 employees')).toEqual([200, 2000]);
    expect(numbersIn('$20M–$500M revenue')).toEqual([20e6, 500e6]);
    expect(numbersIn('1.5 billion or more, 10k staff')).toEqual([1.5e9, 10_000]);
    expect(numbersIn('Founded 2000 or later')).toEqual([2000]);
    expect(numbersIn('Mid-market')).toEqual([]);
    // Thousands grouped as German and French write them, a scale written once, and years where they are not bounds.
    expect(numbersIn('200–2.000 Mitarbeitende')).toEqual([200, 2000]);
    expect(numbersIn('200 to 2 000 employees')).toEqual([200, 2000]);
    expect(numbersIn('USD 20–500 million')).toEqual([20e6, 500e6]);
    expect(numbersIn('200–2,000 employees (FTE, 2024)', false)).toEqual([200, 2000]);
    expect(numbersIn('Founded 2000 or later', false)).toEqual([]);
  });

  it('says nothing of the built-in criteria, whose labels name their ranges', () => {
    for (const c of DEFAULT_ICP.criteria) expect(staleLabel(c), c.id).toBeNull();
  });

  it('names the numbers a label still shows after the ideal range changed', () => {
    const employees = criterion('employees');
    const changed = { ...employees, ideal: { min: 10, max: 2000 } } as Criterion;
    expect(staleLabel(changed)).toBe(
      'The label names 200, but the ideal range is 10–2,000 employees: reps read the label, so make it say what the criterion scores.',
    );
    expect(staleLabel({ ...changed, label: '10–2,000 employees' } as Criterion)).toBeNull();
    // One off is the same bound ("under 50" for a range up to 49), and a label without numbers is the manager's.
    expect(staleLabel({ ...changed, label: 'Under 2,001 people' } as Criterion)).toBeNull();
    expect(staleLabel({ ...changed, label: 'Mid-market' } as Criterion)).toBeNull();
    // Labels that say the range in other ways raise nothing.
    const employees200 = criterion('employees');
    for (const label of [
      '200–2.000 Mitarbeitende',
      '200 to 2 000 employees',
      '200–2,000 employees (FTE, 2024)',
    ])
      expect(staleLabel({ ...employees200, label } as Criterion), label).toBeNull();
    expect(staleLabel({ ...criterion('revenue'), label: 'USD 20–500 million' } as Criterion)).toBeNull();
    const revenue = { ...criterion('revenue'), ideal: { min: 50_000_000, max: 500_000_000 } } as Criterion;
    expect(staleLabel(revenue)).toMatch(/^The label names 20,000,000, but the ideal range is \$50M–\$500M/);
    expect(staleLabel(criterion('industry'))).toBeNull();
  });
});
