import { describe, expect, it } from 'vitest';
import { sameFact, scoreFacts } from '@/lib/eval/score-facts';

describe('evaluation comparison rules', () => {
  it('names ignore case, punctuation and legal suffixes', () => {
    expect(sameFact('name', 'ACME, Inc.', 'Acme')).toBe(true);
    expect(sameFact('legalName', 'fairkom Gesellschaft m.b.H.', 'fairkom Gesellschaft')).toBe(true);
    expect(sameFact('name', 'Acme Blog', 'Acme')).toBe(false);
  });
  it('domains compare as registrable domains', () =>
    expect(sameFact('domain', 'https://www.acme.co.uk/x', 'acme.co.uk')).toBe(true));
  it('industries count when one contains the other', () =>
    expect(sameFact('industry', 'Software', 'Software Development')).toBe(true));
  it('employee ranges count when they overlap', () => {
    expect(sameFact('employees', { min: 69, max: 69 }, [51, 200])).toBe(true);
    expect(sameFact('employees', { min: 10001, max: null }, [51, 200])).toBe(false);
  });
  it('cities ignore accents', () => expect(sameFact('hqCity', 'Zurich', 'Zürich')).toBe(true));
  it('LinkedIn URLs compare on the company slug', () =>
    expect(
      sameFact(
        'linkedinUrl',
        'https://www.linkedin.com/company/audiense',
        'https://uk.linkedin.com/company/audiense/',
      ),
    ).toBe(true));
});

describe('scoring a run', () => {
  const labels = [
    {
      file: 'a.html',
      pageRole: 'profile' as const,
      expect: { name: 'Acme', domain: 'acme.com', foundedYear: 2014 },
    },
    { file: 'n.html', pageRole: 'negative' as const, expect: { name: null } },
  ];

  it('counts right, wrong and missed facts and the negatives’ false positives', () => {
    const report = scoreFacts(labels, [
      {
        file: 'a.html',
        facts: { name: 'Acme', domain: 'other.com', foundedYear: null, pageRole: 'profile' },
      },
      { file: 'n.html', facts: { name: 'Newsy', foundedYear: 1999, pageRole: 'profile' } },
    ]);
    const field = (f: string) => report.fields.find((x) => x.field === f);
    expect(field('name')).toMatchObject({
      labelled: 1,
      right: 1,
      wrong: 1,
      missed: 0,
      precision: 0.5,
      recall: 1,
    });
    expect(field('domain')).toMatchObject({ right: 0, wrong: 1 });
    expect(field('foundedYear')).toMatchObject({ missed: 1, wrong: 1, recall: 0 });
    expect(report.negativeFalsePositives).toEqual([{ file: 'n.html', field: 'foundedYear', value: 1999 }]);
    expect(report.pageRole).toEqual({ right: 1, total: 2 });
  });
});

describe('scoring technologies', () => {
  it('lists each technology detected but not labelled with its evidence, and each one missed', () => {
    const report = scoreFacts(
      [{ file: 'a.html', pageRole: 'profile', expect: { technologies: ['HubSpot CMS', 'ASP.NET'] } }],
      [
        {
          file: 'a.html',
          facts: {
            technologies: ['HubSpot CMS', 'Polyfill.io'],
            technologyEvidence: { 'Polyfill.io': ['script https://polyfill.io/v3/polyfill.min.js'] },
          },
        },
      ],
    );
    expect(report.technologies).toMatchObject({ right: 1, wrong: 1, missed: 1 });
    expect(report.errors).toEqual([
      {
        file: 'a.html',
        field: 'technologies',
        got: 'Polyfill.io (script https://polyfill.io/v3/polyfill.min.js)',
        want: null,
        kind: 'wrong',
      },
      { file: 'a.html', field: 'technologies', got: null, want: 'ASP.NET', kind: 'missed' },
    ]);
  });
});
