import { type CalibrationReport as Report, TIERS } from '@/lib/calibrate';
import { listTierName } from '../format';

/** 0.6123 → "61%"; null → "–". */
export function percent(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 100)}%`;
}

const count = (n: number) => n.toLocaleString('en-US');

/** The one-line verdict: Tier 1's win rate against the rest, the AUC, and the coverage. */
export function Headline({ report }: { report: Report }) {
  const { tier1WinRate, restWinRate, winRate } = report.headline;
  const unjudged = report.tiers.not_enough_known;
  if (report.accounts > 0 && unjudged.won + unjudged.lost + unjudged.open === report.accounts)
    return (
      <p className="calibrate-headline calibrate-warning" data-testid="calibrate-headline">
        None of the {count(report.accounts)} accounts shows anything the ICP weighs: every one is “Not enough
        known”, so there is nothing to compare. Import the file again and choose its columns for industry,
        employees, revenue, country, technologies, founding year or company type.
      </p>
    );
  return (
    <p className="calibrate-headline" data-testid="calibrate-headline">
      Tier 1 wins <strong>{percent(tier1WinRate)}</strong> of its closed deals, Tiers 2, 3 and Not a fit{' '}
      <strong>{percent(restWinRate)}</strong> (all: {percent(winRate)}). AUC{' '}
      <strong>{report.auc === null ? '–' : report.auc.toFixed(2)}</strong>
      <span className="muted"> (0.5 is a coin toss, 1 perfect)</span>. Enough data for{' '}
      <strong>{percent(report.coverage)}</strong> of {count(report.accounts)} accounts.
      {(report.won === 0 || report.lost === 0) && (
        <strong className="calibrate-warning-inline" data-testid="calibrate-one-sided">
          {' '}
          No {report.won === 0 ? 'won' : 'lost'} deal among them: the win rates compare nothing. The outcome
          column needs both won and lost deals (a lifecycle stage with no "lost" has none).
        </strong>
      )}
    </p>
  );
}

/** Won, lost and open per tier, as a table with a bar per tier (the table carries every number). */
export function TierTable({ report, testId }: { report: Report; testId: string }) {
  const widest = Math.max(
    1,
    ...TIERS.map((t) => report.tiers[t].won + report.tiers[t].lost + report.tiers[t].open),
  );
  return (
    <table className="calibrate-tiers" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Tier</th>
          <th scope="col">Won</th>
          <th scope="col">Lost</th>
          <th scope="col">Open</th>
          <th scope="col">Win rate</th>
          <th scope="col">Share of won value</th>
          <th scope="col">
            <span className="sr-only">Chart</span>
            <span aria-hidden="true" className="legend">
              <i className="won" /> won <i className="lost" /> lost <i className="open" /> open
            </span>
          </th>
        </tr>
      </thead>
      <tbody>
        {TIERS.map((tier) => {
          const t = report.tiers[tier];
          return (
            <tr key={tier} data-testid={`${testId}-${tier}`}>
              <th scope="row">{listTierName(tier)}</th>
              <td>{count(t.won)}</td>
              <td>{count(t.lost)}</td>
              <td>{count(t.open)}</td>
              <td>
                <strong>{percent(t.winRate)}</strong>
              </td>
              <td>{percent(t.wonValueShare)}</td>
              <td className="bar-cell" aria-hidden="true">
                <div className="bar" style={{ width: `${(100 * (t.won + t.lost + t.open)) / widest}%` }}>
                  <span className="won" style={{ flexGrow: t.won }} />
                  <span className="lost" style={{ flexGrow: t.lost }} />
                  <span className="open" style={{ flexGrow: t.open }} />
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const VERDICT_TEXT: Record<Report['criteria'][number]['verdict'], string> = {
  separates: 'separates wins from losses',
  weak: 'weak: about the same for both',
  misleading: 'misleading: the wrong way round',
  'too-few': 'too few accounts show it',
  'not-imported': 'not in the import (no column for it, or an empty one)',
};

/**
 * What a criterion's verdict says to the manager. A disqualifier that hits no closed account is not "weak": the
 * accounts cannot say whether it is right (a Salesforce "Ownership" of Public and Private never names a
 * government body), and dropping it would let such prospects through.
 */
function reading(c: Report['criteria'][number]): string {
  if (c.rule === 'disqualifier' && c.verdict === 'weak' && c.won.matched === 0 && c.lost.matched === 0)
    return 'hits none of these accounts: they cannot tell whether it is right';
  return VERDICT_TEXT[c.verdict];
}

/** Each criterion's match rate among won and lost accounts. */
export function CriteriaTable({ report, testId = 'criteria-table' }: { report: Report; testId?: string }) {
  return (
    <table className="calibrate-criteria" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Criterion</th>
          <th scope="col">Matches among won</th>
          <th scope="col">Matches among lost</th>
          <th scope="col">Reading</th>
        </tr>
      </thead>
      <tbody>
        {report.criteria.map((c) => (
          <tr key={c.id} className={`verdict-${c.verdict}`}>
            <th scope="row">
              {c.label}
              {c.rule === 'disqualifier' && <span className="muted"> (disqualifier)</span>}
            </th>
            <td>
              {percent(c.won.rate)} <span className="muted">of {count(c.won.known)}</span>
            </td>
            <td>
              {percent(c.lost.rate)} <span className="muted">of {count(c.lost.known)}</span>
            </td>
            <td>{reading(c)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
