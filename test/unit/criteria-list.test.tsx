import { JSDOM } from 'jsdom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CriteriaList } from '@/components/CriteriaList';
import { DEFAULT_ICP, nothingKnown, scoreCompany } from '@/lib/icp';
import { SAMPLE_COMPANIES } from '@/lib/icp/sample-companies';

/** The points column of each criterion row, by criterion id, as the list renders it. */
function pointsOf(markup: string): Record<string, string> {
  const rows = new JSDOM(markup).window.document.querySelectorAll('[data-testid^="criterion-"]');
  return Object.fromEntries(
    [...rows].map((row) => [
      row.getAttribute('data-testid')?.replace('criterion-', ''),
      row.querySelector('.criterion-points')?.textContent,
    ]),
  );
}

describe('the points each criterion adds', () => {
  const company = SAMPLE_COMPANIES.find((c) => c.name === 'Lumenfold')?.facts;
  if (!company) throw new Error('the sample companies have no Lumenfold');

  it('are shown for a verdict with a score', () => {
    const result = scoreCompany(company, DEFAULT_ICP);
    expect(nothingKnown(result)).toBe(false);
    expect(pointsOf(renderToStaticMarkup(<CriteriaList result={result} />)).location).toMatch(/^\+\d/);
  });

  it('are not shown where too little is known to give a score, even for a criterion that matches', () => {
    // The country alone: the location criterion matches, but it is too little of the profile to judge.
    const result = scoreCompany({ hqCountry: company.hqCountry }, DEFAULT_ICP);
    expect(nothingKnown(result)).toBe(true);
    expect(result.criteria.find((c) => c.id === 'location')).toMatchObject({
      status: 'match',
      contribution: 100,
    });
    const points = pointsOf(renderToStaticMarkup(<CriteriaList result={result} />));
    expect(points.location).toBe('—');
    for (const [id, shown] of Object.entries(points)) expect(shown, id).not.toMatch(/\d/);
  });
});
