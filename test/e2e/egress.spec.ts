/**
 * No telemetry, no remote code: every request made while the extension reads pages, scores them, saves a
 * prospect and shows its pages is recorded (web pages, extension pages and the service worker), and any
 * request to an origin not on the allow-list fails the test.
 *
 * The allow-list is the served test pages (their navigations only), the extension's own files, and
 * {@link CONFIGURED_ORIGINS}: the team ICP URL's origin goes there once the extension can fetch one, set in
 * the test's settings, so that a request anywhere else still fails.
 */
import type { BrowserContext, Request } from '@playwright/test';
import { expect, PAGES, test } from './fixtures';

/** Origins the user configured and the extension may therefore reach (the team ICP URL). None yet. */
const CONFIGURED_ORIGINS: string[] = [];

/** A request as recorded: its address, type and who made it. */
interface Seen {
  url: string;
  resourceType: string;
  from: 'service worker' | 'page';
  navigation: boolean;
}

/** Records every request of the browser context until `stop` is called. */
function recordRequests(context: BrowserContext) {
  const seen: Seen[] = [];
  const onRequest = (request: Request) => {
    seen.push({
      url: request.url(),
      resourceType: request.resourceType(),
      from: request.serviceWorker() ? 'service worker' : 'page',
      navigation: request.isNavigationRequest(),
    });
  };
  context.on('request', onRequest);
  return { seen, stop: () => context.off('request', onRequest) };
}

/** `scheme://host[:port]`; the URL standard gives `chrome-extension:` addresses an opaque ("null") origin. */
function originOf(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}

/** The requests that went somewhere they should not: not the extension, not a served page, not configured. */
function foreign(seen: Seen[], extensionId: string, servedPages: string[]): Seen[] {
  const allowed = new Set([`chrome-extension://${extensionId}`, ...CONFIGURED_ORIGINS]);
  const pages = new Set(servedPages.map((u) => new URL(u).href));
  return seen.filter(
    (r) => !allowed.has(originOf(r.url)) && !(r.navigation && r.from === 'page' && pages.has(r.url)),
  );
}

const CANARY = 'https://egress-canary.invalid/beacon';

test('the recorder sees requests the service worker makes (so the test below can fail)', async ({ ext }) => {
  const recorder = recordRequests(ext.context);
  await ext.worker.evaluate((url) => fetch(url).catch(() => 'refused'), CANARY);
  recorder.stop();
  expect(recorder.seen).toContainEqual(expect.objectContaining({ url: CANARY, from: 'service worker' }));
  expect(foreign(recorder.seen, ext.extensionId, [])).toContainEqual(
    expect.objectContaining({ url: CANARY }),
  );
});

test('reading, scoring, saving and showing companies sends nothing anywhere', async ({
  ext,
  visit,
  openPanel,
}) => {
  const recorder = recordRequests(ext.context);
  const visited = [PAGES.lumenfold, PAGES.quarryPeak, PAGES.fernbridge, PAGES.civicLedger, PAGES.news];
  const tabs = [];
  for (const url of visited) tabs.push(await visit(url));
  const panel = await openPanel({ tabId: tabs[0]?.tabId ?? 0 });
  await expect(panel.getByTestId('company-name')).toHaveText('Lumenfold');
  await panel.getByTestId('save-prospect').click();
  await expect(panel.getByTestId('saved')).toBeVisible();
  for (const page of ['list.html', 'options.html']) {
    const extensionPage = await ext.context.newPage();
    await extensionPage.goto(ext.pageUrl(page));
    await extensionPage.waitForLoadState('networkidle');
    await extensionPage.close();
  }
  // Anything sent late (a beacon on a timer) has a moment to show.
  await panel.waitForTimeout(1000);
  recorder.stop();

  // The recording is not empty: it saw the pages and the extension's own files load.
  expect(recorder.seen.filter((r) => r.navigation).map((r) => r.url)).toEqual(
    expect.arrayContaining(visited),
  );
  expect(recorder.seen.some((r) => r.url.startsWith(`chrome-extension://${ext.extensionId}/`))).toBe(true);
  expect(foreign(recorder.seen, ext.extensionId, visited)).toEqual([]);

  // A second witness from inside the worker: its own resource timing entries (the canary aside).
  const fetched = await ext.worker.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => e.name),
  );
  expect(fetched.filter((url) => url !== CANARY && !url.startsWith(`chrome-extension://`))).toEqual([]);
});
