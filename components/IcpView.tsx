import {
  COMPANY_TYPE_LABEL,
  type Criterion,
  describeRange,
  FUNDING_STAGE_LABEL,
  type Icp,
  industryById,
  REGION_OPTIONS,
} from '@/lib/icp';
import './IcpView.css';

const RULE_LABEL = { score: 'Scores', 'must-have': 'Must-have', disqualifier: 'Disqualifier' } as const;

/** What a criterion asks for, in words. */
export function describeCriterion(c: Criterion): string {
  switch (c.kind) {
    case 'industry':
      return [
        ...c.industries.map((id) => industryById(id)?.label ?? id),
        ...c.wording.map((w) => `“${w}”`),
      ].join(', ');
    case 'employees':
    case 'revenue':
    case 'founded': {
      const unit = c.kind === 'employees' ? 'employees' : c.kind === 'revenue' ? 'USD' : 'year';
      const acceptable = c.acceptable.map(
        (b) => `${describeRange(b, unit)} (${Math.round(b.credit * 100)}%)`,
      );
      return `Ideal ${describeRange(c.ideal, unit)}${acceptable.length ? `; acceptable ${acceptable.join(', ')}` : ''}`;
    }
    case 'location':
      return [
        ...c.regions.map((r) => REGION_OPTIONS.find((o) => o.id === r)?.label ?? r),
        ...c.countries,
      ].join(', ');
    case 'technologies':
      return `Uses ${c.match === 'none' ? 'none' : c.match} of ${c.technologies.join(', ')}`;
    case 'keywords':
      return c.keywords.join(', ');
    case 'companyType':
      return c.types.map((t) => COMPANY_TYPE_LABEL[t]).join(', ');
    case 'fundingStage':
      return c.stages.map((s) => FUNDING_STAGE_LABEL[s]).join(', ');
    case 'domains':
      return `${c.domains.length} domain${c.domains.length === 1 ? '' : 's'}: ${c.domains.slice(0, 5).join(', ')}${c.domains.length > 5 ? '…' : ''}`;
  }
}

/** A read-only view of an ICP: its criteria, weights, rules and thresholds. */
export function IcpView({ icp }: { icp: Icp }) {
  return (
    <div className="icp-view">
      {icp.description && <p>{icp.description}</p>}
      <table className="icp-criteria">
        <caption className="sr-only">Criteria of {icp.name}</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">What fits</th>
            <th scope="col">Rule</th>
            <th scope="col">Weight</th>
          </tr>
        </thead>
        <tbody>
          {icp.criteria.map((c) => (
            <tr key={c.id} data-testid={`icp-criterion-${c.id}`}>
              <th scope="row">{c.label}</th>
              <td>{describeCriterion(c)}</td>
              <td>{RULE_LABEL[c.rule]}</td>
              <td>{c.rule === 'disqualifier' ? '—' : c.weight}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Tier 1 from {icp.tiers.tier1}, Tier 2 from {icp.tiers.tier2}, Tier 3 from {icp.tiers.tier3}; below
        that, not a fit. Criteria a page does not show are{' '}
        {icp.unknownPolicy === 'ignore' ? 'left out of the score' : 'counted as misses'}; Tier 1 needs{' '}
        {Math.round(icp.minCoverageForTier1 * 100)}% of the profile known, Tier 2{' '}
        {Math.round(icp.minCoverageForTier2 * 100)}%.
      </p>
    </div>
  );
}
