import { nothingKnown, type ScoreResult } from '@/lib/icp';
import { upgradesText, verdictClass, verdictName } from './format';
import './TierVerdict.css';

/** The verdict, first and large: tier, score, coverage and why. */
export function TierVerdict({ result }: { result: ScoreResult }) {
  const coverage = Math.round(result.coverage * 100);
  // The score stays informative (what the fit would be), but it does not count: the disqualifier decides.
  const disqualified = result.criteria.some((c) => c.status === 'disqualified');
  return (
    <section
      className={`verdict ${verdictClass(result)}`}
      aria-labelledby="verdict-tier"
      data-testid="verdict"
    >
      <div className="verdict-tier" id="verdict-tier" data-testid="tier">
        {verdictName(result)}
      </div>
      <div className="verdict-body">
        <div>
          Score{' '}
          <strong data-testid="score">
            {/* Nothing known gives no score: a 0 would say the company fits nothing. */}
            {nothingKnown(result) ? '—' : result.score.toFixed(1).replace(/\.0$/, '')}
          </strong>{' '}
          / 100
          {disqualified && <span data-testid="score-set-aside"> (set aside: disqualified)</span>} · coverage{' '}
          <span data-testid="coverage">{coverage}%</span>
        </div>
        <div className={`verdict-bar${disqualified ? ' set-aside' : ''}`} aria-hidden="true">
          <span style={{ width: `${nothingKnown(result) ? 0 : Math.min(100, result.score)}%` }} />
        </div>
        <p className="verdict-summary" data-testid="verdict-summary">
          {result.summary}
        </p>
        {result.upgrades.length > 0 && (
          <p className="verdict-upgrades" data-testid="upgrades">
            {upgradesText(result.upgrades)}
          </p>
        )}
      </div>
    </section>
  );
}
