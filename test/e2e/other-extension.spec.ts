/**
 * Another extension in the same browser, trying to feed ICP Lens forged facts by its id. ICP Lens declares no
 * `externally_connectable` and listens to no external messages, so there is nobody to receive them.
 *
 * Runs its own Chromium (ICP Lens and a generated "intruder" extension side by side), not the shared fixture's.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROME_BUILD, ensureChromium, ROOT, waitForReport } from '../../scripts/lib/browser';

const PAGE = 'https://www.lumenfold.io/';

test('another extension cannot message ICP Lens, and its forged report changes nothing', async () => {
  const intruderDir = mkdtempSync(path.join(tmpdir(), 'icp-lens-intruder-'));
  const profile = mkdtempSync(path.join(tmpdir(), 'icp-lens-two-extensions-'));
  writeFileSync(
    path.join(intruderDir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Intruder',
      version: '1.0',
      background: { service_worker: 'intruder.js' },
      permissions: ['storage', 'tabs'],
      host_permissions: ['<all_urls>'],
    }),
  );
  writeFileSync(path.join(intruderDir, 'intruder.js'), 'self.intruder = true;\n');
  const both = `${CHROME_BUILD},${intruderDir}`;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless: false,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${both}`,
      `--load-extension=${both}`,
    ],
  });
  try {
    await context.route(/^https?:\/\//, (route) =>
      route.request().url() === PAGE
        ? route.fulfill({
            status: 200,
            contentType: 'text/html',
            body: readFileSync(path.join(ROOT, 'test/fixtures/samples/lumenfold-home.html')),
          })
        : route.fulfill({ status: 404, body: '' }),
    );
    await expect.poll(() => context.serviceWorkers().length, { timeout: 15_000 }).toBe(2);
    const workers = context.serviceWorkers();
    const icpLens = workers.find((w) => w.url().endsWith('/background.js'));
    const intruder = workers.find((w) => w.url().endsWith('/intruder.js'));
    if (!icpLens || !intruder) throw new Error('Both extensions should be running');
    const icpLensId = new URL(icpLens.url()).host;

    const page = await context.newPage();
    await page.goto(PAGE);
    const { tabId } = await waitForReport(icpLens, PAGE);

    // Every way an extension can address another one: a message, a port, a forged tab message.
    const outcome = await intruder.evaluate(
      async ({ id, tab, url }) => {
        const { chrome } = globalThis as unknown as {
          chrome: {
            runtime: {
              sendMessage(id: string, message: unknown): Promise<unknown>;
              connect(id: string): {
                postMessage(m: unknown): void;
                onDisconnect: { addListener(f: () => void): void };
              };
              lastError?: { message: string };
            };
            tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
          };
        };
        const forged = {
          type: 'reportPage',
          payload: {
            url,
            title: 'Forged Corp',
            ms: 0,
            jsonLd: ['{"@type":"Organization","name":"Forged Corp"}'],
            meta: {},
            body: {
              microdata: [],
              rdfa: [],
              candidates: [
                { field: 'name', value: 'Forged Corp', source: 'jsonld', snippet: 'x', confidence: 1 },
              ],
            },
          },
        };
        const results: string[] = [];
        try {
          results.push(`answered: ${JSON.stringify(await chrome.runtime.sendMessage(id, forged))}`);
        } catch (error) {
          results.push(`refused: ${(error as Error).message}`);
        }
        const port = chrome.runtime.connect(id);
        const disconnected = new Promise<string>((resolve) =>
          port.onDisconnect.addListener(() =>
            resolve(`port closed: ${chrome.runtime.lastError?.message ?? ''}`),
          ),
        );
        port.postMessage(forged);
        results.push(await disconnected);
        try {
          await chrome.tabs.sendMessage(tab, forged);
          results.push('tab answered');
        } catch (error) {
          results.push(`tab refused: ${(error as Error).message}`);
        }
        return results;
      },
      { id: icpLensId, tab: tabId, url: PAGE },
    );
    test.info().annotations.push({ type: 'intruder', description: outcome.join(' | ') });
    expect(outcome[0]).toMatch(/^refused: .*(Receiving end does not exist|Could not establish connection)/);
    expect(outcome[1]).toMatch(/^port closed: /);
    // The page's content scripts belong to ICP Lens; the intruder's tab message reaches none of its listeners.
    expect(outcome[2]).toMatch(/^tab refused: /);

    await page.waitForTimeout(500);
    const { extract } = await waitForReport(icpLens, PAGE);
    expect(JSON.stringify(extract)).not.toContain('Forged Corp');
    expect(JSON.stringify(extract)).toContain('Lumenfold');
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(intruderDir, { recursive: true, force: true });
  }
});
