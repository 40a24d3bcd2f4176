/**
 * The background's work, as a plain service: take a page's report, merge and score it, keep it per tab,
 * show the tier on the badge and tell open panels. Its environment (storage, badge, broadcast, ICP) is passed
 * in, so tests drive it with the real code and an in-memory fake of each port.
 */
import { mergeCandidates } from './extract/merge';
import type { PageExtract } from './extract/schema';
import { scoreCompany, tierLabel } from './icp/scorer';
import type { TabState } from './messaging';
import type { ActiveIcp, StoredPage } from './settings';

/** The badge for a tab; `null` clears it. */
export interface Badge {
  text: string;
  color: string;
  title: string;
}

/** What the service needs from its environment. */
export interface TabServiceDeps {
  loadIcp(): Promise<ActiveIcp>;
  pages: {
    get(tabId: number): Promise<StoredPage | undefined>;
    set(page: StoredPage): Promise<void>;
    delete(tabId: number): Promise<void>;
    all(): Promise<StoredPage[]>;
  };
  setBadge(tabId: number, badge: Badge | null): Promise<void>;
  notify(state: TabState): Promise<void>;
  notifyCleared(tabId: number): Promise<void>;
  now(): number;
}

/** Badge text and colour per tier; colours keep 4.5:1 contrast with the white badge text. */
const BADGES = {
  tier_1: { text: 'T1', color: '#15803d' },
  tier_2: { text: 'T2', color: '#1d4ed8' },
  tier_3: { text: 'T3', color: '#b45309' },
  not_a_fit: { text: '✕', color: '#4b5563' },
} as const;

/** Builds the tab state the panel shows from a stored page and the ICP in force. */
export function buildTabState(page: StoredPage, active: ActiveIcp): TabState {
  const facts = mergeCandidates(page.extract);
  const hasCompany = page.extract.pageRole !== 'negative' && Boolean(facts.name || facts.domain);
  return {
    tabId: page.tabId,
    url: page.extract.url,
    title: page.extract.title,
    pageRole: page.extract.pageRole,
    pageRoleReason: page.extract.pageRoleReason,
    facts,
    hasCompany,
    result: hasCompany ? scoreCompany(facts, active.icp) : null,
    icp: {
      name: active.icp.name,
      version: active.icp.version,
      source: active.source,
      updatedAt: active.icp.updatedAt,
    },
    extractMs: page.extract.ms,
    reportedAt: page.reportedAt,
  };
}

/** The badge that sums up a tab state, or null when the page shows no company. */
export function badgeFor(state: TabState): Badge | null {
  if (!state.result) return null;
  const { text, color } = BADGES[state.result.tier];
  const name = state.facts.name?.value ?? state.facts.domain?.value ?? 'This company';
  return {
    text,
    color,
    title: `ICP Lens: ${name}: ${tierLabel(state.result.tier)}, score ${Math.round(state.result.score)}`,
  };
}

/** Creates the background's tab service. */
export function createTabService(deps: TabServiceDeps) {
  async function publish(page: StoredPage, active: ActiveIcp): Promise<TabState> {
    const state = buildTabState(page, active);
    await deps.setBadge(page.tabId, badgeFor(state));
    await deps.notify(state);
    return state;
  }

  return {
    /** A content script reported its page: remember it, score it, show it. */
    async reportPage(tabId: number, extract: PageExtract): Promise<TabState> {
      const page: StoredPage = { tabId, extract, reportedAt: deps.now() };
      await deps.pages.set(page);
      return publish(page, await deps.loadIcp());
    },

    /** The state of a tab, scored against the ICP in force now; null if its page has not reported. */
    async getTabState(tabId: number): Promise<TabState | null> {
      const page = await deps.pages.get(tabId);
      return page ? buildTabState(page, await deps.loadIcp()) : null;
    },

    /** The tab navigated to a new document or closed: forget the old page. */
    async forgetTab(tabId: number): Promise<void> {
      await deps.pages.delete(tabId);
      await deps.setBadge(tabId, null);
      await deps.notifyCleared(tabId);
    },

    /** The ICP changed: re-score every open tab, refresh badges and panels. */
    async rescoreAll(): Promise<void> {
      const active = await deps.loadIcp();
      for (const page of await deps.pages.all()) await publish(page, active);
    },
  };
}

/** The background's tab service. */
export type TabService = ReturnType<typeof createTabService>;
