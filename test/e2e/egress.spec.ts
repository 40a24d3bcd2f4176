/**
 * No telemetry, no remote code: every request made while the extension reads pages, scores them, saves a
 * prospect and shows its pages is recorded (web pages, extension pages and the service worker), and any
 * request to an origin not on the allow-list fails the test.
 *
 * The allow-list is the served test pages (their navigations only), the extension's own files, and the
 * origins the user configured: the team ICP file's, served here by a real HTTP server on 127.0.0.1 (the
 * service worker's fetches go to the network; the shared fixture only routes pages). Add an origin to
 * `configured` when a new feature may reach one.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Request, Route } from '@playwright/test';
import { DEFAULT_ICP } from '../../lib/icp/default-icp';
import { ROOT } from '../../scripts/lib/browser';
import { expect, PAGES, test } from './fixtures';

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

/**
 * The requests that went somewhere they should not: not the extension, not a served page, not configured.
 * A visited page's own subresources (the scripts its HTML names, such as a tag manager on a sample page) are
 * the page's requests, not the extension's: `pageMarkup` is the served HTML of the visited pages.
 */
function foreign(
  seen: Seen[],
  extensionId: string,
  servedPages: string[],
  configured: string[] = [],
  pageMarkup = '',
): Seen[] {
  const allowed = new Set([`chrome-extension://${extensionId}`, ...configured.map(originOf)]);
  const pages = new Set(servedPages.map((u) => new URL(u).href));
  return seen.filter(
    (r) =>
      !allowed.has(originOf(r.url)) &&
      !(r.navigation && r.from === 'page' && pages.has(r.url)) &&
      !(r.from === 'page' && !r.navigation && pageMarkup.includes(r.url)),
  );
}

/** The served HTML of these sample pages, as one text. */
function markupOf(urls: string[]): string {
  const samples = path.join(ROOT, 'test/fixtures/samples');
  const index = JSON.parse(readFileSync(path.join(samples, 'index.json'), 'utf8')) as Array<{
    url: string;
    file: string;
  }>;
  return index
    .filter((s) => urls.includes(s.url))
    .map((s) => readFileSync(path.join(samples, s.file), 'utf8'))
    .join('\n');
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

/** The team's ICP file host: a real server on this machine, counting what it is asked. */
async function teamServer() {
  let requests = 0;
  const server = http.createServer((_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(JSON.stringify({ ...DEFAULT_ICP, name: 'Egress team ICP', version: 2 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/icp.json`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

test('reading, scoring, saving and showing companies, with a team ICP, sends nothing anywhere else', async ({
  ext,
  visit,
  openPanel,
}) => {
  const team = await teamServer();
  const passThrough = (route: Route) => route.continue();
  await ext.context.route(team.url, passThrough);
  // The worker's resource timing (the second witness below) holds what earlier tests of this browser fetched:
  // from here on only.
  await ext.worker.evaluate(() => performance.clearResourceTimings());
  const recorder = recordRequests(ext.context);
  try {
    const options = await ext.context.newPage();
    await options.goto(ext.pageUrl('options.html'));
    await options.getByTestId('team-url').fill(team.url);
    await options.getByTestId('team-url-save').click();
    await expect(options.getByTestId('icp-name')).toContainText('Egress team ICP v2');
    await options.close();

    const visited = [PAGES.lumenfold, PAGES.quarryPeak, PAGES.fernbridge, PAGES.civicLedger, PAGES.news];
    const tabs = [];
    for (const url of visited) tabs.push(await visit(url));
    const panel = await openPanel({ tabId: tabs[0]?.tabId ?? 0 });
    await expect(panel.getByTestId('company-name')).toHaveText('Lumenfold');
    await expect(panel.getByTestId('icp-footer')).toContainText('Egress team ICP');
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

    // The recording is not empty: it saw the pages, the extension's own files and the team file load.
    expect(recorder.seen.filter((r) => r.navigation).map((r) => r.url)).toEqual(
      expect.arrayContaining(visited),
    );
    expect(recorder.seen.some((r) => r.url.startsWith(`chrome-extension://${ext.extensionId}/`))).toBe(true);
    expect(recorder.seen.some((r) => r.url === team.url && r.from === 'service worker')).toBe(true);
    expect(team.requests()).toBeGreaterThan(0);
    expect(foreign(recorder.seen, ext.extensionId, visited, [team.url], markupOf(visited))).toEqual([]);

    // A second witness from inside the worker: its own resource timing entries since the test began.
    const fetched = await ext.worker.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => e.name),
    );
    const teamOrigin = originOf(team.url);
    expect(
      fetched.filter((url) => !url.startsWith('chrome-extension://') && !url.startsWith(teamOrigin)),
    ).toEqual([]);
  } finally {
    recorder.stop();
    await ext.context.unroute(team.url, passThrough);
    await team.close();
  }
});
