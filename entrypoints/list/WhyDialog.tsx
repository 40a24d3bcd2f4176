import { useEffect, useRef, useState } from 'react';
import { CriteriaList } from '@/components/CriteriaList';
import { verdictNote } from '@/components/format';
import { TierVerdict } from '@/components/TierVerdict';
import type { IcpLensDb, Prospect } from '@/lib/db/index';
import { getProspect } from '@/lib/db/prospects';
import { type ScoreResult, scoreCompany } from '@/lib/icp';
import { sendMessage } from '@/lib/messaging';

type Why =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | {
      kind: 'ready';
      prospect: Prospect;
      result: ScoreResult;
      icp: { name: string; version: number };
    };

/**
 * Why a saved company has its tier, criterion by criterion, as the side panel explains the page in view: its
 * saved facts scored again, with every explanation written, against the ICP in force (the list's re-score keeps
 * only tiers and points). Where the saved verdict is from another ICP (a re-score still to come), both are named.
 */
export function WhyDialog({ db, id, onClose }: { db: IcpLensDb; id: number | null; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [why, setWhy] = useState<Why>({ kind: 'loading' });

  useEffect(() => {
    if (id === null) return;
    let current = true;
    setWhy({ kind: 'loading' });
    if (!dialog.current?.open) dialog.current?.showModal();
    // The ICP in force from the background, which has read the policy already (a page's first read of managed
    // storage takes a second or more in Chromium).
    void Promise.all([getProspect(db, id), sendMessage('getActiveIcp', {})])
      .then(([prospect, active]) => {
        if (!current) return;
        if (!prospect) {
          setWhy({ kind: 'failed', message: 'This company is no longer on the list.' });
          return;
        }
        const { icp } = active;
        setWhy({
          kind: 'ready',
          prospect,
          result: scoreCompany(prospect.facts, icp),
          icp: { name: icp.name, version: icp.version },
        });
      })
      .catch((error: unknown) => {
        if (current)
          setWhy({
            kind: 'failed',
            message: `Could not read this company: ${error instanceof Error ? error.message : String(error)}`,
          });
      });
    return () => {
      current = false;
    };
  }, [db, id]);

  const name = why.kind === 'ready' ? why.prospect.name : 'this company';
  return (
    <dialog
      ref={dialog}
      className="why"
      aria-labelledby="why-title"
      data-testid="why-dialog"
      // Escape closes the dialog itself; the list is told either way.
      onClose={onClose}
    >
      <header className="why-header">
        <h2 id="why-title">Why {name}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </header>
      {why.kind === 'loading' && <p className="muted">Reading the saved facts…</p>}
      {why.kind === 'failed' && (
        <p className="error" role="alert">
          {why.message}
        </p>
      )}
      {why.kind === 'ready' && (
        <>
          <Stale note={verdictNote(why.prospect, why.result, why.icp)} />
          <TierVerdict result={why.result} />
          <CriteriaList criteria={why.result.criteria} />
          <p className="muted why-source">
            Scored against {why.icp.name} v{why.icp.version} from the facts saved{' '}
            {new Date(why.prospect.updatedAt).toLocaleDateString()}
            {why.prospect.sourceUrls[0] ? ` (last from ${hostOf(why.prospect.sourceUrls[0])})` : ''}.
          </p>
        </>
      )}
    </dialog>
  );
}

function Stale({ note }: { note: string | null }) {
  return note ? (
    <p className="why-stale" data-testid="why-stale">
      {note}
    </p>
  ) : null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
