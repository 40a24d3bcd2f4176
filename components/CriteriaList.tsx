import { type CriterionResult, nothingKnown, type ScoreResult } from '@/lib/icp';
import { SOURCE_LABEL, statusLabel, statusMark, WHERE_TO_FIND } from './format';
import './CriteriaList.css';

function points(c: CriterionResult, unjudged: boolean): string {
  if (c.rule === 'disqualifier')
    return c.status === 'disqualified' ? 'rules out' : c.status === 'unknown' ? '—' : 'clear';
  // A verdict that rests on too little known has no score (see TierVerdict), so no criterion adds to one.
  if (unjudged || (c.status === 'unknown' && c.possible === 0)) return '—';
  return c.contribution > 0 ? `+${c.contribution.toFixed(1).replace(/\.0$/, '')}` : '0';
}

/**
 * Every criterion of a verdict with its status, the page evidence and the points it added (none where too little
 * is known to give a score); a disqualifier that rules the company out comes first, as it decides the verdict
 * whatever the others say.
 */
export function CriteriaList({ result }: { result: ScoreResult }) {
  const { criteria } = result;
  const unjudged = nothingKnown(result);
  const ordered = [
    ...criteria.filter((c) => c.status === 'disqualified'),
    ...criteria.filter((c) => c.status !== 'disqualified'),
  ];
  return (
    <ul className="criteria card" aria-label="ICP criteria">
      {ordered.map((c) => {
        const status = statusLabel(c.status, c.rule === 'disqualifier');
        return (
          <li
            key={c.id}
            className={`criterion status-${c.status}`}
            data-testid={`criterion-${c.id}`}
            data-status={c.status}
          >
            <span className="criterion-mark" aria-hidden="true">
              {statusMark(c.status)}
            </span>
            <div className="criterion-body">
              <div className="criterion-label">
                <span className="sr-only">{status}: </span>
                {c.label}
                {c.rule === 'must-have' && <span className="chip">must-have</span>}
                {c.rule === 'disqualifier' && <span className="chip">disqualifier</span>}
              </div>
              <div className="criterion-detail muted">{c.detail}</div>
              {c.status === 'unknown' && WHERE_TO_FIND[c.kind] && (
                <div className="criterion-evidence">{WHERE_TO_FIND[c.kind]}</div>
              )}
              {c.evidence && (
                <div className="criterion-evidence">
                  <q>{c.evidence.snippet}</q>
                  <span className="chip">{SOURCE_LABEL[c.evidence.source] ?? c.evidence.source}</span>
                </div>
              )}
            </div>
            <span className="criterion-points" title={status}>
              {points(c, unjudged)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
