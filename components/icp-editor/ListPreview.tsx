import { useEffect, useRef, useState } from 'react';
import { getDb } from '@/lib/db/index';
import { type ListPreview, previewOnList } from '@/lib/db/list-preview';
import { LIST_TIERS } from '@/lib/db/list-query';
import type { Icp } from '@/lib/icp';
import { listTierName } from '../format';
import { CountsTable } from './CountsTable';

const n = (count: number) => count.toLocaleString('en');

/** "Of 1,200 saved companies, 40 would move up a tier, 3 down, and 2 between Not a fit and Not enough known." */
function summary(p: ListPreview): string {
  const across = p.movedAcross ? `, and ${n(p.movedAcross)} between Not a fit and Not enough known` : '';
  return `Of ${n(p.total)} saved companies, ${n(p.movedUp)} would move up a tier, ${n(p.movedDown)} down${across}.`;
}

/**
 * The draft on the rep's own prospect list: how many saved companies each tier would hold, and which would
 * move. Asked for with a button (a long list takes a moment), and marked out of date when the draft or the ICP
 * in force changes; kept while the draft is invalid (`draft` null), which cannot be previewed.
 */
export function ListPreviewSection({ current, draft }: { current: Icp; draft: Icp | null }) {
  const [saved, setSaved] = useState<number | null>(null);
  const [result, setResult] = useState<{ preview: ListPreview; of: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const running = useRef<AbortController | null>(null);
  useEffect(() => {
    void getDb()
      .prospects.count()
      .then(setSaved, () => setSaved(0));
    return () => running.current?.abort();
  }, []);
  if (!saved) return null;
  const of = JSON.stringify([current, draft]);
  const stale = result !== null && result.of !== of;
  const run = async () => {
    if (!draft) return;
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setBusy(true);
    setError('');
    try {
      const preview = await previewOnList(getDb(), current, draft, controller.signal);
      if (!controller.signal.aborted) setResult({ preview, of });
    } catch (e) {
      setError(`The prospect list could not be read: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      if (running.current === controller) setBusy(false);
    }
  };
  const p = result?.preview;
  return (
    <section className="card editor-preview" aria-labelledby="list-preview-title" data-testid="list-preview">
      <h3 id="list-preview-title">Preview on your prospect list</h3>
      <p>
        <button type="button" aria-disabled={busy || !draft} onClick={() => !busy && void run()}>
          {busy ? 'Scoring…' : `${result ? 'Preview again' : 'Preview'} on your ${n(saved)} saved companies`}
        </button>{' '}
        {stale && <span className="muted">The draft or the ICP in force changed since this preview.</span>}
        {!draft && <span className="muted">The draft has problems to mend first (listed above).</span>}
      </p>
      {error && <p role="alert">{error}</p>}
      {/* Mounted from the start, so that the summary is heard when it comes. */}
      <p role="status" data-testid="list-preview-summary">
        {p && summary(p)}
      </p>
      {p && (
        <>
          <CountsTable tiers={LIST_TIERS} name={listTierName} counts={p.counts} testId="list-preview" />
          {p.movers.length > 0 && (
            <ul aria-label="Saved companies that would change tier">
              {p.movers.map((m) => (
                <li key={m.id}>
                  {m.name}: {listTierName(m.before)} → <strong>{listTierName(m.after)}</strong> (
                  {m.scoreBefore} → {m.scoreAfter})
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
