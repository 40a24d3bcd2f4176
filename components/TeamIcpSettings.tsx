import { useState } from 'react';
import { browser } from 'wxt/browser';
import { publishIcp } from '@/lib/icp';
import { isBuiltInOwner } from '@/lib/icp/owner';
import { sendMessage } from '@/lib/messaging';
import type { ActiveIcp } from '@/lib/settings';
import { DEFAULT_REFRESH_MINUTES } from '@/lib/settings/precedence';
import { checkTeamUrl, originPattern } from '@/lib/team-sync';
import { downloadText } from './download';

const when = (ms: number | null) => (ms === null ? 'never' : new Date(ms).toLocaleString());

/**
 * The team ICP file: its address (the rep's, or the policy's, read-only), when it was last checked and
 * received, the last error, "Sync now", and "Publish" for managers.
 */
export function TeamIcpSettings({
  active,
  onChange,
  draftUnsaved = false,
}: {
  active: ActiveIcp;
  onChange(a: ActiveIcp): void;
  /** The editor is open with changes not saved: Publish… would leave them out, and says so instead. */
  draftUnsaved?: boolean;
}) {
  const { team } = active;
  const [url, setUrl] = useState(team?.setBy === 'rep' ? team.url : '');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [permissionNote, setPermissionNote] = useState('');

  /** Runs a request to the background, saying meanwhile what it waits for (a slow host takes up to 15 s). */
  const run = async (work: () => Promise<ActiveIcp>, done: (a: ActiveIcp) => string, pending: string) => {
    setBusy(true);
    setStatus(pending);
    try {
      const next = await work();
      onChange(next);
      setStatus(done(next));
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = checkTeamUrl(url);
    if (!checked.ok) {
      setStatus(`Not saved: ${checked.problem}.`);
      return;
    }
    // Asked here, inside the click: browsers grant optional permissions only from a user gesture, and
    // Firefox only before the handler awaits anything. The address is saved and checked without waiting for
    // the answer (the host may allow ICP Lens through CORS anyway); a grant triggers another check.
    setPermissionNote('');
    void browser.permissions
      .request({ origins: [originPattern(checked.url)] })
      .catch(() => false)
      .then(async (granted) => {
        if (granted) onChange(await sendMessage('syncTeamIcp', {}));
        else
          setPermissionNote(
            `ICP Lens was not allowed to read ${checked.url.host}: the file can be fetched only if its host sends CORS headers (Access-Control-Allow-Origin).`,
          );
      });
    void run(
      () => sendMessage('setTeamIcpUrl', { url: checked.url.href }),
      (next) =>
        next.team?.error
          ? 'Saved. The first check failed (see above).'
          : `Saved. ${next.team?.icp ? `Team ICP “${next.team.icp.name}” v${next.team.icp.version} received${next.source === 'user' ? `; your own ICP stays in force until you go back to the team ICP (in the editor above)` : ''}.` : ''}`,
      `Saving the address and fetching ${checked.url.host}…`,
    );
  };

  const publish = () => {
    if (draftUnsaved) {
      setStatus(
        `Not published: the ICP editor above has changes not saved. Publish… writes the ICP in force (“${active.icp.name}” v${active.icp.version}); save the changes first, then publish.`,
      );
      return;
    }
    const file = publishIcp(active.icp, new Date(), active.team?.icp?.version ?? 0);
    downloadText(file.fileName, file.text, 'application/json');
    // Reps read whom to ask beside the ICP: a file still signed by ICP Lens's own default or preset names nobody.
    const unsigned = isBuiltInOwner(file.icp.owner) || file.icp.name.includes('(built-in)');
    setStatus(
      `Downloaded ${file.fileName} (version ${file.icp.version}). Host it at your team address to roll it out.${
        unsigned
          ? ` Its name or “Maintained by” still says it is ICP Lens’s own (“${file.icp.name}”, “${file.icp.owner}”): reps read them, so set them in the editor and publish again.`
          : ''
      }`,
    );
  };

  return (
    <section className="card options-section" aria-labelledby="team-title" data-testid="team-icp">
      <h3 id="team-title">Team ICP file</h3>
      {team?.setBy === 'policy' ? (
        <p>
          Address set by your organisation’s policy: <code data-testid="team-url-policy">{team.url}</code>
        </p>
      ) : (
        <form onSubmit={save} className="team-url-form">
          <label className="field">
            Address of your team’s ICP file (https://…){' '}
            <input
              type="url"
              value={url}
              placeholder="https://ops.example.com/icp.json"
              onChange={(e) => setUrl(e.target.value)}
              data-testid="team-url"
              size={50}
            />
          </label>
          <button type="submit" disabled={busy} data-testid="team-url-save">
            Save address
          </button>{' '}
          {team && (
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void run(
                  () => sendMessage('setTeamIcpUrl', { url: null }),
                  () => {
                    setUrl('');
                    return 'Team address removed.';
                  },
                  'Removing the team address…',
                )
              }
            >
              Remove
            </button>
          )}
        </form>
      )}
      {team && (
        <>
          <p className="muted" data-testid="team-checked">
            Last checked: {when(team.checkedAt)} ·{' '}
            {team.icp
              ? `${active.source === 'team' ? 'in use' : `received, not in use (${active.source === 'policy' ? 'your organisation’s ICP' : 'your own ICP'} takes priority)`}: “${team.icp.name}” v${team.icp.version}, received ${when(team.fetchedAt)}${team.icpUrl && team.icpUrl !== team.url ? ` from the earlier address ${team.icpUrl}` : ''}`
              : 'nothing received yet'}
            {` · checked every ${active.policy?.refreshMinutes ?? DEFAULT_REFRESH_MINUTES} minutes`}
          </p>
          {team.error && (
            <p role="alert" className="error" data-testid="team-error">
              Last check failed at {when(team.error.at)}: {team.error.message}.{' '}
              {team.icp
                ? active.source === 'team'
                  ? 'The last good team ICP stays in force. '
                  : 'The last good team ICP is kept. '
                : ''}
              ICP Lens tries again at the next check.
            </p>
          )}
          <button
            type="button"
            disabled={busy}
            data-testid="team-sync-now"
            onClick={() => {
              const had = team.icp ? `${team.icp.name} ${team.icp.version}` : null;
              void run(
                () => sendMessage('syncTeamIcp', {}),
                (next) => {
                  const got = next.team?.icp;
                  if (next.team?.error) return 'Checked: it failed (see above).';
                  return got && `${got.name} ${got.version}` !== had
                    ? `Checked: received “${got.name}” v${got.version}.`
                    : 'Checked: up to date.';
                },
                'Checking the team file…',
              );
            }}
          >
            Sync now
          </button>
        </>
      )}
      <p className="muted">
        Managers:{' '}
        <button type="button" onClick={publish} data-testid="publish">
          Publish…
        </button>{' '}
        downloads the ICP in force as a team file with the next version number, ready to host at your team
        address (the administrator's guide, docs/ADMIN.md in the source, says how).
      </p>
      {/* Only while there is something to say: the options page has other status regions, one per section. */}
      {status && (
        <p role="status" className="muted" data-testid="team-status">
          {status}
        </p>
      )}
      {permissionNote && <p className="muted">{permissionNote}</p>}
    </section>
  );
}
