import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CriteriaList } from '@/components/CriteriaList';
import { verdictNote } from '@/components/format';
import { TierVerdict } from '@/components/TierVerdict';
import type { IcpLensDb, Prospect } from '@/lib/db/index';
import { getProspect } from '@/lib/db/prospects';
import { type Icp, type ScoreResult, scoreCompany } from '@/lib/icp';
import { sendMessage } from '@/lib/messaging';
import { watchIcpSettings } from '@/lib/settings';

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
 * It follows both while open: a new ICP, or the company re-scored or saved again, is read again at once.
 */
export function WhyDialog({
  db,
  id,
  onClose,
}: {
  db: IcpLensDb;
  id: number | null;
  /** Told when the dialog closes, by its Close button or Escape. */
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  // The company as saved, live: a re-score or another save rewrites its record (null once deleted).
  const prospect = useLiveQuery(
    async () => (id === null ? undefined : ((await getProspect(db, id)) ?? null)),
    [db, id],
  );
  const [icp, setIcp] = useState<Icp | null>(null);
  const [failed, setFailed] = useState('');

  useEffect(() => {
    if (id === null) return;
    if (!dialog.current?.open) dialog.current?.showModal();
    let current = true;
    // The ICP in force from the background, which has read the policy already (a page's first read of managed
    // storage takes a second or more in Chromium); asked again whenever an ICP setting changes.
    const load = () =>
      void sendMessage('getActiveIcp', {}).then(
        (active) => current && setIcp(active.icp),
        (error: unknown) =>
          current &&
          setFailed(
            `Could not read the ICP in force: ${error instanceof Error ? error.message : String(error)}`,
          ),
      );
    load();
    const stop = watchIcpSettings(load);
    return () => {
      current = false;
      stop();
      // The next company opened starts from nothing rather than from this one's ICP or failure.
      setIcp(null);
      setFailed('');
    };
  }, [id]);

  const result = useMemo(
    () => (prospect && icp ? scoreCompany(prospect.facts, icp, { facts: 'saved' }) : null),
    [prospect, icp],
  );
  const why: Why = failed
    ? { kind: 'failed', message: failed }
    : prospect === null
      ? { kind: 'failed', message: 'This company is no longer on the list.' }
      : prospect && icp && result
        ? { kind: 'ready', prospect, result, icp: { name: icp.name, version: icp.version } }
        : { kind: 'loading' };

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
          <CriteriaList result={why.result} />
          <p className="muted why-source">
            {/* No date: the record's dates move with notes, status and tags too, not only with its facts. */}
            Scored against {why.icp.name} v{why.icp.version} from the facts saved
            {why.prospect.sourceUrls.length > 0
              ? ` from ${[...new Set(why.prospect.sourceUrls.map(hostOf))].slice(0, 3).join(', ')}`
              : ''}
            .
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
