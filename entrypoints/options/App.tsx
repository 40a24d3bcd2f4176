import { useCallback, useEffect, useRef, useState } from 'react';
import { Calibrate } from '@/components/calibrate/Calibrate';
import { IcpView } from '@/components/IcpView';
import { IcpEditor } from '@/components/icp-editor/IcpEditor';
import { PrivacySettings } from '@/components/PrivacySettings';
import { TeamIcpSettings } from '@/components/TeamIcpSettings';
import { sendMessage } from '@/lib/messaging';
import { type ActiveIcp, watchIcpSettings } from '@/lib/settings';
import './style.css';
import { isBuiltInOwner } from '@/lib/icp/owner';

/** What the lock says of the ICP in force, by where it comes from (never the rep's own: a lock sets it aside). */
const LOCK_TEXT: Record<ActiveIcp['source'], string> = {
  policy: 'Set by your organisation’s policy.',
  team: 'Your organisation’s policy sets this team file.',
  default:
    'Your organisation’s policy manages the ICP; the built-in default stands in until what it sets can be used.',
  user: 'Your organisation’s policy manages the ICP.',
};

/** The options page: the ICP in force, where it came from, its editor, and the privacy settings. */
export function App() {
  const [active, setActive] = useState<ActiveIcp | null>(null);
  const [error, setError] = useState<string | null>(null);
  // How the editor was opened: by its button (the keyboard goes to its first field), or by the calibration's
  // "Add to draft" (the rep stays where they are).
  const [editing, setEditing] = useState<false | 'button' | 'calibration'>(false);
  const [editorDirty, setEditorDirty] = useState(false);
  const focusEdit = useRef(false);
  const refresh = useCallback(() => {
    sendMessage('getActiveIcp', {})
      .then(setActive)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(refresh, [refresh]);
  // A background check of the team file (or a policy change) while the page is open shows at once.
  useEffect(() => watchIcpSettings(refresh), [refresh]);

  return (
    <main className="options">
      <h1>ICP Lens</h1>
      <h2 className="section-title">Ideal Customer Profile in force</h2>
      {error && <p role="alert">Could not read the ICP: {error}</p>}
      {active && (
        <section className="card options-icp" aria-labelledby="icp-name">
          <h3 id="icp-name" data-testid="icp-name">
            {active.icp.name} <span className="muted">v{active.icp.version}</span>
          </h3>
          <p className="muted" data-testid="icp-source">
            {active.origin}{' '}
            {/* ICP Lens's own "owner" names nobody to ask (an edited copy keeps it until the editor's field is set). */}
            {active.icp.owner && !isBuiltInOwner(active.icp.owner) && `Maintained by ${active.icp.owner}.`}{' '}
            Updated {new Date(active.icp.updatedAt).toLocaleDateString()}.
          </p>
          {active.locked && (
            <p className="lock-notice" data-testid="icp-locked">
              🔒 {LOCK_TEXT[active.source]} It cannot be edited or replaced here.
            </p>
          )}
          {active.problem && <p role="alert">{active.problem}</p>}
          {active.policy && active.policy.problems.length > 0 && (
            <div role="alert" data-testid="policy-problems">
              Your organisation’s policy has settings ICP Lens cannot use (tell your IT administrator):
              <ul>
                {active.policy.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          {/* A policy that comes to lock the ICP closes an untouched editor; one with edits stays open (it says
              why it cannot save), so that the draft is not lost without a word: the manager exports it, then
              closes it. */}
          {editing && (!active.locked || editorDirty) ? (
            <IcpEditor
              active={active}
              onDirtyChange={setEditorDirty}
              focusFirstField={editing === 'button'}
              onSaved={refresh}
              onClose={() => {
                focusEdit.current = true;
                setEditing(false);
              }}
            />
          ) : (
            <>
              <IcpView icp={active.icp} />
              {!active.locked && (
                <button
                  ref={(button) => {
                    // Back from the editor: the keyboard goes on from the button that opened it.
                    if (button && focusEdit.current) button.focus();
                    focusEdit.current = false;
                  }}
                  type="button"
                  className="primary"
                  onClick={() => setEditing('button')}
                >
                  Edit the ICP
                </button>
              )}
            </>
          )}
        </section>
      )}
      {active && (
        <TeamIcpSettings
          active={active}
          onChange={setActive}
          draftUnsaved={editing !== false && editorDirty}
        />
      )}
      {active && (
        <Calibrate active={active} onOpenEditor={() => setEditing((open) => open || 'calibration')} />
      )}
      <h2 className="section-title">Privacy</h2>
      <PrivacySettings />
      <p className="muted">Everything ICP Lens reads stays in this browser unless you export it.</p>
    </main>
  );
}
