import { describe, expect, it } from 'vitest';
import { DEFAULT_ICP, explainInvalidIcp, type IcpProblem, parseIcp } from '@/lib/icp';

/** The problems the editor would show for an ICP. */
function problemsOf(input: unknown): IcpProblem[] {
  const result = parseIcp(input);
  if (result.ok) throw new Error('expected an invalid ICP');
  return explainInvalidIcp(result);
}

const withCriteria = (criteria: unknown[]) => ({ ...DEFAULT_ICP, criteria });

/** An ICP whose one criterion is a company size "Size" with these bands. */
const withSizeBands = (
  ideal: { min: number; max: number | null },
  acceptable: Array<{ min: number; max: number | null; credit: number }>,
) => withCriteria([{ id: 'size', label: 'Size', kind: 'employees', weight: 1, ideal, acceptable }]);

describe('ICP problems in the editor’s words', () => {
  it('says thresholds must fall, with the values as typed', () => {
    expect(problemsOf({ ...DEFAULT_ICP, tiers: { tier1: 60, tier2: 70, tier3: 30 } })).toEqual([
      {
        field: 'tiers',
        where: 'Tier thresholds',
        text: 'must fall from Tier 1 to Tier 3: Tier 1 needs a higher score than Tier 2, and Tier 2 than Tier 3 (now 60, 70, 30)',
      },
    ]);
  });

  it('names a threshold out of range and its value', () => {
    const [problem] = problemsOf({ ...DEFAULT_ICP, tiers: { tier1: 150, tier2: 50, tier3: 20 } });
    expect(problem).toMatchObject({ field: 'tiers', where: 'Tier thresholds' });
    expect(problem?.text).toBe('must be at most 100 (now 150)');
  });

  it('gives a coverage floor out of range in percent, as its field takes it', () => {
    // The editor's field reads "Tier 1 needs at least [150] % of the profile known"; the ICP holds 1.5.
    expect(problemsOf({ ...DEFAULT_ICP, minCoverageForTier1: 1.5 })).toEqual([
      {
        field: 'minCoverageForTier1',
        where: 'Tier 1 needs known',
        text: 'must be a share of the profile from 0 to 100% (now 150%)',
      },
    ]);
    expect(problemsOf({ ...DEFAULT_ICP, minCoverageForTier2: -0.1 })[0]?.text).toBe(
      'must be a share of the profile from 0 to 100% (now -10%)',
    );
  });

  it('names the criterion by its label and the part of it that is wrong', () => {
    const problems = problemsOf(
      withCriteria([
        { id: 'size', label: 'Mid-market', kind: 'employees', weight: 3, ideal: { min: 500, max: 100 } },
        {
          id: 'stack',
          label: 'Marketing stack',
          kind: 'technologies',
          weight: 2,
          match: 'any',
          technologies: [],
        },
      ]),
    );
    expect(problems).toEqual([
      {
        field: 'criteria',
        criterion: 0,
        part: 'Ideal range',
        where: 'Criterion “Mid-market”, Ideal range',
        text: 'the lowest value is above the highest (500 > 100)',
      },
      {
        field: 'criteria',
        criterion: 1,
        part: 'Technologies',
        where: 'Criterion “Marketing stack”, Technologies',
        text: 'needs at least one entry',
      },
    ]);
  });

  it('numbers a criterion whose label is empty, and says the label cannot be empty', () => {
    const problems = problemsOf(
      withCriteria([{ id: 'kw', label: '  ', kind: 'keywords', weight: 1, keywords: ['robotics'] }]),
    );
    expect(problems).toContainEqual({
      field: 'criteria',
      criterion: 0,
      part: 'Label',
      where: 'Criterion 1, Label',
      text: 'cannot be empty',
    });
  });

  it('quotes the list entry that is wrong', () => {
    const problems = problemsOf(
      withCriteria([{ id: 'hq', label: 'DACH', kind: 'location', weight: 1, countries: ['DE', 'Germany'] }]),
    );
    expect(problems).toEqual([
      {
        field: 'criteria',
        criterion: 0,
        part: 'Countries',
        where: 'Criterion “DACH”, Countries',
        text: '“Germany” must be an ISO 3166-1 alpha-2 code such as DE',
      },
    ]);
  });

  it('lists a few allowed values, and points to the long lists rather than writing out 39 industries', () => {
    const problems = problemsOf(
      withCriteria([
        { id: 'ind', label: 'Fintech', kind: 'industry', weight: 1, industries: ['fintech'] },
        { id: 'type', label: 'Kind', kind: 'companyType', weight: 1, types: ['corp'] },
      ]),
    );
    expect(problems.map((p) => p.text)).toEqual([
      expect.stringMatching(
        /^“fintech” is not known here; must be one of the \d+ ids in docs\/INDUSTRIES\.md \(such as “[a-z-]+”, /,
      ),
      '“corp” is not known here; must be one of “public”, “private”, “nonprofit”, “government”, “educational”',
    ]);
    const invalid = parseIcp(
      withCriteria([{ id: 'ind', label: 'F', kind: 'industry', weight: 1, industries: ['x'] }]),
    );
    expect(invalid.ok ? [] : invalid.problems[0]).toMatch(
      /^criteria\[0\]\.industries\[0\]: .* ids in docs\/INDUSTRIES\.md/,
    );
    expect((invalid.ok ? '' : (invalid.problems[0] ?? '')).length).toBeLessThan(200);
  });

  it('lists the kinds of criterion in words for an unknown kind, and the one it most likely means', () => {
    const kinds =
      'must be one of “industry”, “employees”, “revenue”, “founded”, “location”, “technologies”, “keywords”, “companyType”, “fundingStage”, “domains”';
    const kindOf = (kind: unknown) =>
      problemsOf(
        withCriteria([{ id: 'size', label: 'Mid-market', kind, weight: 3, ideal: { min: 500, max: 5000 } }]),
      );
    expect(kindOf('employee')).toEqual([
      {
        field: 'criteria',
        criterion: 0,
        part: 'Kind',
        where: 'Criterion “Mid-market”, Kind',
        text: `“employee” is not known here (did you mean “employees”?); ${kinds}`,
      },
    ]);
    expect(kindOf('industries')[0]?.text).toMatch(
      /^“industries” is not known here \(did you mean “industry”\?\)/,
    );
    expect(kindOf('company_type')[0]?.text).toMatch(/\(did you mean “companyType”\?\)/);
    expect(kindOf('size')[0]?.text).toBe(`“size” is not known here; ${kinds}`);
    expect(kindOf(undefined)[0]?.text).toBe(`is missing: ${kinds}`);
  });

  it('explains an acceptable band the same way as the ideal one', () => {
    const problems = problemsOf(
      withSizeBands({ min: 50, max: 500 }, [{ min: 2000, max: 1000, credit: 0.5 }]),
    );
    expect(problems).toEqual([
      {
        field: 'criteria',
        criterion: 0,
        part: 'Acceptable band 1',
        where: 'Criterion “Size”, Acceptable band 1',
        text: 'the lowest value is above the highest (2000 > 1000)',
      },
    ]);
  });

  it('names the field of an entry the form could not read, and never says NaN', () => {
    // What the editor's fields hold for "150" typed as a credit and "25X" as a bound: no number.
    const problems = problemsOf(
      withSizeBands({ min: Number.NaN, max: 500 }, [
        { min: 500, max: 1000, credit: 0.5 },
        { min: 1000, max: 2000, credit: Number.NaN },
      ]),
    );
    expect(problems.map((p) => `${p.where}: ${p.text}`)).toEqual([
      'Criterion “Size”, Ideal range, from: cannot be read as a number',
      'Criterion “Size”, Acceptable band 2, credit %: must be a whole percentage from 0 to 100',
    ]);
  });

  it('gives a band’s credit in a file in percent, as the form takes it', () => {
    const problems = problemsOf(withSizeBands({ min: 50, max: 500 }, [{ min: 500, max: 1000, credit: 1.5 }]));
    expect(problems.map((p) => `${p.where}: ${p.text}`)).toEqual([
      'Criterion “Size”, Acceptable band 1, credit %: must be a share of the weight from 0 to 100% (now 150%)',
    ]);
  });

  it('says that weights are relative, not percentages, of a weight over the maximum', () => {
    const problems = problemsOf(
      withCriteria([
        { id: 'kw', label: 'Robotics', kind: 'keywords', weight: 40, keywords: ['robotics'] },
        { id: 'hq', label: 'DACH', kind: 'location', weight: -1, countries: ['DE'] },
      ]),
    );
    expect(problems.map((p) => `${p.where}: ${p.text}`)).toEqual([
      'Criterion “Robotics”, Weight: must be at most 10 (now 40): weights are relative, from 0 to 10, and need not add up to 100 (a criterion of weight 4 counts twice as much as one of weight 2)',
      'Criterion “DACH”, Weight: must be at least 0 (now -1)',
    ]);
  });

  it('says what to do when no criterion carries weight', () => {
    const problems = problemsOf(
      withCriteria([{ id: 'kw', label: 'Keywords', kind: 'keywords', weight: 0, keywords: ['x'] }]),
    );
    expect(problems).toEqual([
      {
        field: 'criteria',
        where: 'Criteria',
        text: 'at least one criterion must carry weight: give one that scores or is a must-have a weight above 0',
      },
    ]);
  });

  it('keeps an empty name and an unknown setting at the top level', () => {
    const problems = problemsOf({ ...DEFAULT_ICP, name: '', colour: 'blue' });
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'name', where: 'Name', text: 'cannot be empty' },
        { field: '', where: 'The ICP', text: 'has settings this version does not know: colour' },
      ]),
    );
  });

  it('passes on the reason a file from a newer ICP Lens cannot be read', () => {
    expect(problemsOf({ ...DEFAULT_ICP, schemaVersion: 99 })).toEqual([
      {
        field: '',
        where: 'The ICP',
        text: expect.stringMatching(
          /^schemaVersion: this ICP file uses version 99, written by a newer ICP Lens/,
        ),
      },
    ]);
  });
});
