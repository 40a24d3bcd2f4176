import { useEffect, useState } from 'react';
import { type MessageResponse, sendMessage } from '@/lib/messaging';

type Privacy = MessageResponse<'getPrivacy'>;

/**
 * How many days pages are kept: saved when the rep leaves the field or presses Enter (not at each key, which
 * saved 4 and 40 on the way to 400), and only a whole number from 1 to 365; anything else says what stays.
 */
function MemoryDays({
  saved,
  save,
  locked,
}: {
  saved: number;
  save: (days: number) => void;
  /** Set by the organisation's policy: shown, not editable. */
  locked: boolean;
}) {
  const [text, setText] = useState(String(saved));
  const days = Number(text);
  const valid = /^\s*\d+\s*$/.test(text) && days >= 1 && days <= 365;
  const commit = () => {
    if (valid && days !== saved) save(days);
  };
  return (
    <>
      <label className="field">
        Forget pages after{' '}
        <input
          type="number"
          min={1}
          max={365}
          value={text}
          disabled={locked}
          aria-invalid={!valid || undefined}
          aria-describedby="memory-days-help"
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />{' '}
        days
      </label>
      <span
        id="memory-days-help"
        className={valid ? 'muted' : 'field-problems'}
        data-testid="memory-days-help"
      >
        {locked
          ? 'Set by your organisation’s policy.'
          : valid
            ? '1 to 365.'
            : `A whole number of days from 1 to 365; ${saved} days stay in force.`}
      </span>
    </>
  );
}

/** The company memory's settings: how long pages are kept, incognito, paused sites, and forgetting it all. */
export function PrivacySettings() {
  const [privacy, setPrivacy] = useState<Privacy | null>(null);
  const [status, setStatus] = useState('');
  const refresh = () => sendMessage('getPrivacy', {}).then(setPrivacy);
  useEffect(() => {
    sendMessage('getPrivacy', {}).then(setPrivacy);
  }, []);
  if (!privacy) return null;

  const save = async (change: Parameters<typeof sendMessage<'setPrivacy'>>[1]) => {
    try {
      await sendMessage('setPrivacy', change);
      await refresh();
      setStatus('Saved.');
    } catch (error) {
      setStatus(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <section className="card options-section" aria-labelledby="privacy-title">
      <h3 id="privacy-title">Company memory</h3>
      <p className="muted">
        ICP Lens remembers the company pages you open (their facts, not the page) so that a company's website
        and its LinkedIn page complete each other. It stays in this browser and is never sent anywhere.
      </p>
      <MemoryDays
        saved={privacy.memoryDays}
        locked={privacy.locked.memoryDays}
        save={(memoryDays) => void save({ memoryDays })}
      />
      <label className="field">
        <input
          type="checkbox"
          checked={privacy.rememberIncognito}
          disabled={privacy.locked.rememberIncognito}
          onChange={(e) => void save({ rememberIncognito: e.target.checked })}
        />{' '}
        Remember pages seen in incognito windows
        {privacy.locked.rememberIncognito && (
          <span className="muted" data-testid="incognito-locked">
            {' '}
            (set by your organisation’s policy)
          </span>
        )}
      </label>
      <p>
        <span data-testid="remembered-pages">{privacy.rememberedPages}</span> pages remembered.{' '}
        <button
          type="button"
          data-testid="forget-memory"
          onClick={async () => {
            // No undo: what the memory combined (a site with its LinkedIn page) is read again page by page.
            if (!window.confirm(`Forget all ${privacy.rememberedPages} remembered pages?`)) return;
            const { forgotten } = await sendMessage('forgetMemory', {});
            await refresh();
            setStatus(`Forgot ${forgotten} pages.`);
          }}
        >
          Forget all remembered pages
        </button>
      </p>
      <h4>Paused sites</h4>
      {privacy.pausedSites.length === 0 ? (
        <p className="muted">None. Pause a site from the side panel.</p>
      ) : (
        <ul>
          {privacy.pausedSites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button
                type="button"
                onClick={async () => {
                  await sendMessage('pauseSite', { site, paused: false });
                  await refresh();
                }}
              >
                Resume
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="muted">
        {status}
      </p>
    </section>
  );
}
