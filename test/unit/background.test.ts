import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { createBackup, restoreBackup } from '@/lib/db/backup';
import { getDb, type Prospect } from '@/lib/db/index';
import { allProspects } from '@/lib/db/prospects';
import { DEFAULT_ICP, nothingKnown } from '@/lib/icp';
import type { PageState } from '@/lib/messaging';
import {
  loadRescore,
  loadTeamSync,
  rescoreItem,
  savePrivacy,
  saveUserIcp,
  userIcpItem,
} from '@/lib/settings';
import { TEAM_SYNC_ALARM } from '@/lib/team-sync';
import { fixturePath, loadFixture, pageInputs, parseHtml, SAMPLES } from '../helpers/dom';
import { domSignalsOf, runInWindow } from '../helpers/techno';

const EXTENSION = `chrome-extension://${fakeBrowser.runtime.id}`;
/** A content script's sender as Chrome gives it: the page a tab shows, its top frame, its address. */
const fromTab = (tabId: number, url: string) => ({
  id: fakeBrowser.runtime.id,
  tab: { id: tabId },
  frameId: 0,
  documentLifecycle: 'active',
  url,
  origin: new URL(url).origin,
});
const fromPanel = { id: fakeBrowser.runtime.id, url: `${EXTENSION}/sidepanel.html` };

/** What the content script sends for a sample page: its raw inputs (the background reads the facts). */
function sampleExtract(file: string) {
  const entry = SAMPLES.find((s) => s.file === file);
  if (!entry) throw new Error(file);
  return pageInputs(loadFixture(`samples/${file}`, entry.url), entry.url);
}

async function send(message: unknown, sender: object): Promise<unknown> {
  const results = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => {});
  return results.find((r: unknown) => r !== undefined);
}

/** A re-score of the list against an ICP, started at time 1 and finished at 2. */
const finishedRescore = (icpName: string, icpVersion: number) => ({
  icpName,
  icpVersion,
  total: 0,
  done: 0,
  movedUp: 0,
  movedDown: 0,
  lastId: 0,
  startedAt: 1,
  finishedAt: 2,
});

const badgeOf = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });
/** Waits, moving the faked timers on, until a tab's badge reads `text`. */
const untilBadge = (tabId: number, text: string) =>
  vi.waitFor(async () => expect(await badgeOf(tabId)).toBe(text), { timeout: 10_000, interval: 200 });
/** Lets IndexedDB in Node (which answers on setImmediate, never faked here) finish what is under way. */
async function idle() {
  for (let i = 0; i < 100; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Presses the save shortcut in a tab (the background's command listener). */
let pressShortcut: (tabId: number) => Promise<void>;

const tabState = (tabId: number) =>
  send({ type: 'getTabState', payload: { tabId } }, fromPanel) as Promise<PageState | null>;

describe('background', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await getDb().pages.clear();
    await getDb().prospects.clear();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    // The fake browser has no in-memory side panel; the behaviour call is all the background makes.
    vi.spyOn(fakeBrowser.sidePanel, 'setPanelBehavior').mockResolvedValue(undefined);
    // Nor keyboard commands: the listener is kept, and called as the browser would for the shortcut.
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => {
      // The background's listener is async: its promise is what the browser would not wait for.
      pressShortcut = async (tabId) => {
        await (listener('save-prospect', { id: tabId } as never) as unknown);
      };
    });
    background.main();
  });

  it('scores a reported page, keeps it for the tab and shows the tier on the badge', async () => {
    const extract = sampleExtract('lumenfold-home.html');
    expect(await send({ type: 'reportPage', payload: extract }, fromTab(7, extract.url))).toEqual({
      accepted: true,
    });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('T1');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toMatch(/Lumenfold: Tier 1/);
    const state = await tabState(7);
    expect(state?.facts.name?.value).toBe('Lumenfold');
    expect(state?.result?.tier).toBe('tier_1');
    expect(state?.icp).toMatchObject({ name: DEFAULT_ICP.name, source: 'default' });
  });

  it('shows a question mark, not a verdict, for a company whose page shows nothing the ICP asks about', async () => {
    const url = 'https://www.ashgrove-studio.example/';
    const silent = pageInputs(
      parseHtml(
        '<html><head><title>Ashgrove Studio</title></head><body><h1>Ashgrove Studio</h1></body></html>',
        url,
      ),
      url,
    );
    await send({ type: 'reportPage', payload: silent }, fromTab(7, url));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('?');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe(
      'ICP Lens: Ashgrove Studio: not enough known to judge the fit',
    );
    expect(await tabState(7)).toMatchObject({ result: { tier: 'not_a_fit', coverage: 0 } });
  });

  it('shows no badge for a page that is not a company profile', async () => {
    const extract = sampleExtract('daily-ledger-news.html');
    await send({ type: 'reportPage', payload: extract }, fromTab(3, extract.url));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('');
    expect(await tabState(3)).toMatchObject({ hasCompany: false, result: null, pageRole: 'negative' });
  });

  it('accepts page reports only from content scripts of this extension', async () => {
    const extract = sampleExtract('lumenfold-home.html');
    expect(
      await send({ type: 'reportPage', payload: extract }, { id: 'another-extension', tab: { id: 7 } }),
    ).toBeUndefined();
    expect(await send({ type: 'reportPage', payload: extract }, fromPanel)).toBeUndefined();
    expect(await tabState(7)).toBeNull();
  });

  it('refuses page reports from a frame of the page, or from a page prerendered out of sight', async () => {
    const extract = sampleExtract('lumenfold-home.html');
    const sender = fromTab(7, extract.url);
    const opened = { type: 'pageOpened', payload: { url: extract.url } };
    for (const other of [
      { ...sender, frameId: 3 },
      { ...sender, frameId: undefined },
      // Chrome gives a prerendered page's top frame an id other than 0, and says so where it can.
      { ...sender, frameId: 12, documentLifecycle: 'prerender' },
      { ...sender, documentLifecycle: 'prerender' },
    ]) {
      expect(await send({ type: 'reportPage', payload: extract }, other)).toBeUndefined();
      expect(await send(opened, other)).toBeUndefined();
    }
    expect(await tabState(7)).toBeNull();
    // Where the browser has no `documentLifecycle` (Firefox), the top frame is enough.
    const { documentLifecycle: _none, ...firefox } = sender;
    expect(await send({ type: 'reportPage', payload: extract }, firefox)).toEqual({ accepted: true });
  });

  it('refuses page reports about a page of another origin than the sender’s', async () => {
    const extract = sampleExtract('lumenfold-home.html');
    const { origin, host } = new URL(extract.url);
    for (const elsewhere of ['https://evil.example/', `http://${host}/`, `https://${host}:8443/`]) {
      const sender = fromTab(7, elsewhere);
      expect(await send({ type: 'reportPage', payload: extract }, sender)).toBeUndefined();
      expect(await send({ type: 'pageOpened', payload: { url: extract.url } }, sender)).toBeUndefined();
    }
    expect(await tabState(7)).toBeNull();
    // Chrome's `sender.url` is where the document loaded; the page may since have moved within its origin.
    expect(
      await send({ type: 'reportPage', payload: extract }, fromTab(7, `${origin}/products?from=home#top`)),
    ).toEqual({ accepted: true });
  });

  it('answers tab-state requests only from its own pages', async () => {
    const extract = sampleExtract('lumenfold-home.html');
    await send({ type: 'reportPage', payload: extract }, fromTab(7, extract.url));
    expect(
      await send({ type: 'getTabState', payload: { tabId: 7 } }, fromTab(9, 'https://evil.example/')),
    ).toBeUndefined();
  });

  it('drops malformed and unknown messages', async () => {
    expect(
      await send({ type: 'reportPage', payload: { url: 'not a url' } }, fromTab(7, 'https://x.com')),
    ).toBeUndefined();
    expect(await send({ type: 'deleteEverything', payload: {} }, fromPanel)).toBeUndefined();
    expect(await send('hello', fromPanel)).toBeUndefined();
    expect(console.warn).toHaveBeenCalledTimes(3);
  });

  it('forgets a tab when it loads a new document', async () => {
    const extract = sampleExtract('lumenfold-home.html');
    await send({ type: 'reportPage', payload: extract }, fromTab(7, extract.url));
    await fakeBrowser.tabs.onUpdated.trigger(
      7,
      { status: 'loading', url: 'https://other.example/' },
      await fakeBrowser.tabs.create({ url: 'https://other.example/' }),
    );
    await vi.waitFor(async () => expect(await tabState(7)).toBeNull());
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });

  it('keeps a tab’s page through a move within it (a link to #pricing), and one already reported for', async () => {
    const extract = sampleExtract('lumenfold-home.html');
    await send({ type: 'reportPage', payload: extract }, fromTab(7, extract.url));
    const tab = await fakeBrowser.tabs.create({ url: extract.url });
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading', url: `${extract.url}#pricing` }, tab);
    // The content script of a page whose script replaced its address reported before Chrome told of the move.
    const moved = { ...extract, url: `${extract.url}?ref=mail` };
    await send({ type: 'reportPage', payload: moved }, fromTab(7, moved.url));
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading', url: moved.url }, tab);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await tabState(7)).toMatchObject({ url: moved.url, hasCompany: true });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).not.toBe('');
  });

  it('waits a moment for a page moved to another address of its site to be read again, then forgets it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const extract = sampleExtract('lumenfold-home.html');
    await send({ type: 'reportPage', payload: extract }, fromTab(7, extract.url));
    const tab = await fakeBrowser.tabs.create({ url: extract.url });
    // A script tidies the address, and the content script reads the page again within the moment.
    const tidied = `${extract.url}?page=pricing`;
    const moved = fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading', url: tidied }, tab);
    await send({ type: 'reportPage', payload: { ...extract, url: tidied } }, fromTab(7, tidied));
    await vi.advanceTimersByTimeAsync(2000);
    await moved;
    expect(await tabState(7)).toMatchObject({ url: tidied, hasCompany: true });
    // Another query, and no report: the page is forgotten once the moment has passed, not before.
    const away = fakeBrowser.tabs.onUpdated.trigger(
      7,
      { status: 'loading', url: `${extract.url}?q=other` },
      tab,
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(await tabState(7)).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1000);
    await away;
    expect(await tabState(7)).toBeNull();
    // Another site is another page: forgotten at once.
    await send({ type: 'reportPage', payload: extract }, fromTab(7, extract.url));
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading', url: 'https://other.example/' }, tab);
    await vi.advanceTimersByTimeAsync(10);
    expect(await tabState(7)).toBeNull();
  });

  it('re-scores open tabs when the ICP changes', async () => {
    const extract = sampleExtract('lumenfold-home.html');
    await send({ type: 'reportPage', payload: extract }, fromTab(7, extract.url));
    const strict = {
      ...DEFAULT_ICP,
      name: 'Only US',
      version: 2,
      criteria: [
        {
          id: 'us',
          label: 'US only',
          kind: 'location' as const,
          weight: 1,
          rule: 'score' as const,
          countries: ['US'],
          regions: [],
        },
      ],
    };
    await saveUserIcp(strict);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('✕'));
    expect(await tabState(7)).toMatchObject({
      icp: { name: 'Only US', source: 'user' },
      result: { tier: 'not_a_fit' },
    });
  });

  it('reports a stored ICP it cannot read and keeps the default in force', async () => {
    await userIcpItem.setValue({ name: 'broken', criteria: 'none' });
    const active = (await send({ type: 'getActiveIcp', payload: {} }, fromPanel)) as {
      source: string;
      problem: string;
    };
    expect(active.source).toBe('default');
    expect(active.problem).toMatch(/could not be read \(/);
  });

  it("merges what the company's LinkedIn page and its website say, and names both pages", async () => {
    const linkedin = sampleExtract('quarry-peak-linkedin.html');
    await send({ type: 'reportPage', payload: linkedin }, fromTab(4, linkedin.url));
    const site = pageInputs(
      parseHtml(
        `<html><head><title>Quarry Peak</title><script type="application/ld+json">{"@type":"Organization","name":"Quarry Peak Logistics","url":"https://www.quarrypeak.com","numberOfEmployees":{"minValue":201,"maxValue":500},"address":{"addressCountry":"US"}}</script></head></html>`,
        'https://www.quarrypeak.com/',
      ),
      'https://www.quarrypeak.com/',
    );
    await send({ type: 'reportPage', payload: site }, fromTab(5, site.url));
    const state = await tabState(5);
    // The website adds nothing about industry; the LinkedIn page seen earlier does.
    expect(state?.facts.industry).toMatchObject({ value: 'Software Development', url: linkedin.url });
    expect(state?.sources.map((s) => s.url)).toEqual(['https://www.quarrypeak.com/', linkedin.url]);
    expect(state?.result?.criteria.find((c) => c.id === 'industry')?.status).toBe('match');
  });

  it("keeps another site's claims about a company out of the company's own page", async () => {
    const page = (url: string, org: object) =>
      pageInputs(
        parseHtml(
          `<html><head><title>Page</title><script type="application/ld+json">${JSON.stringify({ '@type': 'Organization', ...org })}</script></head></html>`,
          url,
        ),
        url,
      );
    // A site that is not Quarry Peak's names its domain and says what it likes about it.
    const claims = page('https://reviews.example/quarry-peak', {
      name: 'Quarry Peak Logistics',
      url: 'https://www.quarrypeak.com',
      numberOfEmployees: { value: 3 },
      address: { addressCountry: 'KP' },
    });
    await send({ type: 'reportPage', payload: claims }, fromTab(4, claims.url));
    const site = page('https://www.quarrypeak.com/', {
      name: 'Quarry Peak Logistics',
      url: 'https://www.quarrypeak.com',
      address: { addressCountry: 'US' },
    });
    await send({ type: 'reportPage', payload: site }, fromTab(5, site.url));
    const state = await tabState(5);
    expect(state?.facts.hqCountry).toMatchObject({ value: 'US', url: site.url });
    expect(state?.facts.employees).toBeUndefined();
    expect(state?.sources.map((s) => s.url)).toEqual([site.url]);
    // On the other site's own page, what the company's site says comes first.
    expect((await tabState(4))?.facts.hqCountry).toMatchObject({ value: 'US', url: site.url });
  });

  it('does not remember pages from incognito windows unless the rep allows it', async () => {
    const extract = sampleExtract('lumenfold-home.html');
    await send(
      { type: 'reportPage', payload: extract },
      { ...fromTab(7, extract.url), tab: { id: 7, incognito: true } },
    );
    expect(await getDb().pages.count()).toBe(0);
    expect(await tabState(7)).toMatchObject({ remembered: false, result: { tier: 'tier_1' } });
    await savePrivacy({ rememberIncognito: true });
    await send(
      { type: 'reportPage', payload: extract },
      { ...fromTab(7, extract.url), tab: { id: 7, incognito: true } },
    );
    expect(await getDb().pages.count()).toBe(1);
  });

  it('applies the company memory settings a policy sets, over the rep’s, and refuses to change them', async () => {
    await savePrivacy({ memoryDays: 90, rememberIncognito: false });
    await fakeBrowser.storage.managed.set({ memoryDays: 7, rememberIncognito: true });
    expect(await send({ type: 'getPrivacy', payload: {} }, fromPanel)).toMatchObject({
      memoryDays: 7,
      rememberIncognito: true,
      locked: { memoryDays: true, rememberIncognito: true },
    });
    await expect(send({ type: 'setPrivacy', payload: { memoryDays: 30 } }, fromPanel)).rejects.toThrow(
      /policy sets how long pages are remembered/,
    );
    // Incognito pages are remembered as the policy says, though the rep had said no.
    const extract = sampleExtract('lumenfold-home.html');
    await send(
      { type: 'reportPage', payload: extract },
      { ...fromTab(7, extract.url), tab: { id: 7, incognito: true } },
    );
    expect(await getDb().pages.count()).toBe(1);
    // Without the policy, the rep's own choices are back.
    await fakeBrowser.storage.managed.clear();
    expect(await send({ type: 'getPrivacy', payload: {} }, fromPanel)).toMatchObject({
      memoryDays: 90,
      rememberIncognito: false,
      locked: { memoryDays: false, rememberIncognito: false },
    });
  });

  it('does not read pages on a site the rep paused', async () => {
    await send({ type: 'pauseSite', payload: { site: 'lumenfold.io', paused: true } }, fromPanel);
    const answer = await send(
      { type: 'pageOpened', payload: { url: 'https://www.lumenfold.io/about' } },
      fromTab(7, 'https://www.lumenfold.io/about'),
    );
    expect(answer).toEqual({ read: false });
    expect(await tabState(7)).toMatchObject({ kind: 'paused', site: 'lumenfold.io' });
    expect(
      await send(
        { type: 'pageOpened', payload: { url: 'https://acme.com/' } },
        fromTab(8, 'https://acme.com/'),
      ),
    ).toMatchObject({ read: true });
  });

  it('says at once in an open tab that its site was paused, and then resumed', async () => {
    const extract = sampleExtract('lumenfold-home.html');
    await send({ type: 'reportPage', payload: extract }, fromTab(7, extract.url));
    await untilBadge(7, 'T1');
    await send({ type: 'pauseSite', payload: { site: 'lumenfold.io', paused: true } }, fromPanel);
    expect(await tabState(7)).toMatchObject({ kind: 'paused', site: 'lumenfold.io', resumed: false });
    expect(await badgeOf(7)).toBe('');
    await send({ type: 'pauseSite', payload: { site: 'lumenfold.io', paused: false } }, fromPanel);
    expect(await tabState(7)).toMatchObject({ kind: 'paused', site: 'lumenfold.io', resumed: true });
    // Loaded again, the page is read as any other.
    expect(
      await send({ type: 'pageOpened', payload: { url: extract.url } }, fromTab(7, extract.url)),
    ).toMatchObject({ read: true });
  });

  it('keeps a page paused when its content script reports a change after the rep paused the site', async () => {
    const extract = sampleExtract('lumenfold-home.html');
    await send({ type: 'reportPage', payload: extract }, fromTab(7, extract.url));
    await getDb().pages.clear();
    await send({ type: 'pauseSite', payload: { site: 'lumenfold.io', paused: true } }, fromPanel);
    // The page re-renders within its settle window and is read again by a script told to read it earlier.
    await send({ type: 'reportPage', payload: extract }, fromTab(7, extract.url));
    expect(await tabState(7)).toMatchObject({ kind: 'paused', site: 'lumenfold.io' });
    expect(await getDb().pages.count()).toBe(0);
  });

  it('forgets every remembered page in one call', async () => {
    const extract = sampleExtract('lumenfold-home.html');
    await send({ type: 'reportPage', payload: extract }, fromTab(7, extract.url));
    expect(await send({ type: 'forgetMemory', payload: {} }, fromPanel)).toEqual({ forgotten: 1 });
    expect(await getDb().pages.count()).toBe(0);
  });

  it('forgets remembered pages older than the memory period', async () => {
    const extract = sampleExtract('fernbridge-impressum.html');
    await send({ type: 'reportPage', payload: extract }, fromTab(3, extract.url));
    await getDb()
      .pages.toCollection()
      .modify({ seenAt: Date.now() - 31 * 86_400_000 });
    // A fresh background purges expired pages on its first report.
    background.main();
    const next = sampleExtract('lumenfold-home.html');
    await send({ type: 'reportPage', payload: next }, fromTab(7, next.url));
    expect((await getDb().pages.toArray()).map((p) => p.domain)).toEqual(['lumenfold.io']);
  });

  it('saves the company in a tab to the prospect list, and the tab state says it is saved', async () => {
    const extract = sampleExtract('lumenfold-home.html');
    await send({ type: 'reportPage', payload: extract }, fromTab(7, extract.url));
    expect((await tabState(7))?.saved).toBeNull();
    const saved = await send({ type: 'saveProspect', payload: { tabId: 7 } }, fromPanel);
    expect(saved).toMatchObject({ tier: 'tier_1', status: 'new', created: true });
    expect((await tabState(7))?.saved).toMatchObject({ tier: 'tier_1', status: 'new' });
    expect(await send({ type: 'saveProspect', payload: { tabId: 7 } }, fromPanel)).toMatchObject({
      created: false,
    });
    expect(await getDb().prospects.count()).toBe(1);
  });

  it('saves a note or tags a closing list tab sends, and refuses an edit out of bounds', async () => {
    const extract = sampleExtract('lumenfold-home.html');
    await send({ type: 'reportPage', payload: extract }, fromTab(7, extract.url));
    const { id } = (await send({ type: 'saveProspect', payload: { tabId: 7 } }, fromPanel)) as { id: number };
    await send({ type: 'saveUnsavedEdit', payload: { id, notes: 'Call in March' } }, fromPanel);
    await send({ type: 'saveUnsavedEdit', payload: { id, tags: ['q3'] } }, fromPanel);
    expect(await getDb().prospects.get(id)).toMatchObject({ notes: 'Call in March', tags: ['q3'] });
    // The saved summary the panel shows carries the note.
    expect((await tabState(7))?.saved).toMatchObject({ notes: 'Call in March', nothingKnown: false });
    // Refused (the listener answers nothing to a message that does not validate), and nothing written.
    expect(
      await send({ type: 'saveUnsavedEdit', payload: { id, notes: 'x'.repeat(20_001) } }, fromPanel).catch(
        () => 'refused',
      ),
    ).not.toBeNull();
    expect((await getDb().prospects.get(id))?.notes).toBe('Call in March');
  });

  it('an update from a page that shows less keeps what the list had, and says so', async () => {
    const extract = sampleExtract('lumenfold-home.html');
    await send({ type: 'reportPage', payload: extract }, fromTab(7, extract.url));
    await send({ type: 'saveProspect', payload: { tabId: 7 } }, fromPanel);
    // The remembered pages are forgotten; a blog post shows the name and nothing the ICP weighs.
    await getDb().pages.clear();
    const url = 'https://www.lumenfold.io/blog/release-notes';
    const blog = pageInputs(
      parseHtml(
        '<html><head><title>Release notes – Lumenfold</title><meta property="og:site_name" content="Lumenfold"></head><body><h1>Release notes</h1><p>What changed this month.</p></body></html>',
        url,
      ),
      url,
    );
    await send({ type: 'reportPage', payload: blog }, fromTab(8, url));
    const thin = await tabState(8);
    expect(thin?.kind === 'page' && thin.result && nothingKnown(thin.result)).toBe(true);
    const saved = await send({ type: 'saveProspect', payload: { tabId: 8 } }, fromPanel);
    expect(saved).toMatchObject({ created: false, tier: 'tier_1' });
    expect((saved as { kept: number }).kept).toBeGreaterThan(3);
    const [prospect] = await allProspects(getDb());
    expect(prospect).toMatchObject({ tier: 'tier_1', industryId: 'software' });
  });

  it('saves from the keyboard shortcut and says how it went on the toolbar icon, then shows the tier again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const extract = sampleExtract('lumenfold-home.html');
    await send({ type: 'reportPage', payload: extract }, fromTab(7, extract.url));
    const pressed = pressShortcut(7);
    await vi.waitFor(async () => expect(await badgeOf(7)).toBe('✓'));
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe(
      'ICP Lens: saved to your prospect list (Tier 1)',
    );
    // (IndexedDB in Node runs on the faked timers too: the restore's reads need time to pass.)
    await vi.advanceTimersByTimeAsync(2600);
    await untilBadge(7, 'T1');
    await pressed;
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toMatch(/Lumenfold: Tier 1, score/);
    expect(await getDb().prospects.count()).toBe(1);

    // Pressed again while the tick shows: the first press's timer does not cut the second's short.
    const first = pressShortcut(7);
    await vi.waitFor(async () => expect(await badgeOf(7)).toBe('✓'));
    await vi.advanceTimersByTimeAsync(1500);
    const badges = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const second = pressShortcut(7);
    // Its save shows the tier, then the tick.
    await vi.waitFor(() => expect(badges.mock.calls.map(([b]) => b.text)).toEqual(['T1', '✓']));
    await vi.advanceTimersByTimeAsync(1500);
    await idle();
    expect(await badgeOf(7)).toBe('✓');
    await vi.advanceTimersByTimeAsync(2600);
    await untilBadge(7, 'T1');
    await Promise.all([first, second]);

    // In a tab of its own: a press, the tab moves on to another document (forgotten) whose page is read, and a
    // press there. The first press's timer leaves the second's tick alone.
    await send({ type: 'reportPage', payload: extract }, fromTab(21, extract.url));
    const early = pressShortcut(21);
    await vi.waitFor(async () => expect(await badgeOf(21)).toBe('✓'));
    await vi.advanceTimersByTimeAsync(1000);
    await fakeBrowser.tabs.onUpdated.trigger(
      21,
      { status: 'loading', url: 'https://other.example/' },
      await fakeBrowser.tabs.create({ url: extract.url }),
    );
    await vi.waitFor(async () => expect(await tabState(21)).toBeNull());
    await send({ type: 'reportPage', payload: extract }, fromTab(21, extract.url));
    const late = pressShortcut(21);
    await vi.waitFor(async () => expect(await badgeOf(21)).toBe('✓'));
    // Past the first press's 2.5 s, short of the second's; then what the first timer started may finish
    // (IndexedDB in Node answers on setImmediate, which is not faked).
    await vi.advanceTimersByTimeAsync(1700);
    await idle();
    expect(await badgeOf(21)).toBe('✓');
    await vi.advanceTimersByTimeAsync(2600);
    await untilBadge(21, 'T1');
    await Promise.all([early, late]);

    // A news article, no company's profile: an exclamation mark, and why, then no badge again.
    const news = sampleExtract('daily-ledger-news.html');
    await send({ type: 'reportPage', payload: news }, fromTab(3, news.url));
    const refused = pressShortcut(3);
    await vi.waitFor(async () => expect(await badgeOf(3)).toBe('!'));
    expect(await fakeBrowser.action.getTitle({ tabId: 3 })).toBe(
      'ICP Lens: not saved: There is no company on this page to save.',
    );
    await vi.advanceTimersByTimeAsync(2600);
    await untilBadge(3, '');
    await refused;
    expect(await getDb().prospects.count()).toBe(1);
  });

  it('refuses to save a page that shows no company', async () => {
    const extract = sampleExtract('daily-ledger-news.html');
    await send({ type: 'reportPage', payload: extract }, fromTab(3, extract.url));
    await expect(send({ type: 'saveProspect', payload: { tabId: 3 } }, fromPanel)).rejects.toThrow(
      /no company on this page/,
    );
  });

  it('re-scores open tabs and the prospect list when the organisation’s policy sets the ICP', async () => {
    const extract = sampleExtract('lumenfold-home.html');
    await send({ type: 'reportPage', payload: extract }, fromTab(7, extract.url));
    await send({ type: 'saveProspect', payload: { tabId: 7 } }, fromPanel);
    await fakeBrowser.storage.managed.set({ icp: JSON.stringify(onlyUs(3)) });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('✕'));
    await vi.waitFor(async () => expect((await allProspects(getDb()))[0]?.tier).toBe('not_a_fit'));
    expect(await tabState(7)).toMatchObject({ icp: { name: 'Only US', version: 3, source: 'policy' } });
  });

  it('re-scores the list against the ICP in force when asked after a restore', async () => {
    const extract = sampleExtract('lumenfold-home.html');
    await send({ type: 'reportPage', payload: extract }, fromTab(7, extract.url));
    await send({ type: 'saveProspect', payload: { tabId: 7 } }, fromPanel);
    // A backup made under an old ICP that filed the company elsewhere.
    const backup = await createBackup(getDb());
    const stale = {
      ...(backup.prospects[0] as Prospect),
      domain: 'other.example',
      linkedinSlug: null,
      tier: 'not_a_fit' as const,
    };
    delete stale.id;
    stale.icpVersion = 1;
    expect(await restoreBackup(getDb(), { ...backup, prospects: [stale] })).toMatchObject({ added: 1 });
    const restored = () => allProspects(getDb()).then((all) => all.find((p) => p.domain === 'other.example'));
    expect(await restored()).toMatchObject({ tier: 'not_a_fit', icpVersion: 1 });
    await send({ type: 'rescoreList', payload: {} }, fromPanel);
    await vi.waitFor(async () =>
      expect(await restored()).toMatchObject({ tier: 'tier_1', icpVersion: DEFAULT_ICP.version }),
    );
  });

  it('refuses to change a team address the policy sets', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    onTestFinished(() => {
      vi.unstubAllGlobals();
    });
    await fakeBrowser.storage.managed.set({ teamIcpUrl: 'https://hq.acme.test/icp.json' });
    await expect(
      send({ type: 'setTeamIcpUrl', payload: { url: 'https://mine.test/icp.json' } }, fromPanel),
    ).rejects.toThrow(/policy sets the team address/);
  });

  it('re-scores the list on start when it was last scored against another ICP (changed while closed)', async () => {
    await rescoreItem.setValue(finishedRescore('An ICP since replaced by policy', 4));
    background.main();
    await vi.waitFor(async () =>
      expect(await loadRescore()).toMatchObject({
        icpName: DEFAULT_ICP.name,
        icpVersion: DEFAULT_ICP.version,
      }),
    );
  });

  it('re-scores the list after an update of the extension, whose rules may score differently', async () => {
    const finished = finishedRescore(DEFAULT_ICP.name, DEFAULT_ICP.version);
    await rescoreItem.setValue(finished);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'chrome_update' });
    expect(await loadRescore()).toEqual(finished);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.2.0' });
    await vi.waitFor(async () => expect((await loadRescore())?.startedAt).not.toBe(1));
  });

  it('fetches the team file when the rep sets its address, schedules it hourly, and re-scores', async () => {
    const fetch = vi.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(JSON.stringify(onlyUs(4)), { status: 200, headers: { etag: '"a"' } }),
    );
    vi.stubGlobal('fetch', fetch);
    onTestFinished(() => {
      vi.unstubAllGlobals();
    });
    const extract = sampleExtract('lumenfold-home.html');
    await send({ type: 'reportPage', payload: extract }, fromTab(7, extract.url));
    const active = (await send(
      { type: 'setTeamIcpUrl', payload: { url: 'https://ops.acme.test/icp.json' } },
      fromPanel,
    )) as { source: string; team: { setBy: string; icp: { version: number } } };
    expect(active).toMatchObject({ source: 'team', team: { setBy: 'rep', icp: { version: 4 } } });
    expect(await fakeBrowser.alarms.get(TEAM_SYNC_ALARM)).toMatchObject({ periodInMinutes: 60 });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('✕'));
    expect(await tabState(7)).toMatchObject({
      icp: { name: 'Only US', version: 4, source: 'team', checkedAt: expect.any(Number) },
    });

    fetch.mockImplementation(async () => new Response(null, { status: 304 }));
    await fakeBrowser.alarms.onAlarm.trigger({
      name: TEAM_SYNC_ALARM,
      scheduledTime: Date.now(),
      persistAcrossSessions: true,
    });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(fetch.mock.calls[1]?.[1]).toMatchObject({ headers: { 'If-None-Match': '"a"' } });

    fetch.mockImplementation(async () => new Response('', { status: 500 }));
    const after = (await send({ type: 'syncTeamIcp', payload: {} }, fromPanel)) as {
      source: string;
      team: { error: { message: string } };
    };
    expect(after).toMatchObject({ source: 'team', team: { error: { message: 'the server answered 500' } } });
    expect((await loadTeamSync())?.etag).toBe('"a"');
  });
});

function onlyUs(version: number) {
  return {
    ...DEFAULT_ICP,
    name: 'Only US',
    version,
    criteria: [
      {
        id: 'us',
        label: 'US only',
        kind: 'location' as const,
        weight: 1,
        rule: 'score' as const,
        countries: ['US'],
        regions: [],
      },
    ],
  };
}

describe('background: technologies', () => {
  /** The pages open in tabs, by tab id: executeScript runs the collector's source in a jsdom copy of each. */
  const tabs = new Map<number, { file: string; url: string }>();
  const executeScript = vi.fn();

  beforeEach(async () => {
    fakeBrowser.reset();
    tabs.clear();
    await getDb().pages.clear();
    await getDb().prospects.clear();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.sidePanel, 'setPanelBehavior').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    // The fake browser has no scripting API: run the injected function the way Chromium would, on the tab's page.
    executeScript.mockImplementation(
      async (injection: {
        target: { tabId: number; frameIds: number[] };
        world: string;
        args: unknown[];
      }) => {
        const tab = tabs.get(injection.target.tabId);
        if (!tab) throw new Error('No tab');
        const html = readFileSync(fixturePath(`samples/${tab.file}`), 'utf8');
        const dom = new JSDOM(html, {
          url: tab.url,
          runScripts: 'dangerously',
          virtualConsole: new VirtualConsole(),
        });
        return [{ frameId: 0, result: runInWindow(dom.window, injection.args) }];
      },
    );
    Object.assign(fakeBrowser, { scripting: { executeScript } });
    background.main();
  });

  /** What the content script sends for a sample page: its facts and its markup's technology signals. */
  function sampleReport(file: string) {
    const entry = SAMPLES.find((s) => s.file === file);
    if (!entry) throw new Error(file);
    const html = readFileSync(fixturePath(`samples/${file}`), 'utf8');
    const techSignals = domSignalsOf(new JSDOM(html, { url: entry.url }).window.document);
    return { entry, payload: { ...sampleExtract(file), techSignals } };
  }

  async function open(tabId: number, file: string) {
    const { entry, payload } = sampleReport(file);
    tabs.set(tabId, entry);
    await send({ type: 'reportPage', payload }, fromTab(tabId, entry.url));
    return tabState(tabId);
  }

  it('answers a content script on a company site with the selectors to test, and none on a platform', async () => {
    const company = (await send(
      { type: 'pageOpened', payload: { url: 'https://www.brambleworks-outfitters.com/' } },
      fromTab(5, 'https://www.brambleworks-outfitters.com/'),
    )) as { read: boolean; techSelectors?: string[] };
    expect(company.read).toBe(true);
    expect(company.techSelectors).toContain('script#__NEXT_DATA__');
    const platform = await send(
      { type: 'pageOpened', payload: { url: 'https://www.linkedin.com/company/acme/' } },
      fromTab(6, 'https://www.linkedin.com/company/acme/'),
    );
    expect(platform).toEqual({ read: true });
  });

  it("detects a company site's technologies in its main world and adds them to its facts, with evidence", async () => {
    const state = await open(5, 'brambleworks-home.html');
    expect(executeScript).toHaveBeenCalledWith(
      expect.objectContaining({ target: { tabId: 5, frameIds: [0] }, world: 'MAIN' }),
    );
    expect(state?.facts.technologies).toMatchObject({
      value: ['HubSpot', 'Google Tag Manager', 'Shopify', 'Greenhouse'],
      source: 'techno',
    });
    expect(state?.technologies.find((t) => t.name === 'HubSpot')?.evidence).toEqual([
      'script https://js.hs-scripts.com/48151623.js',
    ]);
    expect(state?.technologies.find((t) => t.name === 'Shopify')?.evidence).toContain('global Shopify');
  });

  it('scores the ICP technology criterion with what was detected', async () => {
    await saveUserIcp({
      ...DEFAULT_ICP,
      name: 'HubSpot shops',
      version: 2,
      criteria: [
        {
          id: 'stack',
          label: 'Runs HubSpot',
          kind: 'technologies' as const,
          weight: 1,
          rule: 'score' as const,
          match: 'any' as const,
          technologies: ['HubSpot', 'Marketo'],
        },
      ],
    });
    const state = await open(5, 'brambleworks-home.html');
    expect(state?.result?.criteria[0]).toMatchObject({ id: 'stack', status: 'match' });
  });

  it('asks the main world for its globals while the page is read, once, and again for a later report', async () => {
    const { entry, payload } = sampleReport('brambleworks-home.html');
    tabs.set(5, entry);
    await send({ type: 'pageOpened', payload: { url: entry.url } }, fromTab(5, entry.url));
    // Started on the question, before the content script has read anything.
    expect(executeScript).toHaveBeenCalledTimes(1);
    await send({ type: 'reportPage', payload }, fromTab(5, entry.url));
    expect(executeScript).toHaveBeenCalledTimes(1);
    const state = await tabState(5);
    expect(state?.technologies.find((t) => t.name === 'Shopify')?.evidence).toContain('global Shopify');
    // A single-page site's later report (the page changed) reads the globals as they are then.
    await send({ type: 'reportPage', payload }, fromTab(5, entry.url));
    expect(executeScript).toHaveBeenCalledTimes(2);
  });

  it('does not use globals read for another page of the tab', async () => {
    const { entry, payload } = sampleReport('brambleworks-home.html');
    tabs.set(5, entry);
    // The tab showed another page of the site when its globals were read; then it moved to this one.
    const other = 'https://www.brambleworks-outfitters.com/other';
    await send({ type: 'pageOpened', payload: { url: other } }, fromTab(5, other));
    await send({ type: 'reportPage', payload }, fromTab(5, entry.url));
    expect(executeScript).toHaveBeenCalledTimes(2);
  });

  it('reports the page with what its markup shows when its main world does not answer in time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      executeScript.mockImplementation(() => new Promise(() => {}));
      const { entry, payload } = sampleReport('brambleworks-home.html');
      tabs.set(5, entry);
      const sent = send({ type: 'reportPage', payload }, fromTab(5, entry.url));
      await vi.advanceTimersByTimeAsync(2500);
      expect(await sent).toEqual({ accepted: true });
      const state = await tabState(5);
      expect(state?.facts.name?.value).toBe('Brambleworks Outfitters');
      expect(state?.technologies.map((t) => t.name)).toContain('HubSpot');
      expect(state?.technologies.find((t) => t.name === 'Shopify')?.evidence).not.toContain('global Shopify');
    } finally {
      vi.useRealTimers();
    }
  });

  it('detects nothing on a page whose content script sent no technology signals', async () => {
    const entry = SAMPLES.find((s) => s.file === 'brambleworks-home.html');
    if (!entry) throw new Error('sample');
    tabs.set(5, entry);
    await send(
      { type: 'reportPage', payload: sampleExtract('brambleworks-home.html') },
      fromTab(5, entry.url),
    );
    expect(executeScript).not.toHaveBeenCalled();
    expect((await tabState(5))?.technologies).toEqual([]);
  });

  it('reads no technologies on a platform page: its scripts are the platform’s', async () => {
    const state = await open(6, 'quarry-peak-linkedin.html');
    expect(executeScript).not.toHaveBeenCalled();
    expect(state?.facts.technologies).toBeUndefined();
    expect(state?.technologies).toEqual([]);
  });

  it('ignores technologies a content script claims: only the background detects them', async () => {
    const { entry, payload } = sampleReport('lumenfold-home.html');
    const forged = {
      ...payload,
      technologies: { detected: [{ name: 'Salesforce', category: 'crm', evidence: ['forged'] }], ms: 1 },
    };
    forged.body?.candidates.push({
      field: 'technologies',
      value: ['Salesforce'],
      source: 'techno',
      snippet: 'forged',
      confidence: 1,
    });
    tabs.set(7, entry);
    await send({ type: 'reportPage', payload: forged }, fromTab(7, entry.url));
    const state = await tabState(7);
    expect(state?.facts.technologies).toBeUndefined();
    expect(state?.technologies).toEqual([]);
  });
});
