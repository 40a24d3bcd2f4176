import { JSDOM } from 'jsdom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CriteriaTable } from '@/components/calibrate/CalibrationReport';
import { calibrate } from '@/lib/calibrate';
import { DEFAULT_ICP } from '@/lib/icp';
import { account } from '../helpers/accounts';

/** The "Reading" cell of each criterion row, by the criterion's label. */
function readings(markup: string): Record<string, string> {
  const rows = new JSDOM(markup).window.document.querySelectorAll('tbody tr');
  return Object.fromEntries(
    [...rows].map((row) => [
      row.querySelector('th')?.childNodes[0]?.textContent ?? '',
      row.querySelector('td:last-child')?.textContent ?? '',
    ]),
  );
}

describe('the per-criterion reading', () => {
  it('says a disqualifier that hits no account cannot be judged, not that it is weak', () => {
    // A Salesforce export's "Ownership": Public and Private only, so no account is a government body.
    const accounts = [
      ...Array.from({ length: 6 }, () => account({ companyType: 'private', outcome: 'won' })),
      ...Array.from({ length: 6 }, () => account({ companyType: 'public', outcome: 'lost' })),
    ];
    const report = calibrate(accounts, DEFAULT_ICP);
    const text = readings(renderToStaticMarkup(<CriteriaTable report={report} />));
    expect(text['Not government, education or non-profit']).toBe(
      'hits none of these accounts: they cannot tell whether it is right',
    );
  });

  it('says a disqualifier that hits wins and losses alike is weak', () => {
    const accounts = [
      ...Array.from({ length: 6 }, (_, i) =>
        account({ companyType: i < 3 ? 'government' : 'private', outcome: 'won' }),
      ),
      ...Array.from({ length: 6 }, (_, i) =>
        account({ companyType: i < 3 ? 'government' : 'public', outcome: 'lost' }),
      ),
    ];
    const text = readings(renderToStaticMarkup(<CriteriaTable report={calibrate(accounts, DEFAULT_ICP)} />));
    expect(text['Not government, education or non-profit']).toBe('weak: about the same for both');
  });
});
