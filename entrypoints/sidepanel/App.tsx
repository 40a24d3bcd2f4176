import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { CompactList } from '@/components/CompactList';
import { CriteriaList } from '@/components/CriteriaList';
import { CustomerBadge } from '@/components/CustomerBadge';
import { FactsTable } from '@/components/FactsTable';
import { SOURCE_LABEL, shortWhen, tierName, verdictName } from '@/components/format';
import { NoteField } from '@/components/NoteField';
import { StatusSelect } from '@/components/StatusSelect';
import { TechnologiesList } from '@/components/TechnologiesList';
import { TierVerdict } from '@/components/TierVerdict';
import { getDb } from '@/lib/db/index';
import { getProspect, updateProspect } from '@/lib/db/prospects';
import { NOTHING_KNOWN_LABEL, nothingKnown } from '@/lib/icp';
import { isBuiltInOwner } from '@/lib/icp/owner';
import { type PageState, sendMessage, type TabState } from '@/lib/messaging';
import { type TabPage, useFollowedTab, useTabPage, useTabState } from './use-tab-state';
import './style.css';

const ICP_SOURCE_LABEL = {
  default: 'built-in default',
  user: 'your own ICP',
  team: 'team ICP',
  policy: 'set by your organisation',
} as const;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function Company({ state }: { state: PageState }) {
  const { facts } = state;
  const name = facts.name?.value ?? facts.domain?.value ?? hostOf(state.url);
  const hosts = [...new Set(state.sources.map((s) => hostOf(s.url)))];
  return (
    <header className="company">
      <div className="company-logo" aria-hidden="true">
        {name.slice(0, 1).toUpperCase()}
      </div>
      <div>
        <h1 data-testid="company-name">{name}</h1>
        <div className="muted">
          <span data-testid="company-domain">{facts.domain?.value ?? 'domain unknown'}</span> ·{' '}
          <span data-testid="company-sources">
            seen on {hosts.join(' and ')}
            {state.sources.length > 1 && ` (${state.sources.length} pages)`}
          </span>
          {facts.name && <span className="chip">{SOURCE_LABEL[facts.name.source] ?? facts.name.source}</span>}
        </div>
      </div>
    </header>
  );
}

/**
 * Set when the rep presses Pause or Resume: the view that replaces the button takes the keyboard focus on its
 * heading, which would otherwise fall back to the top of the panel.
 */
let focusPauseHeading = false;

/** The heading of the paused or resumed view, focused when the rep's own press brought it. */
function PauseHeading({ children }: { children: React.ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusPauseHeading) return;
    focusPauseHeading = false;
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

function PauseButton({ site, paused }: { site: string; paused: boolean }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="link-button"
      disabled={busy}
      onClick={() => {
        focusPauseHeading = true;
        setBusy(true);
        void sendMessage('pauseSite', { site, paused: !paused }).finally(() => setBusy(false));
      }}
    >
      {paused ? `Resume on ${site} (reload the page)` : `Pause on ${site}`}
    </button>
  );
}

/** Saves the company to the tier's list, or says it is already there. */
function SaveBar({ state }: { state: PageState }) {
  // What was said of the last save or edit, with the ICP it was said under: a new ICP re-tiers the company (and
  // the list re-files it), so "Saved to the Tier 3 list" would contradict the verdict and the line above it.
  const icp = `${state.icp.name} v${state.icp.version}`;
  const [said, setSaid] = useState({ text: '', icp });
  const message = said.icp === icp ? said.text : '';
  const setMessage = (text: string) => setSaid({ text, icp });
  const [busy, setBusy] = useState(false);
  const savedId = state.saved?.id;
  // The saved record as the list has it now: a status, note or tier changed there, or the company deleted,
  // shows here at once (null once deleted; undefined while reading, when the tab state's summary stands in).
  const live = useLiveQuery(
    async () =>
      savedId === undefined ? null : ((await getProspect(getDb(), savedId, { evidence: false })) ?? null),
    [savedId],
  );
  const saved =
    live === undefined
      ? state.saved
      : live && {
          tier: live.tier,
          status: live.status,
          savedAt: live.savedAt,
          nothingKnown: nothingKnown(live.result),
          notes: live.notes,
        };
  if (!state.result) return null;
  const name = state.facts.name?.value ?? state.facts.domain?.value ?? hostOf(state.url);
  const edit = (change: Parameters<typeof updateProspect>[2]) => {
    if (savedId === undefined) return;
    updateProspect(getDb(), savedId, change).then(
      () => setMessage(''),
      (error) => setMessage(`Not saved: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  const unknown = nothingKnown(state.result);
  const tier = tierName(state.result.tier);
  const save = async () => {
    setBusy(true);
    try {
      const saved = await sendMessage('saveProspect', { tabId: state.tabId });
      setMessage(
        !saved.created
          ? saved.kept > 0
            ? `Updated on your list, as ${tierName(saved.tier)}: it keeps ${saved.kept === 1 ? 'one saved fact' : `${saved.kept} saved facts`} this page does not show.`
            : 'Updated on your list.'
          : unknown
            ? `Saved to your list, under “${NOTHING_KNOWN_LABEL}” until a page shows more.`
            : saved.tier === 'not_a_fit'
              ? 'Saved to your list, as Not a fit.'
              : `Saved to the ${tierName(saved.tier)} list.`,
      );
    } catch (error) {
      setMessage(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="save-bar" data-testid="save-bar">
      {saved && savedId !== undefined ? (
        <div data-testid="saved" className="saved-note">
          <p>
            On your list since {new Date(saved.savedAt).toLocaleDateString()}, as{' '}
            {saved.nothingKnown ? NOTHING_KNOWN_LABEL : tierName(saved.tier)}
          </p>
          {/* What the rep tracks about the company, written where the rep looks at it (the list has the same). */}
          <div className="saved-edit">
            <StatusSelect
              status={saved.status}
              label={`Status of ${name}`}
              onChange={(status) => edit({ status })}
            />
            <NoteField
              id={savedId}
              notes={saved.notes}
              label={`Notes on ${name}`}
              className="saved-notes"
              multiline
              onSave={(notes) => edit({ notes })}
            />
          </div>
        </div>
      ) : null}
      <button
        type="button"
        className="primary"
        // Not `disabled` while saving: that would drop the keyboard focus to the top of the panel.
        aria-disabled={busy}
        aria-busy={busy}
        onClick={() => !busy && void save()}
        data-testid="save-prospect"
        aria-keyshortcuts="Alt+Shift+S"
      >
        {saved
          ? 'Update on your list'
          : unknown
            ? 'Save to your list'
            : state.result.tier === 'not_a_fit'
              ? 'Save as Not a fit'
              : `Save to ${tier} list`}
      </button>{' '}
      <a className="list-link" href={browser.runtime.getURL('/list.html')} target="_blank" rel="noreferrer">
        Open the prospect list
      </a>
      <p role="status" className="muted">
        {message}
      </p>
    </div>
  );
}

function Footer({ state }: { state: PageState }) {
  const { checkedAt, receivedAt, checkFailedAt } = state.icp;
  return (
    <footer className="panel-footer muted" data-testid="icp-footer">
      {checkFailedAt !== null && (
        <p className="team-stale" data-testid="team-stale">
          The team ICP could not be checked {shortWhen(checkFailedAt)}
          {receivedAt !== null && `; this one was received ${shortWhen(receivedAt)}`}: it may be out of date
          (details in the options page).
        </p>
      )}
      <p>
        ICP “{state.icp.name}” v{state.icp.version} · {ICP_SOURCE_LABEL[state.icp.source]}
        {checkedAt !== null && checkFailedAt === null && `, checked ${shortWhen(checkedAt)}`} · read in{' '}
        {state.extractMs.toFixed(1)} ms · nothing left your browser
        {!state.remembered && state.hasCompany && ' · this page is not remembered (incognito)'}
      </p>
      {/* Whom to ask about it; ICP Lens's own default and presets name nobody to ask. */}
      {state.icp.owner && !isBuiltInOwner(state.icp.owner) && (
        <p data-testid="icp-owner">Maintained by {state.icp.owner}: ask them about this ICP.</p>
      )}
      {state.site && <PauseButton site={state.site} paused={false} />}
    </footer>
  );
}

/** The heading of the panel's view of a tab the background has no state for (see {@link PanelBody}). */
function emptyHeading(tabPage: TabPage | null): string {
  if (tabPage?.failed) return 'This page did not load';
  if (tabPage && !tabPage.web) return 'ICP Lens cannot read this page';
  if (tabPage?.loading) return 'Reading this page…';
  return 'No company on this page yet';
}

/** What a screen reader hears when the panel changes (another tab, a re-score): a line, not the whole panel. */
function announcement(state: TabState | null, tabPage: TabPage | null): string {
  if (!state) return emptyHeading(tabPage);
  if (state.kind === 'paused') return `${state.resumed ? 'Resumed' : 'Paused'} on ${state.site}`;
  if (!state.hasCompany || !state.result) return 'Not a company profile';
  const name = state.facts.name?.value ?? state.facts.domain?.value ?? 'This company';
  // As the verdict shows it: no score where nothing is known, and a disqualified company's score set aside (a
  // "Not a fit, score 100" heard alone says the opposite of the verdict).
  const disqualified = state.result.criteria.some((c) => c.status === 'disqualified');
  const scored = nothingKnown(state.result)
    ? ''
    : disqualified
      ? ', disqualified'
      : `, score ${Math.round(state.result.score)}`;
  return `${name}: ${verdictName(state.result)}${scored}`;
}

/** The side panel's view of a tab's state. */
function PanelBody({ state, tabPage }: { state: TabState | null; tabPage: TabPage | null }) {
  if (!state) {
    // Before "cannot read": an error page's address may be `chrome-error://`, no web page, yet the rep opened one.
    if (tabPage?.failed)
      return (
        <main className="panel empty" data-testid="empty">
          <h1>{emptyHeading(tabPage)}</h1>
          <p className="muted" data-testid="load-failed">
            The tab shows the browser's error page, so there is nothing to read. Once the page loads, ICP Lens
            reads it.
          </p>
        </main>
      );
    if (tabPage && !tabPage.web)
      return (
        <main className="panel empty" data-testid="empty">
          <h1>{emptyHeading(tabPage)}</h1>
          <p className="muted">
            It reads web pages: company websites and company pages on LinkedIn, Wikipedia and Crunchbase.
            Browser pages, the Web Store and files cannot be read.
          </p>
        </main>
      );
    if (tabPage?.loading)
      return (
        <main className="panel empty" data-testid="empty">
          <h1>{emptyHeading(tabPage)}</h1>
        </main>
      );
    return (
      <main className="panel empty" data-testid="empty">
        <h1>{emptyHeading(tabPage)}</h1>
        <p className="muted">
          ICP Lens reads company websites and company pages on LinkedIn, Wikipedia and Crunchbase. Open one
          and its fit appears here.
        </p>
        {tabPage?.web && (
          <p className="muted" data-testid="reload-hint">
            Open since before ICP Lens was installed or updated? Reload the page to read it.
          </p>
        )}
      </main>
    );
  }
  if (state.kind === 'paused') {
    if (state.resumed)
      return (
        <main key="resumed" className="panel empty" data-testid="resumed">
          <PauseHeading>Resumed on {state.site}</PauseHeading>
          <p className="muted">Reload the page to read it: its fit appears here.</p>
        </main>
      );
    return (
      <main key="paused" className="panel empty" data-testid="paused">
        <PauseHeading>Paused on {state.site}</PauseHeading>
        <p className="muted">You paused ICP Lens on this site: its pages are not read or remembered.</p>
        <PauseButton site={state.site} paused />
      </main>
    );
  }
  if (!state.hasCompany || !state.result) {
    return (
      <main className="panel empty" data-testid="not-a-profile">
        <h1>Not a company profile</h1>
        <p data-testid="page-role-reason">{state.pageRoleReason}.</p>
        <p className="muted">
          Open the company's own website or its LinkedIn page to see how it fits your ICP.
        </p>
        <Footer state={state} />
      </main>
    );
  }
  // Keyed by page: what was said of saving one company, or which evidence was open, does not carry over.
  // By company, not by address: a page that moves within itself (`#pricing`, a script tidying its address) is
  // read again, and the note being typed must keep its field and focus. Each keyed child has a key of its own:
  // siblings sharing one leave the previous company's facts in the panel when the page changes.
  const page = `${state.tabId} ${state.facts.domain?.value ?? state.facts.linkedinUrl?.value ?? state.url.split(/[?#]/)[0]}`;
  return (
    <main className="panel">
      <Company state={state} />
      <CustomerBadge domain={state.facts.domain?.value} />
      <TierVerdict result={state.result} />
      {/* Until an ICP is set up, the tier is ICP Lens's example's, not the team's: said beside it, not only in the
          footer, or a rep on a fresh install takes "Tier 1" for their own profile's verdict. */}
      {state.icp.source === 'default' && (
        <p className="muted default-icp" data-testid="default-icp">
          Scored against ICP Lens's built-in example profile, not your own.{' '}
          <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
            Set up your ICP
          </a>
        </p>
      )}
      <h2 className="section-title">Why this tier</h2>
      <CriteriaList result={state.result} />
      <h2 className="section-title">Company facts</h2>
      <FactsTable key={`facts ${page}`} facts={state.facts} currentUrl={state.url} />
      <TechnologiesList technologies={state.technologies} />
      <SaveBar key={`save ${page}`} state={state} />
      <CompactList />
      <Footer state={state} />
    </main>
  );
}

/** The side panel: the verdict for the company in the followed tab. */
export function App({ target }: { target: URLSearchParams }) {
  const tabId = useFollowedTab(target);
  const { state, loading } = useTabState(tabId);
  const tabPage = useTabPage(tabId, !loading && !state);

  useEffect(() => {
    // Read by `npm run bench` (panel.first_render_ms).
    if (state?.kind === 'page' && state.result) performance.mark('icp-lens:verdict');
  }, [state]);

  const waiting = loading && !state;
  return (
    <>
      {/* One live region for the panel's life, above every view, so that each change of it is heard. */}
      <p className="sr-only" role="status" data-testid="announcement">
        {waiting ? '' : announcement(state, tabPage)}
      </p>
      {waiting ? (
        <main className="panel" aria-busy="true">
          {/* Shown only if the answer is slow to come (see style.css), so that a quick one does not flash it. */}
          <p className="muted reading" data-testid="reading">
            Reading this tab…
          </p>
        </main>
      ) : (
        <PanelBody state={state} tabPage={tabPage} />
      )}
    </>
  );
}
