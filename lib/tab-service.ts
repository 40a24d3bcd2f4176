/**
 * The background's work, as a plain service: take a page's report, merge it with what other pages said about
 * the same company, score it, keep it per tab, show the tier on the badge and tell open panels. Its
 * environment (storage, memory, badge, broadcast, ICP, privacy settings) is passed in, so tests drive it with
 * the real code and in-memory ports.
 */
import type { CompanyIdentity } from './db/company-memory';
import type { SeenPage } from './db/index';
import type { ProspectInput } from './db/prospects';
import { completeExtract } from './extract/complete';
import { interpretPage } from './extract/interpret';
import { mergeCandidates, registrableDomain } from './extract/merge';
import { mergeProfile } from './extract/profile';
import type { CompanyFacts, PageExtract, PageInputs } from './extract/schema';
import type { ScoreResult } from './icp/result-schema';
import { NOTHING_KNOWN_LABEL, nothingKnown, scoreCompany, tierLabel } from './icp/scorer';
import type { PageState, SavedSummary, TabState } from './messaging';
import type { ActiveIcp, PrivacySettings, StoredPage } from './settings';
import {
  type DomSignals,
  detectFromSignals,
  domSelectorsFor,
  fingerprints,
  technologiesApply,
  technologiesCandidate,
  warmUpDetection,
} from './techno/index';

/** The badge for a tab; `null` clears it. */
export interface Badge {
  text: string;
  color: string;
  title: string;
}

/** What the service needs from its environment. */
export interface TabServiceDeps {
  loadIcp(): Promise<ActiveIcp>;
  loadPrivacy(): Promise<PrivacySettings>;
  /** The sites the rep paused (read at every page opened: the rest of the privacy settings is not needed there). */
  loadPausedSites(): Promise<string[]>;
  /** Per-tab page reports (session storage). */
  pages: {
    get(tabId: number): Promise<StoredPage | undefined>;
    set(page: StoredPage): Promise<void>;
    delete(tabId: number): Promise<void>;
    all(): Promise<StoredPage[]>;
  };
  /** The company memory (IndexedDB). */
  memory: {
    remember(page: SeenPage): Promise<void>;
    pagesFor(identity: CompanyIdentity): Promise<SeenPage[]>;
    forgetBefore(cutoff: number): Promise<number>;
  };
  /** The prospect list (IndexedDB). */
  prospects: {
    find(facts: CompanyFacts): Promise<SavedSummary | null>;
    /** Saves or updates; `result` is the verdict the list files it under, `kept` the saved facts kept. */
    save(
      input: ProspectInput,
    ): Promise<SavedSummary & { created: boolean; kept: number; result: ScoreResult }>;
  };
  /**
   * Reads which of the fingerprints' window globals the top frame of a tab defines, in the page's main world
   * (see lib/techno/collect.ts); the answer is unknown until validated. Absent: detection from the markup's
   * signals alone.
   */
  collectGlobals?(tabId: number): Promise<unknown>;
  setBadge(tabId: number, badge: Badge | null): Promise<void>;
  notify(state: TabState): Promise<void>;
  notifyCleared(tabId: number): Promise<void>;
  now(): number;
  /** Resolves after `ms` milliseconds (a timer; tests pass their own clock's). */
  wait(ms: number): Promise<void>;
}

/** Badge text and colour per tier; colours keep 4.5:1 contrast with the white badge text. */
const BADGES = {
  tier_1: { text: 'T1', color: '#15803d' },
  tier_2: { text: 'T2', color: '#1d4ed8' },
  tier_3: { text: 'T3', color: '#b45309' },
  not_a_fit: { text: '✕', color: '#4b5563' },
} as const;
/** A verdict that rests on too little known (see `nothingKnown`): a question, not a verdict. */
const NOTHING_KNOWN_BADGE = { text: '?', color: '#6b7280' } as const;

const DAY_MS = 86_400_000;
/** How long the page's main world may take to answer the globals collector. */
const COLLECT_TIMEOUT_MS = 2000;
/** Expired pages are purged at most this often. */
const PURGE_EVERY_MS = 3_600_000;

function withoutHash(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

function linkedinSlug(facts: CompanyFacts): string | null {
  return /\/company\/([^/?#]+)/.exec(facts.linkedinUrl?.value ?? '')?.[1] ?? null;
}

/** A main-world read of a tab's globals: the answer (unknown until validated) and its round trip. */
type GlobalsRead = Promise<{ collected: unknown; roundTripMs: number }>;

/** Same document: the address without its fragment. */
const documentOf = (url: string) => url.split('#')[0];
/** The same origin (scheme, host and port), whatever the path. */
const sameOrigin = (a: string, b: string) => {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
};
/** How long a page moved to another address of its site waits to be read again before it is forgotten. */
const QUERY_MOVE_GRACE_MS = 1500;

/**
 * Adds the technologies detected in a tab's page to its extract: the detections with their evidence, and a
 * `technologies` fact candidate. The content script sends the markup's signals; `globals` gives the page's
 * main-world globals (usually read already, see `pageOpened`). Whatever detections a content script claimed
 * are dropped.
 */
async function withTechnologies(
  extract: PageExtract,
  signals: DomSignals | undefined,
  globals: () => GlobalsRead,
): Promise<PageExtract> {
  const { technologies: _claimed, ...rest } = extract;
  const own = { ...rest, candidates: rest.candidates.filter((c) => c.field !== 'technologies') };
  if (!signals || !technologiesApply(extract.url, extract.pageRole)) return own;
  const started = performance.now();
  const { collected, roundTripMs } = await globals();
  const found = detectFromSignals(signals, collected, extract.url);
  if (!found) return own;
  const { detected, pageMs, matchMs } = found;
  // What detection costs the report: both readers' work inside the page (the page's main thread runs both),
  // then the background's part from the report's arrival: any wait for the main world's answer, and matching.
  const ms = pageMs + (performance.now() - started);
  const candidate = technologiesCandidate(detected);
  return {
    ...own,
    candidates: candidate ? [...own.candidates, candidate].slice(-500) : own.candidates,
    technologies: { detected, ms, pageMs, matchMs, roundTripMs },
  };
}

/** The badge that sums up a tab state, or null when the page shows no company. */
export function badgeFor(state: TabState): Badge | null {
  if (state.kind !== 'page' || !state.result) return null;
  const name = state.facts.name?.value ?? state.facts.domain?.value ?? 'This company';
  if (nothingKnown(state.result))
    return { ...NOTHING_KNOWN_BADGE, title: `ICP Lens: ${name}: not enough known to judge the fit` };
  const { text, color } = BADGES[state.result.tier];
  return {
    text,
    color,
    title: `ICP Lens: ${name}: ${tierLabel(state.result.tier)}, score ${Math.round(state.result.score)}`,
  };
}

/** Creates the background's tab service. */
export function createTabService(deps: TabServiceDeps) {
  let lastPurge = 0;
  /** Main-world reads of globals started when a tab's content script asked to read its page, by tab. */
  const globalsReads = new Map<number, { url: string; read: GlobalsRead }>();

  /**
   * Asks a tab's main world for its globals. A page busy in its main world must not hold up its own report:
   * no answer in time counts as no globals.
   */
  function readGlobals(tabId: number): GlobalsRead {
    const collect = deps.collectGlobals;
    if (!collect) return Promise.resolve({ collected: null, roundTripMs: 0 });
    const started = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([
      collect(tabId).catch(() => null),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), COLLECT_TIMEOUT_MS);
      }),
    ]).then((collected) => {
      clearTimeout(timer);
      return { collected, roundTripMs: performance.now() - started };
    });
  }

  /** The globals read started for this tab's document, taken once; else a read started now. */
  function globalsFor(tabId: number, url: string): GlobalsRead {
    const early = globalsReads.get(tabId);
    globalsReads.delete(tabId);
    return early && documentOf(early.url) === documentOf(url) ? early.read : readGlobals(tabId);
  }
  // Compile the fingerprints when the background starts, not on the first page it is asked about, and run the
  // matcher once the start's own work is done (see `warmUpDetection`).
  if (deps.collectGlobals) {
    fingerprints();
    setTimeout(warmUpDetection, 0);
  }

  /** Keeps and shows that a tab's page was not read: the rep paused ICP Lens on its site. */
  async function storePaused(tabId: number, url: string, site: string, incognito: boolean) {
    const stored: StoredPage = {
      tabId,
      extract: null,
      paused: { url, domain: site, resumed: false },
      incognito,
      reportedAt: deps.now(),
    };
    await deps.pages.set(stored);
    return publish(stored, await deps.loadIcp());
  }

  /** Whether a tab's page may go into the company memory. */
  async function mayRemember(stored: StoredPage): Promise<boolean> {
    return !stored.incognito || (await deps.loadPrivacy()).rememberIncognito;
  }

  async function buildState(stored: StoredPage, active: ActiveIcp): Promise<TabState> {
    const extract = stored.extract;
    if (!extract) {
      const paused = stored.paused ?? { url: '', domain: '', resumed: false };
      return {
        kind: 'paused',
        tabId: stored.tabId,
        url: paused.url,
        site: paused.domain,
        resumed: paused.resumed,
      };
    }
    const url = withoutHash(extract.url);
    const pageFacts = mergeCandidates(extract);
    const hasCompany = extract.pageRole !== 'negative' && Boolean(pageFacts.name || pageFacts.domain);
    const current: SeenPage = {
      url,
      domain: pageFacts.domain?.value ?? null,
      linkedinSlug: linkedinSlug(pageFacts),
      title: extract.title,
      pageRole: extract.pageRole,
      facts: pageFacts,
      seenAt: stored.reportedAt,
    };
    const remembered = hasCompany && (await mayRemember(stored));
    const others =
      hasCompany && remembered ? (await deps.memory.pagesFor(current)).filter((p) => p.url !== url) : [];
    const pages = [current, ...others];
    const facts = hasCompany ? mergeProfile(pages) : pageFacts;
    const state: PageState = {
      kind: 'page',
      tabId: stored.tabId,
      url: extract.url,
      title: extract.title,
      site: registrableDomain(extract.url) ?? null,
      pageRole: extract.pageRole,
      pageRoleReason: extract.pageRoleReason,
      facts,
      sources: pages.map((p) => ({ url: p.url, title: p.title, pageRole: p.pageRole, seenAt: p.seenAt })),
      hasCompany,
      result: hasCompany ? scoreCompany(facts, active.icp) : null,
      icp: {
        name: active.icp.name,
        version: active.icp.version,
        source: active.source,
        updatedAt: active.icp.updatedAt,
        owner: active.icp.owner,
        checkedAt: active.source === 'team' ? (active.team?.checkedAt ?? null) : null,
        receivedAt: active.source === 'team' ? (active.team?.fetchedAt ?? null) : null,
        checkFailedAt: active.source === 'team' ? (active.team?.error?.at ?? null) : null,
      },
      extractMs: extract.ms,
      technologies: extract.technologies?.detected ?? [],
      reportedAt: stored.reportedAt,
      remembered,
      saved: hasCompany ? await deps.prospects.find(facts) : null,
    };
    return state;
  }

  /**
   * The last badge shown in each tab, numbered in one sequence for all tabs (a number never comes back, even
   * for a tab forgotten and seen again): a badge computed before a newer one was shown is not shown.
   */
  const badgeWrites = new Map<number, number>();
  let badgeSequence = 0;
  /** Shows a tab's badge; its number. */
  async function showBadge(tabId: number, badge: Badge | null): Promise<number> {
    const written = ++badgeSequence;
    badgeWrites.set(tabId, written);
    await deps.setBadge(tabId, badge);
    return written;
  }

  async function publish(stored: StoredPage, active: ActiveIcp): Promise<TabState> {
    const state = await buildState(stored, active);
    await showBadge(stored.tabId, badgeFor(state));
    await deps.notify(state);
    return state;
  }

  async function purgeExpired(): Promise<void> {
    if (deps.now() - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = deps.now();
    const { memoryDays } = await deps.loadPrivacy();
    await deps.memory.forgetBefore(deps.now() - memoryDays * DAY_MS);
  }

  /** Saves the company shown in a tab to the prospect list (one record per company). */
  async function saveProspect(tabId: number): Promise<SavedSummary & { created: boolean; kept: number }> {
    return (await saveShown(tabId)).saved;
  }

  /** {@link saveProspect}, with the verdict it was saved with. */
  async function saveShown(tabId: number) {
    const stored = await deps.pages.get(tabId);
    const active = await deps.loadIcp();
    const state = stored ? await buildState(stored, active) : null;
    if (state?.kind !== 'page' || !state.result) throw new Error('There is no company on this page to save.');
    const { result, ...saved } = await deps.prospects.save({
      facts: state.facts,
      result: state.result,
      score: (facts) => scoreCompany(facts, active.icp),
      icp: { name: active.icp.name, version: active.icp.version },
      sourceUrls: state.sources.map((s) => s.url),
    });
    if (stored) await publish(stored, active);
    return { saved, result };
  }

  return {
    /**
     * A content script asks whether to read its page: not on a site the rep paused. With a yes go the
     * selectors it tests for technology detection (none on platforms, whose technology is not a company's).
     */
    async pageOpened(
      tabId: number,
      url: string,
      incognito: boolean,
    ): Promise<{ read: boolean; techSelectors?: string[] }> {
      const site = registrableDomain(url);
      const pausedSites = await deps.loadPausedSites();
      if (!site || !pausedSites.includes(site)) {
        const techSelectors = domSelectorsFor(url);
        if (!techSelectors) return { read: true };
        // The main world's round trip runs while the content script reads the page, not after its report.
        if (deps.collectGlobals) globalsReads.set(tabId, { url, read: readGlobals(tabId) });
        return { read: true, techSelectors };
      }
      await storePaused(tabId, url, site, incognito);
      return { read: false };
    },

    /**
     * The rep paused or resumed ICP Lens on a site: its open tabs say so at once. A paused tab's page is
     * forgotten (its facts, its badge); a resumed one is read when it is next loaded (its content script stopped
     * when told the site was paused), and says so meanwhile.
     */
    async pauseChanged(site: string, paused: boolean): Promise<void> {
      const active = await deps.loadIcp();
      for (const seen of await deps.pages.all()) {
        // As it is now: a tab closed, or a report stored, since the list was read is left as it is (a report
        // on a paused site is stored as paused anyway).
        const stored = await deps.pages.get(seen.tabId);
        if (!stored || stored.reportedAt !== seen.reportedAt) continue;
        const url = stored.extract?.url ?? stored.paused?.url;
        if (!url || registrableDomain(url) !== site) continue;
        if (paused === (stored.paused !== null && !stored.paused.resumed)) continue;
        const next: StoredPage = {
          tabId: stored.tabId,
          extract: null,
          paused: { url, domain: site, resumed: !paused },
          incognito: stored.incognito,
          reportedAt: deps.now(),
        };
        await deps.pages.set(next);
        await publish(next, active);
      }
    },

    /** A content script sent its page's inputs: read its facts, remember it, merge it with other pages, score it. */
    async reportPage(
      tabId: number,
      sent: PageInputs,
      incognito: boolean,
      techSignals?: DomSignals,
    ): Promise<TabState> {
      // A content script keeps reporting its page's changes for a few seconds: not once the rep has paused the
      // site meanwhile.
      const site = registrableDomain(sent.url);
      if (site && (await deps.loadPausedSites()).includes(site))
        return storePaused(tabId, sent.url, site, incognito);
      const extract = await withTechnologies(completeExtract(interpretPage(sent)), techSignals, () =>
        globalsFor(tabId, sent.url),
      );
      const stored: StoredPage = { tabId, extract, paused: null, incognito, reportedAt: deps.now() };
      await deps.pages.set(stored);
      await purgeExpired();
      const facts = mergeCandidates(extract);
      if (extract.pageRole !== 'negative' && (facts.name || facts.domain) && (await mayRemember(stored))) {
        await deps.memory.remember({
          url: withoutHash(extract.url),
          domain: facts.domain?.value ?? null,
          linkedinSlug: linkedinSlug(facts),
          title: extract.title,
          pageRole: extract.pageRole,
          facts,
          seenAt: stored.reportedAt,
        });
      }
      return publish(stored, await deps.loadIcp());
    },

    /** The state of a tab, scored against the ICP in force now; null if its page has not reported. */
    async getTabState(tabId: number): Promise<TabState | null> {
      const stored = await deps.pages.get(tabId);
      return stored ? buildState(stored, await deps.loadIcp()) : null;
    },

    saveProspect,

    /**
     * Saves the company in a tab when the rep presses the shortcut, and says on the toolbar icon how it went (the
     * side panel may be closed): a tick or an exclamation mark for `flashMs`, with the outcome as the icon's title,
     * then the tab's own badge again.
     */
    async saveFromShortcut(tabId: number, flashMs: number): Promise<void> {
      let flash: Badge;
      try {
        const { saved, result } = await saveShown(tabId);
        const filed = nothingKnown(result) ? NOTHING_KNOWN_LABEL : tierLabel(saved.tier);
        flash = {
          text: '✓',
          color: '#15803d',
          title: `ICP Lens: ${saved.created ? 'saved to' : 'updated on'} your prospect list (${filed})`,
        };
      } catch (error) {
        flash = {
          text: '!',
          color: '#b91c1c',
          title: `ICP Lens: not saved: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      const flashed = await showBadge(tabId, flash);
      await deps.wait(flashMs);
      // The tab's own badge again, unless something newer was shown meanwhile (a new page, another press).
      if (badgeWrites.get(tabId) !== flashed) return;
      const stored = await deps.pages.get(tabId);
      const badge = stored ? badgeFor(await buildState(stored, await deps.loadIcp())) : null;
      if (badgeWrites.get(tabId) === flashed) await showBadge(tabId, badge);
    },

    /**
     * A tab moved to `url`. Chrome tells a move within the page (`#pricing`, a script's `replaceState`) as it
     * tells a new document, so the page read is kept while the address is that page's without its fragment,
     * or the address the content script has already reported for. To another address of the same site (a
     * script tidying `?utm_…` away, a single-page site's route) it waits a moment for the content script to read
     * the page again, so that the side panel does not drop the company, and the note being typed in it, in
     * between; if no report for the new address came, or the move is to another site, the page is forgotten
     * and the page at the new address reports afresh.
     */
    async navigated(tabId: number, url: string): Promise<void> {
      const stored = await deps.pages.get(tabId);
      const read = stored?.extract?.url ?? stored?.paused?.url;
      if (read !== undefined && documentOf(read) === documentOf(url)) return;
      if (read !== undefined && sameOrigin(read, url)) {
        await deps.wait(QUERY_MOVE_GRACE_MS);
        const now = await deps.pages.get(tabId);
        const readNow = now?.extract?.url ?? now?.paused?.url;
        // Read at the new address meanwhile: the same page moved, or already the next document's report.
        if (readNow !== undefined && documentOf(readNow) === documentOf(url)) return;
      }
      await this.forgetTab(tabId);
    },

    /** The tab navigated to a new document or closed: forget the old page. */
    async forgetTab(tabId: number): Promise<void> {
      globalsReads.delete(tabId);
      await deps.pages.delete(tabId);
      await showBadge(tabId, null);
      badgeWrites.delete(tabId);
      await deps.notifyCleared(tabId);
    },

    /** The ICP or the memory changed: re-score every open tab, refresh badges and panels. */
    async rescoreAll(): Promise<void> {
      const active = await deps.loadIcp();
      for (const stored of await deps.pages.all()) await publish(stored, active);
    },
  };
}

/** The background's tab service. */
export type TabService = ReturnType<typeof createTabService>;
