import type { ScoreResult, Tier } from '@/lib/icp';
import { tierName, verdictClass, verdictName } from './format';
import './TierVerdict.css';

/**
 * What would raise the tier, grouped by the tier it would reach and by whether the criterion is unknown or
 * missed: "Tier 3 if “A”, “B” or “C” turns out to match" rather than the same tier three times.
 */
function upgradeGroups(upgrades: ScoreResult['upgrades']) {
  const groups = new Map<string, { key: string; tier: Tier; unknown: boolean; labels: string[] }>();
  for (const u of upgrades) {
    const unknown = u.status === 'unknown';
    const key = `${u.tier} ${unknown}`;
    const group = groups.get(key) ?? { key, tier: u.tier, unknown, labels: [] };
    group.labels.push(u.label);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** "a", "a or b", "a, b or c". */
function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

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
          Score <strong data-testid="score">{result.score.toFixed(1).replace(/\.0$/, '')}</strong> / 100
          {disqualified && <span data-testid="score-set-aside"> (set aside: disqualified)</span>} · coverage{' '}
          <span data-testid="coverage">{coverage}%</span>
        </div>
        <div className={`verdict-bar${disqualified ? ' set-aside' : ''}`} aria-hidden="true">
          <span style={{ width: `${Math.min(100, result.score)}%` }} />
        </div>
        <p className="verdict-summary" data-testid="verdict-summary">
          {result.summary}
        </p>
        {result.upgrades.length > 0 && (
          <p className="verdict-upgrades" data-testid="upgrades">
            Would be{' '}
            {upgradeGroups(result.upgrades)
              .slice(0, 3)
              .map((g, i) => (
                <span key={g.key}>
                  {i > 0 && '; '}
                  {tierName(g.tier)} if {orList(g.labels.map((l) => `“${l}”`))}{' '}
                  {g.unknown ? 'turns out to match' : 'matched'}
                </span>
              ))}
            .
          </p>
        )}
      </div>
    </section>
  );
}
