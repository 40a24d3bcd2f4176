import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { forgetAllPages, forgetPagesBefore, pagesForCompany, rememberPage } from '@/lib/db/company-memory';
import { getDb } from '@/lib/db/index';
import { findProspectFor, saveProspect } from '@/lib/db/prospects';
import { type RescoreProgress, rescoreChunk, startRescore } from '@/lib/db/rescore';
import { broadcast, createMessageListener } from '@/lib/messaging';
import {
  loadActiveIcp,
  loadPrivacy,
  loadRescore,
  rescoreItem,
  savePrivacy,
  tabPages,
  watchIcp,
} from '@/lib/settings';
import { createTabService } from '@/lib/tab-service';
import { collectorArgs, collectPageSignals } from '@/lib/techno/index';

export default defineBackground(() => {
  const db = getDb();
  const service = createTabService({
    loadIcp: loadActiveIcp,
    loadPrivacy,
    pages: tabPages,
    memory: {
      remember: (page) => rememberPage(db, page),
      pagesFor: (identity) => pagesForCompany(db, identity),
      forgetBefore: (cutoff) => forgetPagesBefore(db, cutoff),
    },
    prospects: {
      async find(facts) {
        const found = await findProspectFor(db, facts);
        return found?.id === undefined
          ? null
          : { id: found.id, tier: found.tier, status: found.status, savedAt: found.savedAt };
      },
      async save(input) {
        const { prospect, created } = await saveProspect(db, input);
        return {
          id: prospect.id as number,
          tier: prospect.tier,
          status: prospect.status,
          savedAt: prospect.savedAt,
          created,
        };
      },
    },
    // Technology signals are read in the page's main world (its globals are invisible to content scripts), by
    // a function that only reads; no message channel a page could use to forge an answer.
    async collectSignals(tabId) {
      const [injection] = await browser.scripting.executeScript({
        target: { tabId, frameIds: [0] },
        world: 'MAIN',
        func: collectPageSignals,
        args: collectorArgs(),
      });
      return injection?.result;
    },
    async setBadge(tabId, badge) {
      try {
        await browser.action.setBadgeText({ tabId, text: badge?.text ?? '' });
        await browser.action.setTitle({ tabId, title: badge?.title ?? 'ICP Lens' });
        if (badge) await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
      } catch {
        // The tab closed while we were scoring it.
      }
    },
    notify: (state) => broadcast('tabStateChanged', state),
    notifyCleared: (tabId) => broadcast('tabCleared', { tabId }),
    now: Date.now,
  });

  const listener = createMessageListener(
    {
      async pageOpened({ url }, sender) {
        if (sender.tabId === undefined) return { read: false };
        return service.pageOpened(sender.tabId, url, sender.incognito ?? false);
      },
      async reportPage(extract, sender) {
        if (sender.tabId === undefined) return { accepted: false };
        await service.reportPage(sender.tabId, extract, sender.incognito ?? false);
        return { accepted: true };
      },
      getTabState: ({ tabId }) => service.getTabState(tabId),
      getActiveIcp: () => loadActiveIcp(),
      async getPrivacy() {
        return { ...(await loadPrivacy()), rememberedPages: await db.pages.count() };
      },
      setPrivacy: (change) => savePrivacy(change),
      async pauseSite({ site, paused }) {
        const { pausedSites } = await loadPrivacy();
        const next = paused ? [...pausedSites, site] : pausedSites.filter((s) => s !== site);
        return savePrivacy({ pausedSites: next });
      },
      saveProspect: ({ tabId }) => service.saveProspect(tabId),
      async forgetMemory() {
        const forgotten = await forgetAllPages(db);
        await service.rescoreAll();
        return { forgotten };
      },
    },
    browser.runtime.id,
    browser.runtime.getURL('/'),
  );
  browser.runtime.onMessage.addListener((message, sender) =>
    listener(message, {
      tabId: sender.tab?.id,
      incognito: sender.tab?.incognito,
      url: sender.url,
      id: sender.id,
    }),
  );

  // A new document in a tab replaces the old page's facts; its content script reports afresh.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) void service.forgetTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void service.forgetTab(tabId));
  // An ICP change re-scores open tabs at once and the prospect list in chunks, resumably.
  let rescoring: Promise<void> = Promise.resolve();
  const rescoreList = (resume: RescoreProgress | null) => {
    rescoring = rescoring.then(async () => {
      const { icp } = await loadActiveIcp();
      let progress = resume && resume.icpVersion === icp.version ? resume : await startRescore(db, icp);
      while (progress.finishedAt === null) {
        progress = await rescoreChunk(db, icp, progress);
        await rescoreItem.setValue(progress);
      }
    });
    return rescoring;
  };
  watchIcp(() => {
    void service.rescoreAll();
    void rescoreList(null);
  });
  // A service worker stopped in the middle of a re-score picks it up where it left off.
  void loadRescore().then((progress) => {
    if (progress && progress.finishedAt === null) void rescoreList(progress);
  });

  // The keyboard shortcut (manifest `commands`) saves the company in the active tab.
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'save-prospect') return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId !== undefined) await service.saveProspect(tabId).catch(() => {});
  });

  // Chrome: the toolbar icon opens the side panel. Firefox: it toggles the sidebar (a Firefox-only API that
  // WXT's Chrome-based types do not describe).
  const firefoxSidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } })
    .sidebarAction;
  if (browser.sidePanel) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  } else if (firefoxSidebar) {
    browser.action.onClicked.addListener(() => void firefoxSidebar.toggle());
  }
});
