/** A Playwright fixture: one Chromium with the built extension per test worker, serving the test pages. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import {
  type ExtensionBrowser,
  type ExtensionGlobals,
  launchWithExtension,
  ROOT,
  servePages,
  waitForReport,
} from '../../scripts/lib/browser';

const FIXTURES = path.join(ROOT, 'test/fixtures');

/** Every page the tests visit: the samples, the hostile page and the real corpus copies, at their addresses. */
export const PAGES = {
  lumenfold: 'https://www.lumenfold.io/',
  quarryPeak: 'https://www.linkedin.com/company/quarry-peak-logistics',
  fernbridge: 'https://www.fernbridge.de/impressum',
  civicLedger: 'https://civicledger.org/about',
  news: 'https://www.dailyledger-news.com/2026/10/02/lumenfold-raises-40m',
  hostile: 'https://hostile.example.com/',
  audiense: 'https://uk.linkedin.com/company/audiense',
  ashgrove: 'https://www.ashgrove-studio.example/',
} as const;

function servedPages(): Array<{ url: string; file: string }> {
  const samples: Array<{ url: string; file: string }> = JSON.parse(
    readFileSync(path.join(FIXTURES, 'samples/index.json'), 'utf8'),
  );
  const corpus = readFileSync(path.join(FIXTURES, 'corpus/pages.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { url: string; file: string });
  return [
    ...samples.map((s) => ({ url: s.url, file: path.join(FIXTURES, 'samples', s.file) })),
    { url: PAGES.hostile, file: path.join(FIXTURES, 'samples/hostile.html') },
    ...corpus.map((c) => ({ url: c.url, file: path.join(FIXTURES, 'corpus', c.file) })),
  ];
}

interface Fixtures {
  /**
   * Runs before every test: no ICP, privacy or re-score settings left over from an earlier test, and every
   * IndexedDB store empty.
   */
  freshSettings: undefined;
  /** Opens a page at its address and waits until its facts reached the background; returns its tab id. */
  visit(url: string): Promise<{ page: Page; tabId: number }>;
  /** Opens the side panel page pinned to a tab, or following a window's active tab. */
  openPanel(target: { tabId: number } | { windowId: number }): Promise<Page>;
  /** The toolbar badge text of a tab. */
  badge(tabId: number): Promise<string>;
}

export const test = base.extend<Fixtures, { ext: ExtensionBrowser }>({
  ext: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; none here.
    async ({}, use) => {
      const ext = await launchWithExtension();
      await servePages(ext.context, servedPages());
      await use(ext);
      await ext.close();
    },
    { scope: 'worker' },
  ],
  freshSettings: [
    async ({ ext }, use) => {
      await ext.worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as {
          chrome: { storage: { sync: { clear(): Promise<void> }; local: { clear(): Promise<void> } } };
        };
        await chrome.storage.sync.clear();
        await chrome.storage.local.clear();
        // And every IndexedDB store (prospects, company memory, imported accounts), emptied rather than deleted:
        // the background keeps its connections open. Each test starts from an empty list, whatever ran before.
        for (const { name } of await indexedDB.databases()) {
          if (!name) continue;
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            // At whatever version it has (waiting for an upgrade in progress, never asking for one).
            const open = indexedDB.open(name);
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(open.error);
          });
          const stores = [...db.objectStoreNames];
          if (stores.length > 0)
            await new Promise<void>((resolve, reject) => {
              const tx = db.transaction(stores, 'readwrite');
              for (const store of stores) tx.objectStore(store).clear();
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
            });
          db.close();
        }
      });
      await use(undefined);
    },
    { auto: true },
  ],
  visit: async ({ ext }, use) => {
    const opened: Page[] = [];
    await use(async (url) => {
      const page = await ext.context.newPage();
      opened.push(page);
      await page.goto(url);
      const { tabId } = await waitForReport(ext.worker, url);
      return { page, tabId };
    });
    for (const page of opened) await page.close().catch(() => {});
  },
  openPanel: async ({ ext }, use) => {
    const opened: Page[] = [];
    await use(async (target) => {
      const page = await ext.context.newPage();
      opened.push(page);
      const query = 'tabId' in target ? `tabId=${target.tabId}` : `windowId=${target.windowId}`;
      await page.goto(ext.pageUrl(`sidepanel.html?${query}`));
      return page;
    });
    for (const page of opened) await page.close().catch(() => {});
  },
  badge: async ({ ext }, use) => {
    await use((tabId) =>
      ext.worker.evaluate(
        (id) => (globalThis as unknown as ExtensionGlobals).chrome.action.getBadgeText({ tabId: id }),
        tabId,
      ),
    );
  },
});

export { expect } from '@playwright/test';

/** Saves each page's company to the prospect list from its side panel, as a rep does, and opens the list. */
export async function listWithSaved(
  { ext, visit, openPanel }: Pick<Fixtures, 'visit' | 'openPanel'> & { ext: ExtensionBrowser },
  urls: readonly string[],
): Promise<Page> {
  for (const url of urls) {
    const { tabId } = await visit(url);
    const panel = await openPanel({ tabId });
    await panel.getByTestId('save-prospect').click();
    await expect(panel.getByTestId('saved')).toBeVisible();
  }
  const list = await ext.context.newPage();
  await list.goto(ext.pageUrl('list.html'));
  return list;
}

/** A new tab on `about:blank`, a page the extension cannot read, with its tab id. */
export async function openBlankTab(ext: ExtensionBrowser): Promise<{ page: Page; tabId: number }> {
  const tabIds = () =>
    ext.worker.evaluate(async () =>
      (await (globalThis as unknown as ExtensionGlobals).chrome.tabs.query({})).map((t) => t.id as number),
    );
  const before = await tabIds();
  const page = await ext.context.newPage();
  await page.goto('about:blank');
  const [tabId] = (await tabIds()).filter((id) => !before.includes(id));
  return { page, tabId: tabId as number };
}

/** Makes the background forget a tab's state, as for a tab open since before ICP Lens was installed. */
export async function forgetTab(ext: ExtensionBrowser, tabId: number): Promise<void> {
  await ext.worker.evaluate(
    (id) => (globalThis as unknown as ExtensionGlobals).chrome.storage.session.remove(`tab-${id}`),
    tabId,
  );
}

/**
 * Fills the extension's synced storage, from one of its pages, until `room` bytes (up to 10 more) are left:
 * Chromium itself then refuses a write that needs more ("Resource::kQuotaBytes quota exceeded"), as for a rep
 * whose sync space is used up. The filler items go with the next test's fresh settings.
 */
export async function fillSync(page: Page, room: number): Promise<void> {
  await page.evaluate(async (room) => {
    const { sync } = (
      globalThis as unknown as {
        chrome: {
          storage: {
            sync: {
              QUOTA_BYTES: number;
              getBytesInUse(keys: null): Promise<number>;
              set(items: object): Promise<void>;
            };
          };
        };
      }
    ).chrome.storage;
    // Each item within the browser's 8,192 bytes per item: its key ("filler00"), the string and its quotes.
    const items: Record<string, string> = {};
    for (let i = 0, left = sync.QUOTA_BYTES - (await sync.getBytesInUse(null)) - room; left > 10; i++) {
      const size = Math.min(8_000, left - 10);
      items[`filler${String(i).padStart(2, '0')}`] = 'x'.repeat(size);
      left -= size + 10;
    }
    await sync.set(items);
  }, room);
}
