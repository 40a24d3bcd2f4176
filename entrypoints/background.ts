import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { forgetAllPages, forgetPagesBefore, pagesForCompany, rememberPage } from '@/lib/db/company-memory';
import { getDb, type Prospect } from '@/lib/db/index';
import { findProspectFor, saveProspect, updateProspect } from '@/lib/db/prospects';
import { type RescoreProgress, rescoreChunk, startRescore } from '@/lib/db/rescore';
import { nothingKnown } from '@/lib/icp';
import { broadcast, createMessageListener, type SavedSummary } from '@/lib/messaging';
import {
  loadActiveIcp,
  loadPausedSites,
  loadPrivacy,
  loadPrivacyLocks,
  loadRescore,
  loadTeamSchedule,
  loadTeamSync,
  rescoreItem,
  savePrivacy,
  saveRepTeamUrl,
  saveTeamSync,
  tabPages,
  watchActiveIcp,
  watchPolicy,
} from '@/lib/settings';
import { createTabService } from '@/lib/tab-service';
import { createTeamSync, TEAM_SYNC_ALARM } from '@/lib/team-sync';
import { collectorArgs, collectPageGlobals } from '@/lib/techno/index';

/** How long the toolbar icon shows how a save by the keyboard shortcut went. */
const SHORTCUT_FLASH_MS = 2500;

/** What the side panel shows of a saved prospect (see `SavedSummarySchema`). */
function savedSummary(p: Prospect): SavedSummary {
  return {
    id: p.id as number,
    tier: p.tier,
    status: p.status,
    savedAt: p.savedAt,
    nothingKnown: nothingKnown(p.result),
    notes: p.notes,
  };
}

export default defineBackground(() => {
  const db = getDb();
  const service = createTabService({
    loadIcp: loadActiveIcp,
    loadPrivacy,
    loadPausedSites,
    pages: tabPages,
    memory: {
      remember: (page) => rememberPage(db, page),
      pagesFor: (identity) => pagesForCompany(db, identity),
      forgetBefore: (cutoff) => forgetPagesBefore(db, cutoff),
    },
    prospects: {
      async find(facts) {
        const found = await findProspectFor(db, facts);
        return found?.id === undefined ? null : savedSummary(found);
      },
      async save(input) {
        const { prospect, created, result, kept } = await saveProspect(db, input);
        return { ...savedSummary(prospect), created, kept, result };
      },
    },
    // A page's globals are invisible to content scripts: a small function that only reads them runs in the
    // page's main world; no message channel a page could use to forge an answer.
    async collectGlobals(tabId) {
      const [injection] = await browser.scripting.executeScript({
        target: { tabId, frameIds: [0] },
        world: 'MAIN',
        func: collectPageGlobals,
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
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });

  // The team ICP file: checked on start when due, on the alarm, and when the address or the policy changes.
  const teamSync = createTeamSync({
    schedule: loadTeamSchedule,
    load: loadTeamSync,
    // A check that starts or stops failing changes what open tabs' panels say of the team ICP (it may be
    // out of date), though the ICP in force stays the same.
    async save(state) {
      const before = await loadTeamSync();
      await saveTeamSync(state);
      if ((before?.error === null || before === null) !== (state.error === null)) void service.rescoreAll();
    },
    alarms: {
      get: async (name) => (await browser.alarms.get(name)) ?? undefined,
      create: (name, info) => browser.alarms.create(name, info),
      clear: (name) => browser.alarms.clear(name),
    },
    fetch: (input, init) => fetch(input, init),
    now: Date.now,
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TEAM_SYNC_ALARM) void teamSync.sync();
  });
  watchPolicy(() => void teamSync.start({ force: true }));
  // A browser start checks at once; a service worker woken for anything else checks only when one is due.
  browser.runtime.onStartup.addListener(() => void teamSync.start({ force: true }));
  void teamSync.start();

  const listener = createMessageListener(
    {
      async pageOpened({ url }, sender) {
        if (sender.tabId === undefined) return { read: false };
        return service.pageOpened(sender.tabId, url, sender.incognito ?? false);
      },
      async reportPage({ techSignals, ...inputs }, sender) {
        if (sender.tabId === undefined) return { accepted: false };
        await service.reportPage(sender.tabId, inputs, sender.incognito ?? false, techSignals);
        return { accepted: true };
      },
      getTabState: ({ tabId }) => service.getTabState(tabId),
      getActiveIcp: () => loadActiveIcp(),
      async getPrivacy() {
        const [privacy, locked, rememberedPages] = await Promise.all([
          loadPrivacy(),
          loadPrivacyLocks(),
          db.pages.count(),
        ]);
        return { ...privacy, rememberedPages, locked };
      },
      setPrivacy: (change) => savePrivacy(change),
      async pauseSite({ site, paused }) {
        const pausedSites = await loadPausedSites();
        const next = paused ? [...pausedSites, site] : pausedSites.filter((s) => s !== site);
        const saved = await savePrivacy({ pausedSites: next });
        await service.pauseChanged(site, paused);
        return saved;
      },
      saveProspect: ({ tabId }) => service.saveProspect(tabId),
      async setTeamIcpUrl({ url }) {
        if ((await loadTeamSchedule()).setBy === 'policy')
          throw new Error('Your organisation’s policy sets the team address; it cannot be changed here.');
        await saveRepTeamUrl(url);
        await teamSync.start({ force: true });
        return loadActiveIcp();
      },
      async syncTeamIcp() {
        await teamSync.sync();
        return loadActiveIcp();
      },
      async saveUnsavedEdit({ id, notes, tags }) {
        await updateProspect(db, id, {
          ...(notes === undefined ? {} : { notes }),
          ...(tags === undefined ? {} : { tags }),
        });
        return null;
      },
      async rescoreList() {
        void rescoreList(null);
        return null;
      },
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
      frameId: sender.frameId,
      documentLifecycle: sender.documentLifecycle,
    }),
  );

  // A new document in a tab replaces the old page's facts; its content script reports afresh. Chrome says the
  // same of a move within the page (a link to `#pricing`, a script's `replaceState`): see `navigated`.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) void service.navigated(tabId, change.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => void service.forgetTab(tabId));
  // An ICP change from any channel (the rep, the team file, the policy) re-scores open tabs at once and the
  // prospect list in chunks, resumably.
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
  watchActiveIcp(() => {
    void service.rescoreAll();
    void rescoreList(null);
  });
  // An update of ICP Lens may score differently (a new rule, a fixed reading): the list is scored again.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'update') void rescoreList(null);
  });
  // A service worker stopped in the middle of a re-score picks it up where it left off; a list last scored
  // against another ICP (a policy or team file that changed while the browser was closed) is scored again.
  void Promise.all([loadRescore(), loadActiveIcp()]).then(([progress, { icp }]) => {
    if (progress && progress.finishedAt === null) void rescoreList(progress);
    else if (progress && (progress.icpName !== icp.name || progress.icpVersion !== icp.version))
      void rescoreList(null);
  });

  // The keyboard shortcut (manifest `commands`) saves the company in the active tab.
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'save-prospect') return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId !== undefined) await service.saveFromShortcut(tabId, SHORTCUT_FLASH_MS);
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
