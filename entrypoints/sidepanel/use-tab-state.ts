import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { createMessageListener, sendMessage, type TabState } from '@/lib/messaging';

/**
 * The tab the panel follows: the active tab of the panel's window, or a tab/window named in the address
 * (`?tabId=` pins one tab, `?windowId=` follows another window; used by the demo and the tests).
 */
export function useFollowedTab(target: URLSearchParams): number | null {
  const pinned = Number(target.get('tabId'));
  const [tabId, setTabId] = useState<number | null>(Number.isInteger(pinned) && pinned > 0 ? pinned : null);
  useEffect(() => {
    if (Number.isInteger(pinned) && pinned > 0) return;
    const named = Number(target.get('windowId'));
    let windowId: number | undefined = Number.isInteger(named) && named > 0 ? named : undefined;
    // Listen before asking which tab is active, so a switch that happens in between is not missed; until the
    // window is known, the latest switch is held back.
    let pending: { tabId: number; windowId: number } | undefined;
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined) pending = info;
      else if (info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    void (async () => {
      const current = windowId ?? (await browser.windows.getCurrent()).id;
      const [tab] = await browser.tabs.query({ active: true, windowId: current });
      windowId = current;
      const switched = pending;
      setTabId(switched && switched.windowId === current ? switched.tabId : (tab?.id ?? null));
    })();
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [pinned, target]);
  return tabId;
}

/**
 * What the background knows of a tab, kept current as pages report and the ICP changes. `loading` until the
 * background answered for this tab: the state of the tab followed before a switch is never shown as this one's.
 */
export function useTabState(tabId: number | null): { state: TabState | null; loading: boolean } {
  const [state, setState] = useState<TabState | null>(null);
  /** The tab the background last answered for. */
  const [answered, setAnswered] = useState<number | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    let live = true;
    // A change the background pushes while the question is out is newer than the answer to it.
    let pushed = false;
    sendMessage('getTabState', { tabId })
      .then((s) => live && !pushed && setState(s))
      .catch(() => live && !pushed && setState(null))
      .finally(() => live && setAnswered(tabId));
    const listener = createMessageListener(
      {
        async tabStateChanged(s) {
          if (s.tabId === tabId) {
            pushed = true;
            setState(s);
          }
          return null;
        },
        async tabCleared({ tabId: cleared }) {
          if (cleared === tabId) {
            pushed = true;
            setState(null);
          }
          return null;
        },
      },
      browser.runtime.id,
      browser.runtime.getURL('/'),
    );
    const onMessage = (message: unknown, sender: { url?: string; id?: string }) => {
      void listener(message, { url: sender.url, id: sender.id });
      // Never answer: the background is the one that answers requests.
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      live = false;
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [tabId]);
  // Until the background answers for a tab the rep switched to, the state held is the previous tab's: not shown
  // (a slow answer, as from a background waking up, showed the previous company and saved it on "Save").
  return { state: state?.tabId === tabId ? state : null, loading: tabId === null || answered !== tabId };
}

/** What the panel knows of a tab the background has nothing on: whether it is a web page, and loading. */
export interface TabPage {
  /** A web page's address (the extension sees no other: a browser page or the Web Store has none here). */
  web: boolean;
  loading: boolean;
  /** The page did not load: the tab shows the browser's own error page, where there is nothing to read. */
  failed: boolean;
}

/** The parts of the extension API that {@link readTabPage} uses (the tests pass a fake). */
export interface TabPageApi {
  tabs: { get(tabId: number): Promise<{ url?: string; status?: string }> };
  scripting: {
    executeScript(injection: { target: { tabId: number }; func: () => boolean }): Promise<unknown>;
  };
}

/**
 * Whether the tab shows the browser's error page. Chrome keeps the address that failed as the tab's URL
 * (`https://…`, not `chrome-error://chromewebdata/`), so the address alone cannot tell; running a script in the
 * page can, as Chrome refuses it with "Frame with ID 0 is showing error page". Any other refusal (Firefox's
 * words differ) is read as a page that loaded, which keeps the hint to reload it.
 */
async function showsErrorPage(tabId: number, api: TabPageApi): Promise<boolean> {
  try {
    await api.scripting.executeScript({ target: { tabId }, func: () => true });
    return false;
  } catch (error) {
    return /showing error page/i.test(error instanceof Error ? error.message : String(error));
  }
}

/** The tab's page as {@link useTabPage} reports it. */
export async function readTabPage(tabId: number, api: TabPageApi = browser): Promise<TabPage> {
  const tab = await api.tabs.get(tabId);
  const url = tab.url ?? '';
  const web = /^https?:/.test(url);
  const loading = tab.status === 'loading';
  // Only a web page that finished loading is asked: one still loading has no error page yet.
  const failed = url.startsWith('chrome-error:') || (web && !loading && (await showsErrorPage(tabId, api)));
  return { web, loading, failed };
}

/**
 * The followed tab's page while the background has no state for it (`watch`): to tell a page still loading from
 * one ICP Lens cannot read, from one that did not load, and from one open since before ICP Lens was installed
 * (no content script in it).
 */
export function useTabPage(tabId: number | null, watch: boolean): TabPage | null {
  const [page, setPage] = useState<TabPage | null>(null);
  useEffect(() => {
    if (tabId === null || !watch) return;
    let live = true;
    const read = () =>
      readTabPage(tabId)
        .then((tabPage) => live && setPage(tabPage))
        .catch(() => live && setPage(null));
    void read();
    // Read again when the tab starts or finishes loading (or goes elsewhere), not at each new title or favicon:
    // each read of a loaded page tries a script in it (see `readTabPage`).
    const onUpdated = (updated: number, change: { status?: string; url?: string }) => {
      if (updated === tabId && (change.status !== undefined || change.url !== undefined)) void read();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId, watch]);
  return page;
}
