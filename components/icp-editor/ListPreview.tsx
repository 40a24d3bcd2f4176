import { useEffect, useRef, useState } from 'react';
import { getDb } from '@/lib/db/index';
import { type ListPreview, previewOnList } from '@/lib/db/list-preview';
import { LIST_TIERS } from '@/lib/db/list-query';
import type { Icp } from '@/lib/icp';
import { listTierName } from '../format';
import { CountsTable } from './CountsTable';

/**
 * The draft on the rep's own prospect list: how many saved companies each tier would hold, and which would
 * move. Asked for with a button (a long list takes a moment), and marked out of date when the draft changes.
 */
export function ListPreviewSection({ current, draft }: { current: Icp; draft: Icp }) {
  const [saved, setSaved] = useState<number | null>(null);
  const [result, setResult] = useState<{ preview: ListPreview; draft: string } | null>(null);
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
  const draftText = JSON.stringify(draft);
  const stale = result !== null && result.draft !== draftText;
  const run = async () => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setBusy(true);
    setError('');
    try {
      const preview = await previewOnList(getDb(), current, draft, controller.signal);
      if (!controller.signal.aborted) setResult({ preview, draft: draftText });
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
        <button type="button" aria-disabled={busy} onClick={() => !busy && void run()}>
          {busy
            ? 'Scoring…'
            : `${result ? 'Preview again' : 'Preview'} on your ${saved.toLocaleString('en')} saved companies`}
        </button>{' '}
        {stale && <span className="muted">The draft changed since this preview.</span>}
      </p>
      {error && <p role="alert">{error}</p>}
      {p && (
        <>
          <CountsTable tiers={LIST_TIERS} name={listTierName} counts={p.counts} testId="list-preview" />
          <p role="status" data-testid="list-preview-summary">
            Of {p.total.toLocaleString('en')} saved companies, {p.movedUp.toLocaleString('en')} would move up
            a tier and {p.movedDown.toLocaleString('en')} down.
          </p>
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
