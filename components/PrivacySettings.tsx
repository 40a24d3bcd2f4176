import { useEffect, useState } from 'react';
import { type MessageResponse, sendMessage } from '@/lib/messaging';

type Privacy = MessageResponse<'getPrivacy'>;

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
      <label className="field">
        Forget pages after{' '}
        <input
          type="number"
          min={1}
          max={365}
          defaultValue={privacy.memoryDays}
          aria-describedby="memory-days-help"
          onChange={(e) => {
            const days = Number(e.target.value);
            if (Number.isInteger(days) && days >= 1 && days <= 365) void save({ memoryDays: days });
          }}
        />{' '}
        days
      </label>
      <span id="memory-days-help" className="muted">
        1 to 365.
      </span>
      <label className="field">
        <input
          type="checkbox"
          checked={privacy.rememberIncognito}
          onChange={(e) => void save({ rememberIncognito: e.target.checked })}
        />{' '}
        Remember pages seen in incognito windows
      </label>
      <p>
        <span data-testid="remembered-pages">{privacy.rememberedPages}</span> pages remembered.{' '}
        <button
          type="button"
          data-testid="forget-memory"
          onClick={async () => {
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
