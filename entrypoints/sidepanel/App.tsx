import { useEffect } from 'react';
import { CriteriaList } from '@/components/CriteriaList';
import { FactsTable } from '@/components/FactsTable';
import { SOURCE_LABEL } from '@/components/format';
import { TierVerdict } from '@/components/TierVerdict';
import type { TabState } from '@/lib/messaging';
import { useFollowedTab, useTabState } from './use-tab-state';
import './style.css';

const ICP_SOURCE_LABEL = { default: 'built-in default', user: 'your own ICP' } as const;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function Company({ state }: { state: TabState }) {
  const { facts } = state;
  const name = facts.name?.value ?? facts.domain?.value ?? hostOf(state.url);
  return (
    <header className="company">
      <div className="company-logo" aria-hidden="true">
        {name.slice(0, 1).toUpperCase()}
      </div>
      <div>
        <h1 data-testid="company-name">{name}</h1>
        <div className="muted">
          <span data-testid="company-domain">{facts.domain?.value ?? 'domain unknown'}</span> · seen on{' '}
          {hostOf(state.url)}
          {facts.name && <span className="chip">{SOURCE_LABEL[facts.name.source] ?? facts.name.source}</span>}
        </div>
      </div>
    </header>
  );
}

function Footer({ state }: { state: TabState }) {
  return (
    <footer className="panel-footer muted" data-testid="icp-footer">
      ICP “{state.icp.name}” v{state.icp.version} · {ICP_SOURCE_LABEL[state.icp.source]} · read in{' '}
      {state.extractMs.toFixed(1)} ms · nothing left your browser
    </footer>
  );
}

/** The side panel: the verdict for the company in the followed tab. */
export function App({ target }: { target: URLSearchParams }) {
  const tabId = useFollowedTab(target);
  const { state, loading } = useTabState(tabId);

  useEffect(() => {
    // Read by `npm run bench` (panel.first_render_ms).
    if (state?.result) performance.mark('icp-lens:verdict');
  }, [state]);

  if (loading && !state) return <main className="panel" aria-busy="true" />;
  if (!state) {
    return (
      <main className="panel empty" data-testid="empty">
        <h1>No company on this page yet</h1>
        <p className="muted">
          ICP Lens reads company websites and company pages on LinkedIn, Wikipedia and Crunchbase. Open one
          and its fit appears here. Browser pages and the Web Store cannot be read.
        </p>
      </main>
    );
  }
  if (!state.hasCompany || !state.result) {
    return (
      <main className="panel empty" data-testid="not-a-profile">
        <h1>Not a company profile</h1>
        <p>{state.pageRoleReason}.</p>
        <p className="muted">
          Open the company's own website or its LinkedIn page to see how it fits your ICP.
        </p>
        <Footer state={state} />
      </main>
    );
  }
  return (
    <main className="panel" aria-live="polite">
      <Company state={state} />
      <TierVerdict result={state.result} />
      <h2 className="section-title">Why this tier</h2>
      <CriteriaList criteria={state.result.criteria} />
      <h2 className="section-title">Company facts</h2>
      <FactsTable facts={state.facts} />
      <Footer state={state} />
    </main>
  );
}
